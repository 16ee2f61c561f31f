-- analytics.online_rate_trend: Online submission rate on today's 34-province map as a time series across both eras
--
-- Grain: one row per current province, period and level (periods from every source, former-era ones re-based).
-- Columns:
--   province_code, province_name   the current province (Decision 19/2025/QĐ-TTg codes)
--   period_start, period_end       inclusive dates; period_days = their span in days
--   period_kind      'day' for one day, 'month' for a calendar month (dossier-level data), 'span' otherwise
--   level            'province', 'commune' or 'all'
--   online, total    summed counts; online_rate = online / total (fraction, recomputed from the sums)
--   target, meets_target   the online-rate KPI (0.70) and whether the period met it (ref.kpi_threshold's rule)
--   era              'former' (ends before 2025-07-01), 'current' (starts on or after), 'crosses' (spans it);
--                    the date is ref.reorganisation.effective_date, from the lineage reference data
--   crosses_reorganisation  true when the period spans 2025-07-01, the day the geography changed
--   is_rebased       true when the figures were published on the former map and summed onto this province
--   source_kind      'report', 'dvcqg_feed' or 'synthetic': rows of different kinds are never summed together
--   sources          the documents (or feeds) the row comes from
-- Sources: analytics.online_rate (current geography rows only), ref.kpi_threshold, ref.reorganisation.
CREATE OR REPLACE VIEW analytics.online_rate_trend AS
WITH current_map AS (
  SELECT * FROM analytics.online_rate WHERE geography = 'current'
),
target AS (
  -- one row even when no directive is loaded: the rates still show, with a NULL target
  SELECT max(threshold) AS target, max(direction) AS direction FROM ref.kpi_threshold WHERE kpi = 'online_rate'
),
reorganisation AS (
  SELECT effective_date AS reorganised_on FROM ref.reorganisation
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
    CASE WHEN s.total > 0 AND t.target IS NOT NULL THEN t.direction * (s.online / s.total - t.target) >= 0 END
      AS meets_target,
    CASE WHEN s.period_end < r.reorganised_on THEN 'former'
         WHEN s.period_start >= r.reorganised_on THEN 'current'
         ELSE 'crosses' END AS era,
    s.period_start < r.reorganised_on AND s.period_end >= r.reorganised_on AS crosses_reorganisation,
    s.is_rebased,
    s.source_kind,
    s.sources
  FROM series s
  CROSS JOIN target t
  CROSS JOIN reorganisation r
)
SELECT * FROM final
