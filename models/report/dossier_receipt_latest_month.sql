-- report.dossier_receipt_latest_month: Overdue and late-received online dossiers per province in the latest
-- monthly letter of one kind of source, worst overdue share first.
-- Used by: DossierPage (page 3): the overdue/late chart and the table.
-- Grain: one row per province that received and processed dossiers in the letter's latest month, on one map:
--   today's map when the letter is on it (or re-based onto it), else the former map it was printed on
--   ('current' sorts before 'former', so the smallest geography of that month wins). Ordered by overdue share
--   descending, then province code.
-- Parameters:
--   :source_kind   'report' (published letters)
-- Reads: analytics.dossier_receipt
WITH letters AS (
  SELECT * FROM analytics.dossier_receipt WHERE source_kind = :source_kind
),
latest AS (
  SELECT max(period_end) AS period_end FROM letters
),
geo AS (
  SELECT min(geography) AS geography FROM letters JOIN latest USING (period_end)
)
SELECT d.*
FROM letters d
JOIN latest USING (period_end)
JOIN geo USING (geography)
WHERE d.received_processed > 0
ORDER BY d.overdue_share DESC, d.province_code
