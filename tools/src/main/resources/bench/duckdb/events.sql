-- silver.dossier_event: the valid status events, one per event_id (dossier, time, status, action text); of
-- repeats the first to arrive is kept. Partitioned by the event's local month.
CREATE OR REPLACE TABLE dossier_event AS
SELECT
  s.event_id, s.ma_ho_so, s.event_at, CAST(s.event_at AS DATE) AS event_date,
  strftime(s.event_at, '%Y-%m') AS event_month, s.event_status,
  CASE WHEN starts_with(fold_name(s.action_text), 'tiep nhan') THEN 'accepted'
       WHEN starts_with(fold_name(s.action_text), 'khong tiep nhan')
         OR starts_with(fold_name(s.action_text), 'tu choi') THEN 'refused'
       WHEN starts_with(fold_name(s.action_text), 'chuyen') THEN 'forwarded'
       WHEN contains(fold_name(s.action_text), 'bo sung') THEN 'supplement'
       WHEN starts_with(fold_name(s.action_text), 'ket thuc') THEN 'finished'
       WHEN starts_with(fold_name(s.action_text), 'tra ket qua') THEN 'returned'
       WHEN contains(fold_name(s.action_text), 'rut ho so') THEN 'withdrawn'
       WHEN starts_with(fold_name(s.action_text), 'dung xu ly') THEN 'stopped'
       WHEN s.action_text IS NOT NULL THEN 'other' END AS action,
  s.handler_pid, s.step_deadline_at, s.source, f.path AS file_path, s.line_ord, s.item_no, f.arrived_at
FROM staged s
JOIN feed_file f USING (file_index)
WHERE s.kind = 'event' AND s.problem IS NULL
QUALIFY row_number() OVER (PARTITION BY s.event_id ORDER BY f.arrived_at, f.path, s.line_ord, s.item_no) = 1;

COPY dossier_event TO '${out}/silver/dossier_event' (FORMAT parquet, PARTITION_BY (event_month));
