-- report.latest_refresh_run: The refresh that left the lakehouse in the state the report shows, with the Delta
-- version of every table it wrote, so a printed figure can be traced back and re-queried with --as-of.
-- Used by: LakehouseVersion: the report's header.
-- Grain: at most one row: the run started last (ties broken by the greater run id); none before any refresh.
-- Parameters: none.
-- Reads: ops.refresh_run
SELECT run_id, started_at, ended_at, status, exit_code, table_versions
FROM ops.refresh_run
ORDER BY started_at DESC, run_id DESC
LIMIT 1
