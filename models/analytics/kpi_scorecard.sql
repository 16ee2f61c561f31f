-- analytics.kpi_scorecard: Each KPI the provincial directive names, per province and period where the data allows, with value, threshold and breach
--
-- Grain: one row per KPI, geography, province, period and level for which the warehouse has the counts.
-- KPIs (thresholds and comparators from ref.kpi_threshold, read from the directive):
--   online_rate          online / total dossiers (≥ 70%, Công văn 585/BKHCN-CĐSQG); from analytics.online_rate
--   overdue_rate         overdue in processing / received and processed (≤ 5%); from analytics.dossier_receipt
--                        (VPCP's monthly letters count online dossiers from DVCQG only)
--                        for dossier-level data: (finished late + open past due) / received, all channels,
--                        from analytics.dossier_monthly
--   online_payment_rate  paid online / dossiers with a fee (≥ 30%, NQ 76/NQ-CP), dossier-level data only
--   digitised_result_rate  finished with an electronic result / finished (≥ 90%), dossier-level data only
--   (the published reports give no counts for these two)
-- Columns:
--   kpi, geography, province_code, province_name, period_start, period_end, level
--   numerator, denominator   the counts the value is computed from
--   value                numerator / denominator, fraction [0, 1]
--   threshold, comparator  the target as a fraction, '>=' (floor) or '<=' (ceiling)
--   breach               true when the value is on the wrong side of the threshold (ref.kpi_threshold's rule)
--   gap                  value - threshold (negative = short of a floor; positive = over a ceiling)
--   source, target_source   where the counts and the threshold come from
--   source_kind      'report', 'dvcqg_feed' or 'synthetic'
-- Sources: analytics.online_rate, analytics.dossier_receipt, analytics.dossier_monthly, ref.kpi_threshold.
CREATE OR REPLACE VIEW analytics.kpi_scorecard AS
WITH targets AS (
  SELECT * FROM ref.kpi_threshold
),
online AS (
  SELECT 'online_rate' AS kpi, geography, province_code, province_name, period_start, period_end, level,
         online AS numerator, total AS denominator, source, source_kind
  FROM analytics.online_rate
),
overdue AS (
  SELECT 'overdue_rate' AS kpi, geography, province_code, province_name, period_start, period_end, 'all' AS level,
         overdue_in_processing AS numerator, received_processed AS denominator, source, source_kind
  FROM analytics.dossier_receipt
  WHERE source_kind = 'report'
),
feed AS (
  SELECT stack(3,
           'overdue_rate', finished_late + overdue_open, received,
           'online_payment_rate', paid_online, with_fee,
           'digitised_result_rate', digitised, finished) AS (kpi, numerator, denominator),
         geography, province_code, province_name, period_start, period_end, level, source, source_kind
  FROM analytics.dossier_monthly
),
measured AS (
  SELECT * FROM online
  UNION ALL
  SELECT * FROM overdue
  UNION ALL
  SELECT kpi, geography, province_code, province_name, period_start, period_end, level, numerator, denominator,
         source, source_kind
  FROM feed
),
final AS (
  SELECT
    m.kpi, m.geography, m.province_code, m.province_name, m.period_start, m.period_end, m.level,
    m.numerator, m.denominator,
    CAST(round(m.numerator / m.denominator, 6) AS DECIMAL(9,6)) AS value,
    t.threshold, t.comparator,
    t.direction * (m.numerator / m.denominator - t.threshold) < 0 AS breach,
    CAST(round(m.numerator / m.denominator - t.threshold, 6) AS DECIMAL(9,6)) AS gap,
    m.source, t.target_source, m.source_kind
  FROM measured m
  JOIN targets t ON t.kpi = m.kpi
  WHERE m.denominator > 0
)
SELECT * FROM final
