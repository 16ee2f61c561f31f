-- report.quarantined_inputs: The inputs held in quarantine, newest first: what was set aside, where it came
-- from, and why.
-- Used by: DataQualityPage (page 6): the quarantine table (only when ops.quarantine exists).
-- Grain: one row per quarantined input line (or file), ordered by quarantine time descending, then file and line.
-- Parameters: none.
-- Reads: ops.quarantine
SELECT *
FROM ops.quarantine
ORDER BY quarantined_at DESC, file_path, line_no
