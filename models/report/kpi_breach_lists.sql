-- report.kpi_breach_lists: Every province breaching a directive KPI on today's map, in the order a provincial
-- office lists them: by KPI, newest period first, all levels before province before commune, worst first.
-- Used by: KpiBreachPage (page 4): one table per KPI, period and level; one gap chart per KPI's latest
--   all-level list.
-- Grain: one row per breach (KPI × period × level × current province).
-- Parameters:
--   :source_kind   'report' (published documents), 'dvcqg_feed' or 'synthetic'
-- Reads: analytics.kpi_breaches
SELECT *
FROM analytics.kpi_breaches
WHERE geography = 'current' AND source_kind = :source_kind
ORDER BY kpi, period_end DESC, period_start,
  CASE level WHEN 'all' THEN 0 WHEN 'province' THEN 1 ELSE 2 END,
  rank_in_kpi
