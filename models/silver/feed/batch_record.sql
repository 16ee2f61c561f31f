-- The batch's valid dossier records (DongBoHoSoMC), any number per dossier: the candidates of the fold.
--
-- Inputs:
--   feed_staged   the run's parsed messages
-- Grain: one row per message (file_id, line_no, item_no); a dossier may have several.
WITH final AS (
  SELECT * FROM feed_staged WHERE kind = 'dossier' AND problem IS NULL
)
SELECT * FROM final
