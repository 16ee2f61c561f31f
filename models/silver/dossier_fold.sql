-- silver.dossier, folded: the latest state of every dossier the batch touches.
--
-- Inputs (temporary views the feed job registers, see models/silver/feed/):
--   feed_existing_dossier  the rows silver.dossier holds now for the touched dossiers (existing_dossier.sql)
--   feed_batch_record      the batch's valid dossier records (DongBoHoSoMC), any number per dossier
--   feed_event_agg         the batch's valid status events (CapNhatTienDoHoSoMC) summarised per dossier, plus, for
--                          dossiers new to silver, the events stored before their record arrived
-- Rules:
--   * The record version that wins is the one stamped latest (version_at = its latest time among NgayNopHoSo,
--     NgayTiepNhan, NgayKetThucXuLy, NgayTra, NgayTuChoi and its supplement rounds' request and resubmission
--     times), then the one further along (status_rank), then the one
--     that arrived last. Arrival order matters only for ties: a late-arriving older update never wins.
--   * Events are summarised with max/min only, so applying the same event twice changes nothing.
--   * status: the latest event's status when it is later than the winning record, else the record's.
--   * completed_at: for a finished dossier (9, 10), the record's NgayKetThucXuLy, else the first "finished" (9)
--     event, else the return time (NgayTra or the first 10 event): the priority of the 766 index (feed spec §7).
WITH versions AS (
  SELECT
    ma_ho_so,
    -- the procedure
    ma_tthc, ma_tthc_raw, ten_tthc, ma_linh_vuc, ten_linh_vuc,
    -- how it was submitted
    channel, applicant_type, record_status, result_delivery, submitted_via,
    has_digitised_components, vneid_authenticated, paid_online_code,
    -- its times
    submitted_at, received_at, due_at, finished_at, returned_at, refused_at, version_at, status_rank,
    -- where
    agency_code, unit_name, level, era, province_key, province_code,
    -- receipt
    receipt_date, receipt_month, accepted_late,
    -- documents, results, fees
    n_files, n_files_digitised, n_files_from_store, n_results, n_results_electronic,
    n_supplements, fee_total, has_fee,
    -- people (pseudonymised) and source
    owner_id_pid, account_pid, source,
    -- lineage: the message this version came from
    version_file_id, version_line_no, version_item_no, version_arrived_at
  FROM feed_existing_dossier
  UNION ALL
  SELECT
    ma_ho_so,
    -- the procedure
    ma_tthc, ma_tthc_raw, ten_tthc, ma_linh_vuc, ten_linh_vuc,
    -- how it was submitted
    channel, applicant_type, record_status, result_delivery, submitted_via,
    has_digitised_components, vneid_authenticated, paid_online_code,
    -- its times
    submitted_at, received_at, due_at, finished_at, returned_at, refused_at, version_at, status_rank,
    -- where
    agency_code, unit_name, level, era, province_key, province_code,
    -- receipt
    receipt_date, receipt_month, accepted_late,
    -- documents, results, fees
    n_files, n_files_digitised, n_files_from_store, n_results, n_results_electronic,
    n_supplements, fee_total, has_fee,
    -- people (pseudonymised) and source
    owner_id_pid, account_pid, source,
    -- lineage
    file_id, line_no, item_no, arrived_at
  FROM feed_batch_record
),
best AS (
  SELECT * FROM (
    SELECT *, row_number() OVER (PARTITION BY ma_ho_so ORDER BY version_at DESC NULLS LAST, status_rank DESC,
      version_arrived_at DESC, version_file_id DESC, version_line_no DESC, version_item_no DESC) AS rn
    FROM versions
  ) WHERE rn = 1
),
event_parts AS (
  SELECT ma_ho_so, last_event_at, last_event_status, first_finished_event_at, first_returned_event_at,
         first_stopped_event_at, first_pause_at, last_pause_at
  FROM feed_existing_dossier
  UNION ALL
  SELECT ma_ho_so, last_event_at, last_event_status, first_finished_event_at, first_returned_event_at,
         first_stopped_event_at, first_pause_at, last_pause_at
  FROM feed_event_agg
),
events AS (
  SELECT
    ma_ho_so,
    max(last_event_at) AS last_event_at,
    max_by(last_event_status,
      CASE WHEN last_event_at IS NOT NULL THEN struct(last_event_at, last_event_status) END) AS last_event_status,
    min(first_finished_event_at) AS first_finished_event_at,
    min(first_returned_event_at) AS first_returned_event_at,
    min(first_stopped_event_at)  AS first_stopped_event_at,
    min(first_pause_at)          AS first_pause_at,
    max(last_pause_at)           AS last_pause_at
  FROM event_parts
  GROUP BY ma_ho_so
),
folded AS (
  SELECT
    b.ma_ho_so,
    -- the procedure
    b.ma_tthc, b.ma_tthc_raw, b.ten_tthc, b.ma_linh_vuc, b.ten_linh_vuc,
    -- how it was submitted
    b.channel, b.applicant_type, b.record_status, b.result_delivery, b.submitted_via,
    b.has_digitised_components, b.vneid_authenticated, b.paid_online_code,
    -- its times
    b.submitted_at, b.received_at, b.due_at, b.finished_at, b.returned_at, b.refused_at, b.version_at, b.status_rank,
    -- where
    b.agency_code, b.unit_name, b.level, b.era, b.province_key, b.province_code,
    -- receipt
    b.receipt_date, b.receipt_month, b.accepted_late,
    -- documents, results, fees
    b.n_files, b.n_files_digitised, b.n_files_from_store, b.n_results, b.n_results_electronic,
    b.n_supplements, b.fee_total, b.has_fee,
    -- people (pseudonymised) and source
    b.owner_id_pid, b.account_pid, b.source,
    -- lineage: the message the winning version came from
    b.version_file_id, b.version_line_no, b.version_item_no, b.version_arrived_at,
    -- events
    e.last_event_at, e.last_event_status, e.first_finished_event_at, e.first_returned_event_at,
    e.first_stopped_event_at, e.first_pause_at, e.last_pause_at,
    CASE WHEN e.last_event_at IS NOT NULL AND (b.version_at IS NULL OR e.last_event_at > b.version_at)
         THEN e.last_event_status ELSE b.record_status END AS status
  FROM best b
  LEFT JOIN events e ON e.ma_ho_so = b.ma_ho_so
),
final AS (
  SELECT
    *,
    CASE WHEN status IN (9, 10)
         THEN coalesce(finished_at, first_finished_event_at, returned_at, first_returned_event_at) END AS completed_at,
    CASE channel WHEN 2 THEN 'online' WHEN 3 THEN 'postal' ELSE 'direct' END AS channel_name
  FROM folded
)
SELECT * FROM final
