-- analytics.service_index: every snapshot of DVCQG's 766 service index, per period and unit, on today's map
--
-- Grain: one row per snapshot × period × unit: each export of the index (Bộ chỉ số 766, Decision 766/QĐ-TTg) is
-- kept, so a period's revisions from one day to the next read straight from here.
-- Columns:
--   snapshot_at        when the export was taken (UTC): the workbook's creation time, the API envelope's
--                      captured_at, or the time in the file name; never the load time
--   snapshot_date      that moment's date in Vietnam (UTC+7)
--   period_kind        'year' (the year to date), 'quarter' or 'month'
--   period_start       first day of the period (inclusive)
--   period_end         last day of the period (inclusive; a year or month still running ends later than the snapshot)
--   unit_level         'province' (ranked among the 34 provinces), 'agency' (sở, ban, ngành) or 'commune' (xã,
--                      phường), the last two ranked together among the units of their province
--   province_code      the unit's province on today's map (QĐ 19/2025 code), from the DVCQG code in its unit code
--   province_name      that province's name
--   unit_code          the unit's DVCQG code as published (H05; H01.15 an agency of H01; 000.00.00.H37 Lạng Sơn)
--   unit_name          the unit's name as published
--   score_progress     TDGQ, tiến độ giải quyết (at most 20)
--   score_satisfaction MDHL, mức độ hài lòng (at most 18)
--   score_digitisation MDSH, số hoá hồ sơ (at most 22)
--   score_online_payment TTTT, thanh toán trực tuyến (at most 10)
--   score_online_service CLGQ, cung cấp dịch vụ công trực tuyến (at most 12)
--   score_transparency CKMB, công khai, minh bạch (at most 18)
--   total_score        TONG_SCORE as published (0.01; a binary-float artefact such as 80.59999999999999 reads 80.6);
--                      the groups are checked against it in analytics.reconciliation, never corrected
--   rank               ROW_STT as published: among the provinces, or among all agencies and communes of the province
--   rank_scope         'provinces' or 'province_units'
--   is_latest          true on the latest snapshot of this period and unit
--   previous_snapshot_at the snapshot before it of the same period and unit (NULL on the first)
--   total_change       total_score minus the previous snapshot's (NULL on the first)
--   rank_change        previous rank minus this rank: positive when the unit moved up (NULL on the first or unranked)
--   source             'portal' (a row of the portal's response), or 'exporter_trend' (a total the exporter computed
--                      for its province's trend sheet; kept only for periods the portal's rows of the snapshot lack)
--   snapshot_source    what dated the snapshot: workbook_properties, api_envelope, file_name
--   period_source      what gave the period: sheet_and_file_name, trend_row, service-index-periods.tsv
--   doc_id, file_name, table_id, line_no, raw_line   lineage: the export, its sheet, the line of its text, as written
-- Sources: silver.service_index_score (every row of every export), from inputs read by dvcw refresh.
CREATE OR REPLACE VIEW analytics.service_index AS
WITH portal AS (
  SELECT * FROM silver.service_index_score WHERE source = 'portal'
),
trend AS (
  -- The exporter's trend totals, for the periods its province's portal rows of the same snapshot do not cover.
  SELECT t.*
  FROM silver.service_index_score t
  LEFT ANTI JOIN portal p
    ON p.snapshot_at = t.snapshot_at AND p.period_kind = t.period_kind AND p.period_start = t.period_start
   AND p.unit_level = 'province' AND p.province_dvcqg_code = t.province_dvcqg_code
  WHERE t.source = 'exporter_trend'
),
scores AS (
  SELECT * FROM portal
  UNION ALL
  SELECT * FROM trend
),
one_per_unit AS (
  -- Two exports taken at the same moment count once (the first by document and row).
  SELECT *
  FROM (
    SELECT s.*, row_number() OVER (PARTITION BY snapshot_at, period_kind, period_start, unit_level, province_dvcqg_code,
                                                unit_code ORDER BY doc_id, table_id, row_no) AS copy_no
    FROM scores s
  )
  WHERE copy_no = 1
),
revisions AS (
  SELECT
    o.*,
    lag(snapshot_at) OVER unit_history AS previous_snapshot_at,
    lag(total_score) OVER unit_history AS previous_total,
    lag(rank) OVER unit_history AS previous_rank,
    row_number() OVER (PARTITION BY period_kind, period_start, unit_level, province_dvcqg_code, unit_code
                       ORDER BY snapshot_at DESC, doc_id) AS recency
  FROM one_per_unit o
  WINDOW unit_history AS (PARTITION BY period_kind, period_start, unit_level, province_dvcqg_code, unit_code
                          ORDER BY snapshot_at, doc_id)
),
final AS (
  SELECT
    -- the snapshot and the period
    snapshot_at, snapshot_date, period_kind, period_start, period_end,
    -- the unit, on today's map
    unit_level, province_code, province_name, unit_code, unit_name,
    -- the scores as published
    score_progress, score_satisfaction, score_digitisation, score_online_payment, score_online_service,
    score_transparency, total_score, rank,
    CASE WHEN unit_level = 'province' THEN 'provinces' ELSE 'province_units' END AS rank_scope,
    -- revisions
    recency = 1 AS is_latest,
    previous_snapshot_at,
    CAST(total_score - previous_total AS DECIMAL(5,2)) AS total_change,
    previous_rank - rank AS rank_change,
    -- where it comes from
    source, snapshot_source, period_source, doc_id, file_name, table_id, line_no, raw_line
  FROM revisions
)
SELECT * FROM final
