-- gold.fact_task_progress
-- The steering committee's task progress per province (Phụ lục 1): tasks done of tasks due, and the
-- status printed beside them, with its colour (XANH green, VÀNG yellow, ĐỎ red).
-- Grain: one row per current document and row.
-- Sources: silver.report_observation, silver.current_document (the current version of each document).
WITH current_docs AS (
  SELECT doc_id FROM silver.current_document
),
observations AS (
  SELECT o.*
  FROM silver.report_observation o
  JOIN current_docs d ON d.doc_id = o.doc_id
  WHERE o.table_id = 'task_progress'
),
final AS (
  SELECT
    doc_id, table_id, row_no,
    max(document_number) AS source_document,
    max(province_key)    AS province_key,
    max(province_code)   AS province_code,
    max(province_name)   AS province_name,
    max(province_raw)    AS province_as_written,
    max(geography)       AS geography,
    max(period_end)      AS as_of_date,
    CAST(max(CASE WHEN measure = 'tasks_done'  THEN value END) AS INT) AS tasks_done,
    CAST(max(CASE WHEN measure = 'tasks_total' THEN value END) AS INT) AS tasks_total,
    max(label) AS status_label,
    CASE
      WHEN max(label) LIKE '%(XANH)%' THEN 'green'
      WHEN max(label) LIKE '%(VÀNG)%' THEN 'yellow'
      WHEN max(label) LIKE '%(ĐỎ)%'   THEN 'red'
    END AS status_colour,
    max(line_no)  AS line_no,
    max(raw_line) AS raw_line
  FROM observations
  GROUP BY doc_id, table_id, row_no
)
SELECT * FROM final
