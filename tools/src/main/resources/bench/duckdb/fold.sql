-- silver.dossier: the latest state of every dossier (models/silver/dossier_fold.sql on a whole feed at once).
--
-- Inputs: staged (the parsed messages), dossier_event (the valid events), feed_file, calendar, province_name.
-- Rules, as in the warehouse:
--   * the record version that wins is the one stamped latest (version_at), then the one further along
--     (status_rank), then the one that arrived last (file time, then file, line and item);
--   * status: the latest event's status when it is later than the winning record, else the record's;
--   * completed_at for a finished dossier (9, 10): NgayKetThucXuLy, else the first 9 event, else NgayTra, else the
--     first 10 event.
-- The unit's level (AgencyDirectory.level) and late acceptance (FeedParser.acceptedLate) depend on the record's
-- own fields only: they are derived here for the winning version rather than for every message.
CREATE OR REPLACE TABLE dossier AS
WITH best AS (
  SELECT s.*, f.path AS version_file_path, f.arrived_at AS version_arrived_at
  FROM staged s
  JOIN feed_file f USING (file_index)
  WHERE s.kind = 'dossier' AND s.problem IS NULL
  QUALIFY row_number() OVER (PARTITION BY s.ma_ho_so ORDER BY s.version_at DESC NULLS LAST, s.status_rank DESC,
    f.arrived_at DESC, f.path DESC, s.line_ord DESC, s.item_no DESC) = 1
),
events AS (
  SELECT
    ma_ho_so,
    max(event_at) AS last_event_at,
    arg_max(event_status, (event_at, event_status)) AS last_event_status,
    min(CASE WHEN event_status = 9 THEN event_at END) AS first_finished_event_at,
    min(CASE WHEN event_status = 10 THEN event_at END) AS first_returned_event_at,
    min(CASE WHEN event_status IN (3, 7, 8) THEN event_at END) AS first_stopped_event_at,
    min(CASE WHEN event_status IN (5, 6) THEN event_at END) AS first_pause_at,
    max(CASE WHEN event_status IN (5, 6) THEN event_at END) AS last_pause_at
  FROM dossier_event
  GROUP BY ma_ho_so
),
named AS (
  SELECT b.*, replace(fold_name(coalesce(b.unit_name, '')), 'uy ban nhan dan ', 'ubnd ') AS unit_folded
  FROM best b
),
folded AS (
  SELECT
    b.* EXCLUDE (unit_folded, raw_json, problem, kind, service, madonvi, is_updating, event_at, event_status,
                 action_text, handler_pid, step_deadline_at, event_id),
    CASE
      WHEN starts_with(unit_folded, 'ubnd xa ') OR starts_with(unit_folded, 'ubnd phuong ')
        OR starts_with(unit_folded, 'ubnd thi tran ') OR starts_with(unit_folded, 'ubnd dac khu ') THEN 'commune'
      WHEN starts_with(unit_folded, 'ubnd thanh pho ')
        THEN CASE WHEN pn.name IS NOT NULL THEN 'province' ELSE 'district' END
      WHEN starts_with(unit_folded, 'ubnd huyen ') OR starts_with(unit_folded, 'ubnd quan ')
        OR starts_with(unit_folded, 'ubnd thi xa ') THEN 'district'
      WHEN starts_with(unit_folded, 'ubnd tinh ') OR starts_with(unit_folded, 'so ')
        OR starts_with(unit_folded, 'cong an ') OR starts_with(unit_folded, 'van phong ')
        OR starts_with(unit_folded, 'ban ') OR starts_with(unit_folded, 'chi cuc ')
        OR starts_with(unit_folded, 'trung tam ') OR starts_with(unit_folded, 'cuc ')
        OR starts_with(unit_folded, 'bao hiem xa hoi ') OR starts_with(unit_folded, 'kho bac ') THEN 'province'
      ELSE 'unknown' END AS level,
    CASE WHEN b.channel IS DISTINCT FROM 2 THEN false
         WHEN b.submitted_at IS NULL OR b.received_at IS NULL THEN NULL
         WHEN cs.day IS NULL OR cr.day IS NULL THEN NULL
         ELSE CAST(b.received_at AS DATE) > cs.next_working_day END AS accepted_late,
    e.last_event_at, e.last_event_status, e.first_finished_event_at, e.first_returned_event_at,
    e.first_stopped_event_at, e.first_pause_at, e.last_pause_at,
    CASE WHEN e.last_event_at IS NOT NULL AND (b.version_at IS NULL OR e.last_event_at > b.version_at)
         THEN e.last_event_status ELSE b.record_status END AS status
  FROM named b
  LEFT JOIN events e ON e.ma_ho_so = b.ma_ho_so
  -- a name can be a province's in both eras (Hà Nội): one row per name, or the dossier would be doubled
  LEFT JOIN (SELECT DISTINCT name FROM province_name) pn
    ON starts_with(b.unit_folded, 'ubnd thanh pho ') AND pn.name = b.unit_folded[16:]
  LEFT JOIN calendar cs ON cs.day = CAST(b.submitted_at AS DATE)
  LEFT JOIN calendar cr ON cr.day = CAST(b.received_at AS DATE)
)
SELECT
  *,
  CASE WHEN status IN (9, 10)
       THEN coalesce(finished_at, first_finished_event_at, returned_at, first_returned_event_at) END AS completed_at,
  CASE channel WHEN 2 THEN 'online' WHEN 3 THEN 'postal' ELSE 'direct' END AS channel_name
FROM folded;

COPY dossier TO '${out}/silver/dossier' (FORMAT parquet, PARTITION_BY (receipt_month));
