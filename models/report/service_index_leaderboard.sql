-- report.service_index_leaderboard: The 34 provinces ranked by the 766 service index (Bộ chỉ số 766) for the
-- year to date, as the latest export shows them: total and group scores, what changed since the export before,
-- how the latest month's score moved from the month before, and which groups are below the national average.
-- Used by: ServiceIndexPage (page 8): the ranked chart and the leaderboard table.
-- Grain: one row per province of the latest snapshot of the latest year (period_kind 'year'), ordered by rank.
--   Empty when no 766 export is loaded.
-- Columns: the view's own (snapshot_at, unit and scores, rank, previous_snapshot_at, total_change, rank_change,
--   file_name, table_id), and
--   score_source        the view's source ('portal'), renamed: the report reads `source`/`sources` as citations
--   period_end          the snapshot's date while the year runs (the figures stand at that day), else the year's end
--   month_start         the latest month any province has a score for; month_score its latest score for the
--                       province, month_file/month_table/month_source where that score comes from
--   previous_month_score the latest score of the month before (NULL when the exports carry none for the province),
--                       previous_month_file/_table/_source where it comes from ('exporter_trend': a total the
--                       exporter computed for its own province's trend sheet, not a row of the portal)
--   month_change        month_score - previous_month_score (NULL when either is missing)
--   avg_<group>         the group's mean over the provinces of the snapshot (unweighted: each province counts once)
--   below_<group>       the province's group score is below that mean
--   sources             'Bộ chỉ số 766, Cổng DVCQG: <file>', the export the page cites (its file name dates it)
-- Groups: progress (tiến độ giải quyết, max 20), satisfaction (mức độ hài lòng, 18), digitisation (số hoá hồ sơ,
--   22), online_payment (thanh toán trực tuyến, 10), online_service (cung cấp DVC trực tuyến, 12), transparency
--   (công khai, minh bạch, 18).
-- Parameters: none.
-- Reads: analytics.service_index
WITH province_scores AS (
  SELECT * FROM analytics.service_index WHERE unit_level = 'province'
),
latest_year AS (
  SELECT period_start, max(snapshot_at) AS snapshot_at
  FROM province_scores
  WHERE period_kind = 'year' AND source = 'portal'
  GROUP BY period_start
  ORDER BY period_start DESC
  LIMIT 1
),
leaderboard AS (
  SELECT p.*
  FROM province_scores p
  JOIN latest_year y ON p.period_start = y.period_start AND p.snapshot_at = y.snapshot_at
  WHERE p.period_kind = 'year' AND p.source = 'portal'
),
latest_month AS (
  SELECT max(period_start) AS month_start FROM province_scores WHERE period_kind = 'month'
),
month_scores AS (
  -- each province's latest score for the latest month and for the month before it (one is_latest row each)
  SELECT
    p.province_code, m.month_start,
    max(CASE WHEN p.period_start = m.month_start THEN p.total_score END) AS month_score,
    max(CASE WHEN p.period_start = m.month_start THEN p.file_name END) AS month_file,
    max(CASE WHEN p.period_start = m.month_start THEN p.table_id END) AS month_table,
    max(CASE WHEN p.period_start = m.month_start THEN p.source END) AS month_source,
    max(CASE WHEN p.period_start < m.month_start THEN p.total_score END) AS previous_month_score,
    max(CASE WHEN p.period_start < m.month_start THEN p.file_name END) AS previous_month_file,
    max(CASE WHEN p.period_start < m.month_start THEN p.table_id END) AS previous_month_table,
    max(CASE WHEN p.period_start < m.month_start THEN p.source END) AS previous_month_source
  FROM province_scores p
  CROSS JOIN latest_month m
  WHERE p.period_kind = 'month' AND p.is_latest
    AND p.period_start IN (m.month_start, add_months(m.month_start, -1))
  GROUP BY p.province_code, m.month_start
),
averages AS (
  SELECT
    *,
    avg(score_progress) OVER () AS avg_progress,
    avg(score_satisfaction) OVER () AS avg_satisfaction,
    avg(score_digitisation) OVER () AS avg_digitisation,
    avg(score_online_payment) OVER () AS avg_online_payment,
    avg(score_online_service) OVER () AS avg_online_service,
    avg(score_transparency) OVER () AS avg_transparency,
    avg(total_score) OVER () AS avg_total
  FROM leaderboard
),
final AS (
  SELECT
    -- the snapshot and the period
    a.snapshot_at, a.snapshot_date, a.period_kind, a.period_start,
    least(a.period_end, a.snapshot_date) AS period_end,
    -- the province and its standing
    a.rank, a.province_code, a.province_name, a.unit_code, a.unit_name, a.total_score,
    a.score_progress, a.score_satisfaction, a.score_digitisation, a.score_online_payment, a.score_online_service,
    a.score_transparency,
    -- since the export before
    a.previous_snapshot_at, a.total_change, a.rank_change,
    -- the latest month against the month before
    (SELECT month_start FROM latest_month) AS month_start,
    m.month_score, m.month_file, m.month_table, m.month_source,
    m.previous_month_score, m.previous_month_file, m.previous_month_table, m.previous_month_source,
    CAST(m.month_score - m.previous_month_score AS DECIMAL(5,2)) AS month_change,
    -- the national means and the groups below them
    a.avg_progress, a.avg_satisfaction, a.avg_digitisation, a.avg_online_payment, a.avg_online_service,
    a.avg_transparency, a.avg_total,
    a.score_progress < a.avg_progress AS below_progress,
    a.score_satisfaction < a.avg_satisfaction AS below_satisfaction,
    a.score_digitisation < a.avg_digitisation AS below_digitisation,
    a.score_online_payment < a.avg_online_payment AS below_online_payment,
    a.score_online_service < a.avg_online_service AS below_online_service,
    a.score_transparency < a.avg_transparency AS below_transparency,
    -- where it comes from
    a.source AS score_source, a.file_name, a.table_id,
    concat('Bộ chỉ số 766, Cổng DVCQG: ', a.file_name) AS sources
  FROM averages a
  LEFT JOIN month_scores m ON m.province_code = a.province_code
)
SELECT * FROM final
ORDER BY rank, province_code
