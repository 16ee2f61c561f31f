-- Messages and refused messages per feed file of one run: the counts bronze.feed_file records once loaded, and
-- whether the file's read was interrupted (it disappeared or changed meanwhile: the next run reads it again).
--
-- Inputs:
--   feed_staged   the run's parsed messages
-- Grain: one row per file (file_id).
WITH staged AS (
  SELECT file_id, kind, problem FROM feed_staged
),
final AS (
  SELECT
    file_id,
    count(*) AS messages,
    count_if(problem IS NOT NULL) AS quarantined,
    count_if(kind = 'interrupted') > 0 AS interrupted
  FROM staged
  GROUP BY file_id
)
SELECT * FROM final
