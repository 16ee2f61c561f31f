-- The latest valid time in the batch (record versions and events): what the facts are as of once it is loaded.
--
-- Inputs:
--   feed_staged   the run's parsed messages
-- Grain: one row; latest_at is NULL when the batch has no valid message.
WITH valid AS (
  SELECT version_at, event_at FROM feed_staged WHERE problem IS NULL
),
final AS (
  SELECT max(greatest(version_at, event_at)) AS latest_at FROM valid
)
SELECT * FROM final
