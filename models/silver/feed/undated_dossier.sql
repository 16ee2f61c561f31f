-- Dossiers with events in the batch but no candidate month: no record in the batch and no date in the number.
-- Rare in practice (feeds with dated numbers never have any); their stored rows are looked up by key in every
-- month (undated_location.sql).
--
-- Inputs:
--   feed_batch_event   the batch's valid status events
--   feed_candidate     candidate (ma_ho_so, receipt_month) pairs of the batch's dossiers
-- Grain: one row per ma_ho_so.
WITH event_dossier AS (
  SELECT DISTINCT ma_ho_so FROM feed_batch_event
),
final AS (
  SELECT e.ma_ho_so
  FROM event_dossier e
  LEFT ANTI JOIN feed_candidate c ON c.ma_ho_so = e.ma_ho_so
)
SELECT * FROM final
