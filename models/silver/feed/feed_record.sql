-- bronze.feed_record rows of one run: every staged message as received, personal data included.
--
-- Inputs:
--   feed_staged     the run's parsed messages (FeedMessage columns), one row per message
--   :ingest_date    the local day the run loads the files (the table's partition)
--   :run_id         the run that loads them
-- Grain: one row per message (file_id, line_no, item_no).
WITH staged AS (
  SELECT * FROM feed_staged
),
final AS (
  SELECT
    -- where the message is
    file_id, file_path, line_no, item_no, arrived_at,
    -- which load wrote it
    CAST(:ingest_date AS DATE) AS ingest_date,
    CAST(:run_id AS STRING) AS run_id,
    -- what it says
    service, madonvi, is_updating, kind, source, ma_ho_so, raw_json, problem
  FROM staged
)
SELECT * FROM final
