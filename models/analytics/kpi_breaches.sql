-- analytics.kpi_breaches: The provinces breaching each KPI, worst first, as a provincial office lists them by hand
--
-- Grain: one row per breach in analytics.kpi_scorecard.
-- Columns:
--   kpi, geography, province_code, province_name, period_start, period_end, level
--   value_pct, threshold_pct   value and threshold as percentages (2 decimals) for reading
--   gap_pct                    value - threshold in percentage points
--   rank_in_kpi                1 = furthest from the target within the KPI, period, level and geography
--   numerator, denominator, source, target_source
--   source_kind                'report', 'dvcqg_feed' or 'synthetic' (ranks never mix kinds)
-- Sources: analytics.kpi_scorecard (thresholds from ref.kpi_threshold, read from the provincial directive).
CREATE OR REPLACE VIEW analytics.kpi_breaches AS
WITH breaches AS (
  SELECT * FROM analytics.kpi_scorecard WHERE breach
),
final AS (
  SELECT
    kpi, geography, province_code, province_name, period_start, period_end, level,
    CAST(round(value * 100, 2) AS DECIMAL(9,2)) AS value_pct,
    CAST(round(threshold * 100, 2) AS DECIMAL(9,2)) AS threshold_pct,
    CAST(round(gap * 100, 2) AS DECIMAL(9,2)) AS gap_pct,
    row_number() OVER (PARTITION BY kpi, source_kind, geography, period_start, period_end, level ORDER BY abs(gap) DESC,
                       province_code) AS rank_in_kpi,
    numerator, denominator, source, target_source, source_kind
  FROM breaches
)
SELECT * FROM final
