-- report.kpi_without_source: The directive's KPIs that no loaded source of one kind can measure yet, with their
-- thresholds, so the page says so rather than leaving them out.
-- Used by: KpiBreachPage (page 4): one note per KPI.
-- Grain: one row per KPI of ref.kpi_target with no row in analytics.kpi_scorecard for that source kind,
--   ordered by KPI.
-- Columns: kpi; threshold (a fraction); comparator ('>=' a floor, '<=' a ceiling).
-- Parameters:
--   :source_kind   'report' (published documents), 'dvcqg_feed' or 'synthetic'
-- Reads: ref.kpi_target, analytics.kpi_scorecard
WITH measured AS (
  SELECT * FROM analytics.kpi_scorecard WHERE source_kind = :source_kind
)
SELECT t.kpi, max(t.threshold) AS threshold, max(t.comparator) AS comparator
FROM ref.kpi_target t
LEFT ANTI JOIN measured s ON s.kpi = t.kpi
GROUP BY t.kpi
ORDER BY t.kpi
