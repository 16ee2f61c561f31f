-- The events of the batch's dossiers summarised per dossier, for the fold. Only max and min are used, so an
-- event seen twice changes nothing.
--
-- Inputs:
--   feed_batch_event    the batch's valid status events
--   feed_stored_event   events stored by earlier runs for the dossiers new to silver
-- Grain: one row per ma_ho_so.
--   last_event_at, last_event_status   the latest event (on equal times, the higher status)
--   first_finished_event_at            the first "finished" event (status 9)
--   first_returned_event_at            the first "returned" event (status 10)
--   first_stopped_event_at             the first refusal, withdrawal or stop (3, 7, 8)
--   first_pause_at, last_pause_at      the first and last supplement or suspension pause (5, 6)
WITH events AS (
  SELECT ma_ho_so, event_at, event_status FROM feed_batch_event
  UNION ALL
  SELECT ma_ho_so, event_at, event_status FROM feed_stored_event
),
final AS (
  SELECT
    ma_ho_so,
    max(event_at) AS last_event_at,
    max_by(event_status, struct(event_at, event_status)) AS last_event_status,
    min(CASE WHEN event_status = 9 THEN event_at END) AS first_finished_event_at,
    min(CASE WHEN event_status = 10 THEN event_at END) AS first_returned_event_at,
    min(CASE WHEN event_status IN (3, 7, 8) THEN event_at END) AS first_stopped_event_at,
    min(CASE WHEN event_status IN (5, 6) THEN event_at END) AS first_pause_at,
    max(CASE WHEN event_status IN (5, 6) THEN event_at END) AS last_pause_at
  FROM events
  GROUP BY ma_ho_so
)
SELECT * FROM final
