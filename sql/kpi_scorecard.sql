-- analytics.kpi_scorecard: Each KPI the provincial directive names, per province and period where the data allows, with value, threshold and breach
--
-- Grain: one row per KPI, geography, province, period and level for which the warehouse has the counts.
-- KPIs (thresholds from ref.kpi_target, read from the directive):
--   online_rate          online / total dossiers (≥ 70%, Công văn 585/BKHCN-CĐSQG); from analytics.online_rate
--   overdue_rate         overdue in processing / received and processed (≤ 5%); from analytics.dossier_receipt
--                        (VPCP's monthly letters count online dossiers from DVCQG only)
--   online_payment_rate  (≥ 30%, NQ 76/NQ-CP) and digitised_result_rate (≥ 90%): no source loaded yet gives their
--                        counts, so they have no rows until dossier-level data is loaded
-- Columns:
--   kpi, geography, province_code, province_name, period_start, period_end, level
--   numerator, denominator   the counts the value is computed from
--   value                numerator / denominator, fraction [0, 1]
--   threshold, comparator  the target as a fraction, '>=' (floor) or '<=' (ceiling)
--   breach               true when the value is on the wrong side of the threshold
--   gap                  value - threshold (negative = short of a floor; positive = over a ceiling)
--   source, target_source   where the counts and the threshold come from
-- Sources: analytics.online_rate, analytics.dossier_receipt, ref.kpi_target.
CREATE OR REPLACE VIEW analytics.kpi_scorecard AS
WITH targets AS (
  SELECT kpi, max(threshold) AS threshold, max(comparator) AS comparator,
         max(concat(legal_reference, ' (', source_document, ')')) AS target_source
  FROM ref.kpi_target
  GROUP BY kpi
),
online AS (
  SELECT 'online_rate' AS kpi, geography, province_code, province_name, period_start, period_end, level,
         online AS numerator, total AS denominator, source
  FROM analytics.online_rate
),
overdue AS (
  SELECT 'overdue_rate' AS kpi, geography, province_code, province_name, period_start, period_end, 'all' AS level,
         overdue_in_processing AS numerator, received_processed AS denominator, source
  FROM analytics.dossier_receipt
),
measured AS (
  SELECT * FROM online
  UNION ALL
  SELECT * FROM overdue
),
final AS (
  SELECT
    m.kpi, m.geography, m.province_code, m.province_name, m.period_start, m.period_end, m.level,
    m.numerator, m.denominator,
    CAST(round(m.numerator / m.denominator, 6) AS DECIMAL(9,6)) AS value,
    t.threshold, t.comparator,
    CASE t.comparator
      WHEN '>=' THEN m.numerator / m.denominator < t.threshold
      WHEN '<=' THEN m.numerator / m.denominator > t.threshold
    END AS breach,
    CAST(round(m.numerator / m.denominator - t.threshold, 6) AS DECIMAL(9,6)) AS gap,
    m.source, t.target_source
  FROM measured m
  JOIN targets t ON t.kpi = m.kpi
  WHERE m.denominator > 0
)
SELECT * FROM final
