-- gold.dossier_daily: models/gold/dossier_daily.sql over every month, as of the local day of the latest valid time
-- in the feed (a record's version time or an event's time), as the warehouse's full build sets it.
CREATE OR REPLACE TABLE dossier_daily AS
WITH as_of AS (
  SELECT CAST(max(greatest(version_at, event_at)) AS DATE) AS as_of_date FROM staged WHERE problem IS NULL
),
classified AS (
  SELECT
    d.*,
    d.status IN (9, 10) AND d.completed_at IS NOT NULL AS is_finished,
    coalesce(d.status IN (3, 7, 8), false) AS is_closed,
    CAST(d.due_at AS DATE) AS due_date,
    a.as_of_date
  FROM dossier d, as_of a
  WHERE d.received_at IS NOT NULL
),
measured AS (
  SELECT
    *,
    is_finished AND (due_at IS NULL OR completed_at <= due_at) AS on_time,
    NOT is_finished AND NOT is_closed AND due_date < as_of_date AS overdue,
    NOT is_finished AND NOT is_closed AND due_date >= as_of_date AS open_in_time
  FROM classified
)
SELECT
  receipt_month AS month, receipt_date AS day, era, province_key, province_code, level, channel_name AS channel, source,
  count(*) AS received,
  count(*) FILTER (WHERE channel_name = 'online') AS online,
  count(*) FILTER (WHERE channel_name = 'direct') AS direct,
  count(*) FILTER (WHERE channel_name = 'postal') AS postal,
  count(*) FILTER (WHERE channel_name = 'online' AND submitted_via = 1) AS online_via_dvcqg,
  count(*) FILTER (WHERE accepted_late) AS received_late,
  count(*) FILTER (WHERE is_finished) AS finished,
  count(*) FILTER (WHERE on_time) AS finished_on_time,
  count(*) FILTER (WHERE is_finished AND NOT on_time) AS finished_late,
  count(*) FILTER (WHERE overdue) AS overdue_open,
  count(*) FILTER (WHERE paid_online_code IN (1, 2)) AS paid_online,
  count(*) FILTER (WHERE has_fee) AS with_fee,
  count(*) FILTER (WHERE is_finished AND n_results_electronic > 0) AS digitised,
  min(CASE WHEN open_in_time THEN due_date END) AS next_open_due_date
FROM measured
GROUP BY receipt_month, receipt_date, era, province_key, province_code, level, channel_name, source;

COPY dossier_daily TO '${out}/gold/dossier_daily' (FORMAT parquet, PARTITION_BY (month));
