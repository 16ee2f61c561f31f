-- report.reconciliation_findings: Every reconciliation check that did not match, most serious first.
-- Used by: DataQualityPage (page 6): the findings table.
-- Grain: one row per check whose status is not 'match', ordered mismatch, missing_rows, unverifiable, rounding,
--   then the rest (notes), and within each by document, table and document line.
-- Parameters: none.
-- Reads: analytics.reconciliation
SELECT *
FROM analytics.reconciliation
WHERE status <> 'match'
ORDER BY
  CASE status WHEN 'mismatch' THEN 0 WHEN 'missing_rows' THEN 1 WHEN 'unverifiable' THEN 2
    WHEN 'rounding' THEN 3 ELSE 4 END,
  document, table_id, line_no
