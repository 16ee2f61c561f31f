-- analytics.online_rate: Online submission rate per province, period and level, against the 70% target
--
-- Grain: one row per source row, geography and level. Figures published on the former 63-province map
-- appear twice: on the former geography as published, and re-based (summed over the lineage) on the
-- current one. Figures published on the current map appear once.
-- Columns:
--   geography        'former' or 'current': the map province_code belongs to
--   province_key, province_code, province_name   the province on that map
--   period_start, period_end   inclusive dates the counts cover (a day, or a cumulative span)
--   level            'province' (provincial agencies), 'commune' (commune People's Committees), 'all'
--   direct, online, returned, total   dossiers in person, online, results returned, direct + online (counts)
--   online_rate      online / total, a fraction in [0, 1], recomputed from the counts (NULL when total = 0)
--   published_online_rate  the rate the source printed, as a fraction (NULL when re-based)
--   target           the online-rate KPI from ref.kpi_threshold (0.70, Công văn 585/BKHCN-CĐSQG), NULL if none loaded
--   meets_target     online / total meets the target by ref.kpi_threshold's rule (a floor: online_rate >= target)
--   is_rebased       true when the row sums former provinces onto a current one
--   source           'report <number> <table>', or for dossier-level data 'DVCQG dossier feed' /
--                    'synthetic dossier feed' (with ' re-based from N former provinces' when re-based)
--   source_kind      'report' (published figures), 'dvcqg_feed' (real dossier messages) or 'synthetic'
--                    (generated test data): filter or group on it, never add kinds together
-- Dossier-level rows are monthly (period = a calendar month of receipt), per level including 'district' (former
-- era) and 'unknown'; 'returned' there counts finished dossiers, 'direct' includes postal ones.
-- Sources: gold.fact_online_submission (steering committee daily reports, Phụ lục 8), analytics.dossier_monthly
--          (dossier feed), ref.kpi_threshold, analytics.province_map.
CREATE OR REPLACE VIEW analytics.online_rate AS
WITH facts AS (
  SELECT * FROM gold.fact_online_submission
),
target AS (
  -- one row even when no directive is loaded: the rates still show, with a NULL target
  SELECT max(threshold) AS target, max(direction) AS direction FROM ref.kpi_threshold WHERE kpi = 'online_rate'
),
as_published AS (
  SELECT
    geography, province_key, province_code, province_name, period_start, period_end, level,
    direct, online, returned, total,
    published_online_rate_pct / 100 AS published_online_rate,
    false AS is_rebased,
    concat('report ', source_document, ' ', table_id) AS source,
    'report' AS source_kind
  FROM facts
),
rebased AS (
  SELECT
    'current' AS geography, m.current_key AS province_key, m.current_code AS province_code,
    m.current_name AS province_name, f.period_start, f.period_end, f.level,
    sum(f.direct) AS direct, sum(f.online) AS online, sum(f.returned) AS returned, sum(f.total) AS total,
    CAST(NULL AS DECIMAL(9,4)) AS published_online_rate,
    true AS is_rebased,
    concat('report ', max(f.source_document), ' ', max(f.table_id), ' re-based from ', count(*), ' former provinces')
      AS source,
    'report' AS source_kind
  FROM facts f
  JOIN analytics.province_map m ON m.geography = 'former' AND m.province_key = f.province_key
  WHERE f.geography = 'former'
  GROUP BY m.current_key, m.current_code, m.current_name, f.period_start, f.period_end, f.level
),
feed AS (
  SELECT
    geography, province_key, province_code, province_name, period_start, period_end, level,
    direct + postal AS direct, online, finished AS returned, received AS total,
    CAST(NULL AS DECIMAL(9,4)) AS published_online_rate,
    is_rebased, source, source_kind
  FROM analytics.dossier_monthly
),
combined AS (
  SELECT * FROM as_published
  UNION ALL
  SELECT * FROM rebased
  UNION ALL
  SELECT * FROM feed
),
final AS (
  SELECT
    c.geography, c.province_key, c.province_code, c.province_name, c.period_start, c.period_end, c.level,
    c.direct, c.online, c.returned, c.total,
    CASE WHEN c.total > 0 THEN CAST(round(c.online / c.total, 6) AS DECIMAL(9,6)) END AS online_rate,
    CAST(c.published_online_rate AS DECIMAL(9,6)) AS published_online_rate,
    t.target,
    CASE WHEN c.total > 0 AND t.target IS NOT NULL THEN t.direction * (c.online / c.total - t.target) >= 0 END
      AS meets_target,
    c.is_rebased,
    c.source,
    c.source_kind
  FROM combined c
  CROSS JOIN target t
)
SELECT * FROM final
