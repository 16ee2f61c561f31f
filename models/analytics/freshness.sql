-- analytics.freshness: How old each source's figures are, against how often the source is expected
--
-- Grain: one row per source of ref.source_cadence: each document kind, the 766 service index, the dossier feed.
-- Columns:
--   source             monthly_receipt_letter, integration_letter, steering_daily_report, kpi_directive,
--                      secondary_article (the document kinds), service_index_766, dossier_feed
--   source_type        document, index or feed
--   label              the source's Vietnamese name
--   latest_data_date   the date the newest figures are about: for documents, the data date of the current version
--                      with the latest one (the end of the period its figures speak of, else its issue date); for
--                      the feed, the day of the latest message loaded (gold.dossier_as_of)
--   latest_snapshot    that snapshot: the document's number (its file name when it prints none), or the path of
--                      the latest feed file loaded
--   loaded_at          when that snapshot was first loaded (UTC)
--   today              the day ages are counted to: the session setting dvcw.today when it is set before the
--                      session creates its views (tests pin it so), else the current date (UTC) at query time
--   age_days           today - latest_data_date, in days (negative for figures dated after today; NULL when
--                      nothing is loaded or the source prints no date)
--   cadence_days       how often a newer snapshot is expected, in days (NULL: no cadence)
--   stale_after_days   the limit: a source whose figures are older than this is stale (NULL: never stale)
--   stale_from         the first day the latest snapshot counts as stale: latest_data_date + stale_after_days + 1
--   status             fresh (age_days <= stale_after_days), stale (older, or loaded without any date),
--                      never_loaded (nothing of the source is loaded), untracked (loaded, no cadence: never stale)
--   basis              why the cadence and the limit are what they are
-- Sources: ref.source_cadence (core/src/main/resources/reference/source_cadence.csv), silver.current_document,
-- gold.dossier_as_of, bronze.feed_file (paths only: no personal data). `dvcw refresh` alerts each stale source
-- once (ops.freshness_alert) and exits 3 when it alerts.
CREATE OR REPLACE VIEW analytics.freshness AS
WITH cadence AS (
  SELECT source, source_type, label, cadence_days, stale_after_days, basis FROM ref.source_cadence
),
clock AS (
  -- An empty or unset dvcw.today counts to the current date, evaluated when the view is queried.
  SELECT coalesce(to_date(nullif('${dvcw.today}', '')), current_date()) AS today
),
documents AS (
  SELECT
    kind AS source,
    coalesce(data_date, issue_date) AS data_date,
    coalesce(number, file_name) AS snapshot,
    first_seen_at,
    row_number() OVER (PARTITION BY kind
                       ORDER BY coalesce(data_date, issue_date) DESC NULLS LAST, first_seen_at DESC, doc_id) AS recency
  FROM silver.current_document
),
latest_document AS (
  SELECT source, data_date AS latest_data_date, snapshot AS latest_snapshot, first_seen_at AS loaded_at
  FROM documents
  WHERE recency = 1
),
feed_files AS (
  SELECT file_path, recorded_at, row_number() OVER (ORDER BY recorded_at DESC, file_path) AS recency
  FROM bronze.feed_file
  WHERE status = 'loaded'
),
latest_feed AS (
  SELECT 'dossier_feed' AS source, a.as_of_date AS latest_data_date, f.file_path AS latest_snapshot,
         f.recorded_at AS loaded_at
  FROM (SELECT max(as_of_date) AS as_of_date FROM gold.dossier_as_of) a
  LEFT JOIN feed_files f ON f.recency = 1
  WHERE a.as_of_date IS NOT NULL
),
loaded AS (
  SELECT * FROM latest_document
  UNION ALL
  SELECT * FROM latest_feed
),
final AS (
  SELECT
    -- the source
    c.source, c.source_type, c.label,
    -- what is loaded
    l.latest_data_date, l.latest_snapshot, l.loaded_at,
    -- how old it is
    k.today,
    datediff(k.today, l.latest_data_date) AS age_days,
    c.cadence_days,
    c.stale_after_days,
    date_add(l.latest_data_date, c.stale_after_days + 1) AS stale_from,
    CASE
      WHEN l.source IS NULL THEN 'never_loaded'
      WHEN c.stale_after_days IS NULL THEN 'untracked'
      WHEN l.latest_data_date IS NULL THEN 'stale'
      WHEN datediff(k.today, l.latest_data_date) > c.stale_after_days THEN 'stale'
      ELSE 'fresh'
    END AS status,
    c.basis
  FROM cadence c
  CROSS JOIN clock k
  LEFT JOIN loaded l ON l.source = c.source
)
SELECT * FROM final
