-- Where the stored state of each dossier the batch touches can be in silver.dossier (partitioned by receipt month).
--
-- Inputs:
--   feed_batch_record   the batch's valid dossier records
--   feed_batch_event    the batch's valid status events
-- Grain: one row per (ma_ho_so, receipt_month) candidate.
-- A record names its months (receipt month, and the local months of submission and receipt, in case the stored
-- version was received in another month). An event names none: its dossier's number (agency-yyMMdd-sequence)
-- carries the submission day, so the month of that date and the next one (accepted after month end) are tried.
-- Dossiers whose number carries no date have no candidate here: see undated_dossier.sql.
WITH record_month AS (
  SELECT ma_ho_so, explode(array(
    receipt_month,
    date_format(from_utc_timestamp(submitted_at, 'Asia/Ho_Chi_Minh'), 'yyyy-MM'),
    date_format(from_utc_timestamp(received_at, 'Asia/Ho_Chi_Minh'), 'yyyy-MM'))) AS receipt_month
  FROM feed_batch_record
),
event_dossier AS (
  SELECT DISTINCT ma_ho_so,
    to_date(regexp_extract(ma_ho_so, '-([0-9]{6})-[0-9]{4,5}$', 1), 'yyMMdd') AS numbered_on
  FROM feed_batch_event
),
event_month AS (
  SELECT ma_ho_so, explode(array(
    date_format(numbered_on, 'yyyy-MM'),
    date_format(add_months(numbered_on, 1), 'yyyy-MM'))) AS receipt_month
  FROM event_dossier
),
final AS (
  SELECT DISTINCT ma_ho_so, receipt_month
  FROM (SELECT * FROM record_month UNION ALL SELECT * FROM event_month)
  WHERE receipt_month IS NOT NULL
)
SELECT * FROM final
