-- ops.quarantine rows for the run's refused messages: file, line and the raw text with personal data redacted.
--
-- Inputs:
--   feed_staged       the run's parsed messages; problem says why a message was refused
--   redact_personal   the function removing personal data from the raw text (PersonalData.redact)
--   :run_id           the run that first refused them
--   :quarantined_at   when
-- Grain: one row per refused message; quarantine_id is stable across runs, so a retried file adds nothing.
WITH refused AS (
  SELECT * FROM feed_staged WHERE problem IS NOT NULL
),
final AS (
  SELECT
    sha2(concat_ws('|', 'feed', file_id, line_no, item_no), 256) AS quarantine_id,
    CAST(:run_id AS STRING) AS first_run_id,
    'feed' AS stage,
    file_path,
    file_id AS doc_id,
    concat('bronze.feed_record ', kind) AS table_id,
    line_no,
    redact_personal(raw_json) AS raw_text,
    problem AS reason,
    CAST(:quarantined_at AS TIMESTAMP) AS quarantined_at
  FROM refused
)
SELECT * FROM final
