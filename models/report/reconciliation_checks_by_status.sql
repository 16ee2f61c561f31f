-- report.reconciliation_checks_by_status: How many reconciliation checks of each document came out as each
-- result (match, rounding, mismatch, missing_rows, unverifiable, note).
-- Used by: DataQualityPage (page 6): the count of matching checks in words, and the chart of the other results.
-- Grain: one row per document and status, ordered by document, then status. Checks are per document, on
--   whichever map it prints, so the period is the documents' own and the source is each document: the columns
--   period_start, period_end, geography ('as_printed') and source are what the chart's provenance line reads.
-- Parameters: none.
-- Reads: analytics.reconciliation, analytics.documents
SELECT
  r.document, r.status,
  count(*) AS checks,
  min(d.period_start) AS period_start,
  max(d.period_end) AS period_end,
  'as_printed' AS geography,
  concat('document ', r.document) AS source
FROM analytics.reconciliation r
JOIN analytics.documents d USING (doc_id)
GROUP BY r.document, r.status
ORDER BY r.document, r.status
