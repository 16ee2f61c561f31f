-- report.kpi_threshold: The directive's threshold for one KPI (a fraction), or NULL when it has none.
-- Used by: DossierPage (page 3): the overdue-rate ceiling drawn on the overdue/late chart.
-- Grain: exactly one row.
-- Parameters:
--   :kpi   the KPI's id in ref.kpi_target ('online_rate', 'overdue_rate', 'online_payment_rate', ...)
-- Reads: ref.kpi_target
SELECT max(threshold) AS threshold
FROM ref.kpi_target
WHERE kpi = :kpi
