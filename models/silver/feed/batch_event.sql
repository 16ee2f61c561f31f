-- silver.dossier_event rows of one run: the batch's valid status events (CapNhatTienDoHoSoMC), one per event.
--
-- Inputs:
--   feed_staged   the run's parsed messages
-- Grain: one row per event_id (dossier, time, status, action); of repeats, the first to arrive is kept, so its
-- lineage points at the earliest copy.
WITH events AS (
  SELECT * FROM feed_staged WHERE kind = 'event' AND problem IS NULL
),
first_copy AS (
  SELECT * FROM (
    SELECT *, row_number() OVER (PARTITION BY event_id ORDER BY arrived_at, file_id, line_no, item_no) AS copy_no
    FROM events
  ) WHERE copy_no = 1
),
final AS (
  SELECT
    -- ids
    event_id, ma_ho_so,
    -- when, in local time (Asia/Ho_Chi_Minh) for the day and the month
    event_at,
    to_date(from_utc_timestamp(event_at, 'Asia/Ho_Chi_Minh')) AS event_date,
    date_format(from_utc_timestamp(event_at, 'Asia/Ho_Chi_Minh'), 'yyyy-MM') AS event_month,
    -- what happened
    event_status, action, handler_pid, step_deadline_at, source,
    -- lineage
    file_id, line_no, item_no, arrived_at
  FROM first_copy
)
SELECT * FROM final
