-- analytics.online_rate_trend: Online submission rate on today's 34-province map as a time series across both eras
--
-- Grain: one row per current province, period and level (periods from every source, former-era ones re-based).
-- Columns:
--   province_code, province_name   the current province (Decision 19/2025/QĐ-TTg codes)
--   period_start, period_end       inclusive dates; period_days = their span in days
--   period_kind      'day' for one day, 'month' for a calendar month (dossier-level data), 'span' otherwise
--   level            'province', 'commune' or 'all'
--   online, total    summed counts; online_rate = online / total (fraction, recomputed from the sums)
--   target, meets_target   the online-rate KPI (0.70) and whether the period met it
--   era              'former' (ends before 2025-07-01), 'current' (starts on or after), 'crosses' (spans it)
--   crosses_reorganisation  true when the period spans 2025-07-01, the day the geography changed
--   is_rebased       true when the figures were published on the former map and summed onto this province
--   source_kind      'report', 'dvcqg_feed' or 'synthetic': rows of different kinds are never summed together
--   sources          the documents (or feeds) the row comes from
-- Sources: analytics.online_rate (current geography rows only).
CREATE OR REPLACE VIEW analytics.online_rate_trend AS
WITH current_map AS (
  SELECT * FROM analytics.online_rate WHERE geography = 'current'
),
target AS (
  SELECT max(threshold) AS target FROM ref.kpi_target WHERE kpi = 'online_rate'
),
series AS (
  SELECT
    province_code, province_name, period_start, period_end, level, source_kind,
    sum(online) AS online, sum(total) AS total,
    bool_or(is_rebased) AS is_rebased,
    concat_ws('; ', sort_array(collect_set(source))) AS sources
  FROM current_map
  GROUP BY province_code, province_name, period_start, period_end, level, source_kind
),
final AS (
  SELECT
    s.province_code, s.province_name, s.period_start, s.period_end,
    datediff(s.period_end, s.period_start) + 1 AS period_days,
    CASE WHEN s.period_start = s.period_end THEN 'day'
         WHEN s.period_start = trunc(s.period_start, 'MM') AND s.period_end = last_day(s.period_start) THEN 'month'
         ELSE 'span' END AS period_kind,
    s.level, s.online, s.total,
    CASE WHEN s.total > 0 THEN CAST(round(s.online / s.total, 6) AS DECIMAL(9,6)) END AS online_rate,
    t.target,
    CASE WHEN s.total > 0 AND t.target IS NOT NULL THEN s.online / s.total >= t.target END AS meets_target,
    CASE WHEN s.period_end < DATE'2025-07-01' THEN 'former'
         WHEN s.period_start >= DATE'2025-07-01' THEN 'current'
         ELSE 'crosses' END AS era,
    s.period_start < DATE'2025-07-01' AND s.period_end >= DATE'2025-07-01' AS crosses_reorganisation,
    s.is_rebased,
    s.source_kind,
    s.sources
  FROM series s
  CROSS JOIN target t
)
SELECT * FROM final
