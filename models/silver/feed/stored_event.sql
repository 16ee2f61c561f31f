-- Events stored by earlier runs for the dossiers new to silver: events may arrive before their dossier's record,
-- and the fold of a new dossier must see them. The batch's own events are in feed_batch_event already.
--
-- Inputs:
--   feed_event_before       silver.dossier_event as it was before this run stored its events (the Delta version
--                           read when the run began its events step), partitioned by event_month: on a first
--                           load it is empty, so the events the run has just written are not read back
--   feed_new_dossier        dossiers whose record is in the batch and not yet in silver.dossier
--   :from_month             the earliest receipt month of the new dossiers: event months from it on are read;
--                           NULL when there are no new dossiers, which selects nothing (and reads nothing)
--   :batch_files            the file ids of this run (an array): their events are the batch's
-- Grain: one row per stored event (event_id).
WITH final AS (
  SELECT e.*
  FROM feed_event_before e
  LEFT SEMI JOIN feed_new_dossier n ON n.ma_ho_so = e.ma_ho_so
  WHERE e.event_month >= :from_month
    AND NOT array_contains(:batch_files, e.file_id)
)
SELECT * FROM final
