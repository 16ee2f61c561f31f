-- gold.dossier_daily
-- Dossiers per receipt day, province (of the era of that day), level, channel and source, computed from
-- silver.dossier for the months being rebuilt (:months) as of :as_of_date (the day of the latest message seen).
--
-- Every count is of the dossiers ACCEPTED that day (NgayTiepNhan, local date): the cohort view of VPCP's
-- monthly letters ("đối với hồ sơ tiếp nhận trong tháng"), which keeps each dossier in one row for life.
--   received            accepted dossiers (status 3, refused at intake without NgayTiepNhan, are not received)
--   online/direct/postal  received by channel (KenhThucHien 2 / 1 or empty / 3; DVCQG counts empty as direct)
--   online_via_dvcqg    online dossiers submitted on the national portal (NoiNopHoSo = 1)
--   received_late       online dossiers accepted after the first working day following submission
--   finished            status 9 or 10 with an end-of-processing time (record or event)
--   finished_on_time    finished with completed_at <= NgayHenTra (or no NgayHenTra); finished_late the rest
--                       NgayHenTra is the record's, which local systems move when a supplement pauses the clock
--                       (feed spec §9); the 766 rule "more than one supplement request = overdue" is NOT applied
--   overdue_open        not finished, not refused/withdrawn/stopped, NgayHenTra's day before the as-of day
--   paid_online         DuocThanhToanTrucTuyen 1 (DVCQG payment platform) or 2 (provincial gateway)
--   with_fee            a fee entry with Gia > 0: the denominator of the online-payment rate
--   digitised           finished with at least one result document that has an electronic file link
--   next_open_due_date  earliest due day of the open dossiers not yet overdue: when the as-of day passes it,
--                       the row's overdue count changes and the month is rebuilt
WITH dossier AS (
  SELECT *
  FROM silver.dossier
  WHERE array_contains(:months, receipt_month) AND received_at IS NOT NULL
),
classified AS (
  SELECT
    *,
    status IN (9, 10) AND completed_at IS NOT NULL AS is_finished,
    coalesce(status IN (3, 7, 8), false) AS is_closed,
    to_date(from_utc_timestamp(due_at, 'Asia/Ho_Chi_Minh')) AS due_date
  FROM dossier
),
measured AS (
  SELECT
    *,
    is_finished AND (due_at IS NULL OR completed_at <= due_at) AS on_time,
    NOT is_finished AND NOT is_closed AND due_date < :as_of_date AS overdue,
    NOT is_finished AND NOT is_closed AND due_date >= :as_of_date AS open_in_time
  FROM classified
),
final AS (
  SELECT
    -- grain
    receipt_month AS month,
    receipt_date AS day,
    era,
    province_key,
    province_code,
    level,
    channel_name AS channel,
    source,
    -- receipt
    count(*) AS received,
    count_if(channel_name = 'online') AS online,
    count_if(channel_name = 'direct') AS direct,
    count_if(channel_name = 'postal') AS postal,
    count_if(channel_name = 'online' AND submitted_via = 1) AS online_via_dvcqg,
    count_if(accepted_late) AS received_late,
    -- outcome as of :as_of_date
    count_if(is_finished) AS finished,
    count_if(on_time) AS finished_on_time,
    count_if(is_finished AND NOT on_time) AS finished_late,
    count_if(overdue) AS overdue_open,
    -- payment and results
    count_if(paid_online_code IN (1, 2)) AS paid_online,
    count_if(has_fee) AS with_fee,
    count_if(is_finished AND n_results_electronic > 0) AS digitised,
    -- when this row's overdue count next changes
    min(CASE WHEN open_in_time THEN due_date END) AS next_open_due_date
  FROM measured
  GROUP BY receipt_month, receipt_date, era, province_key, province_code, level, channel_name, source
)
SELECT * FROM final
