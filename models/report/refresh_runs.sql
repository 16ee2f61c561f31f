-- report.refresh_runs: The latest refresh runs, newest first: how each ended, how long it took, what it read
-- and what it found.
-- Used by: the 'dvcw runs' command (RunsCommand).
-- Grain: one row per refresh run, at most :run_count rows, newest start first.
-- Columns:
--   run_id, status, exit_code, started_at
--   seconds            wall-clock duration in seconds (NULL when the run has no end time)
--   inputs_seen, inputs_new           input files found, and those not loaded before
--   quarantined_new                   inputs newly set aside in ops.quarantine
--   mismatches, mismatches_new        reconciliation mismatches, all and first seen in this run
--   warnings                          how many warnings the run recorded
-- Parameters:
--   :run_count   how many runs to show (at least 1)
-- Reads: ops.refresh_run
SELECT
  run_id, status, exit_code, started_at,
  CAST(unix_timestamp(ended_at) - unix_timestamp(started_at) AS INT) AS seconds,
  inputs_seen, inputs_new, quarantined_new, mismatches, mismatches_new,
  size(warnings) AS warnings
FROM ops.refresh_run
ORDER BY started_at DESC
LIMIT :run_count
