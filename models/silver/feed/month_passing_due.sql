-- The months of gold.dossier_daily holding an open dossier whose due day the new as-of day has passed: their
-- overdue counts change although no dossier of theirs did.
--
-- Inputs:
--   gold.dossier_daily   next_open_due_date per row: the earliest due day of its open, not yet overdue dossiers
--   :as_of_date          the new as-of day (local date of the latest message seen)
-- Grain: one row per month.
WITH final AS (
  SELECT DISTINCT month FROM gold.dossier_daily WHERE next_open_due_date < :as_of_date
)
SELECT * FROM final
