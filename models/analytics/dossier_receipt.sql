-- analytics.dossier_receipt: Online dossiers received from DVCQG per province and month: on time, received late, overdue in processing
--
-- Grain: one row per province and period of VPCP's monthly letters (e.g. 7260/VPCP-KSTT for 7/2025), on the
-- map the letter uses; letters on the former map are also re-based onto the current one.
-- Columns:
--   geography, province_code, province_name   the province and its map ('former' / 'current')
--   period_start, period_end   the month covered (inclusive)
--   received_processed     online dossiers from DVCQG received and processed in the period (count)
--   processed_on_time      of which processed on time (count)
--   received_late          online dossiers not accepted within one working day (Art. 17-18 Decree 118/2025/NĐ-CP)
--   overdue_in_processing  dossiers received in the period, past their due date and still in processing
--   on_time_share, received_late_share, overdue_share   each count / received_processed, fraction [0, 1]
--   is_rebased, source
--   source_kind      'report' (the letters), 'dvcqg_feed' or 'synthetic' (dossier-level data: the same measures
--                    for the online dossiers accepted in each month, as of the feed's as-of day)
-- Note: a '-' printed in the letter is loaded as 0 ("none"); received_late_note says so.
-- Sources: gold.fact_dossier_receipt, analytics.dossier_monthly (level 'all'), analytics.province_map.
CREATE OR REPLACE VIEW analytics.dossier_receipt AS
WITH facts AS (
  SELECT * FROM gold.fact_dossier_receipt
),
as_published AS (
  SELECT geography, province_code, province_name, period_start, period_end,
         received_processed, processed_on_time, received_late, overdue_in_processing,
         received_late_note, false AS is_rebased, concat('letter ', source_document) AS source,
         'report' AS source_kind
  FROM facts
),
rebased AS (
  SELECT 'current' AS geography, m.current_code AS province_code, m.current_name AS province_name,
         f.period_start, f.period_end,
         sum(f.received_processed), sum(f.processed_on_time), sum(f.received_late), sum(f.overdue_in_processing),
         CAST(NULL AS STRING), true, concat('letter ', max(f.source_document), ' re-based'), 'report'
  FROM facts f
  JOIN analytics.province_map m ON m.geography = 'former' AND m.province_key = f.province_key
  WHERE f.geography = 'former'
  GROUP BY m.current_code, m.current_name, f.period_start, f.period_end
),
feed AS (
  SELECT geography, province_code, province_name, period_start, period_end,
         online, online_finished_on_time, received_late, online_overdue_open,
         CAST(NULL AS STRING), is_rebased, source, source_kind
  FROM analytics.dossier_monthly
  WHERE level = 'all'
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
    geography, province_code, province_name, period_start, period_end,
    received_processed, processed_on_time, received_late, overdue_in_processing,
    CASE WHEN received_processed > 0
         THEN CAST(round(processed_on_time / received_processed, 6) AS DECIMAL(9,6)) END AS on_time_share,
    CASE WHEN received_processed > 0
         THEN CAST(round(received_late / received_processed, 6) AS DECIMAL(9,6)) END AS received_late_share,
    CASE WHEN received_processed > 0
         THEN CAST(round(overdue_in_processing / received_processed, 6) AS DECIMAL(9,6)) END AS overdue_share,
    received_late_note, is_rebased, source, source_kind
  FROM combined
)
SELECT * FROM final
