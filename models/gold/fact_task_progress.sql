-- gold.fact_task_progress
-- The steering committee's task progress per province (Phụ lục 1): tasks done of tasks due, and the
-- status printed beside them, with its colour (XANH green, VÀNG yellow, ĐỎ red).
-- Grain: one row per current document and row.
-- Sources: silver.current_observation_row (rows of the current documents, numbers by measure).
WITH printed_rows AS (
  SELECT *
  FROM silver.current_observation_row
  WHERE table_id = 'task_progress'
),
final AS (
  SELECT
    doc_id, table_id, row_no,
    source_document, province_key, province_code, province_name, province_as_written, geography,
    period_end AS as_of_date,
    CAST(measures['tasks_done']  AS INT) AS tasks_done,
    CAST(measures['tasks_total'] AS INT) AS tasks_total,
    array_max(map_values(labels)) AS status_label,
    CASE
      WHEN array_max(map_values(labels)) LIKE '%(XANH)%' THEN 'green'
      WHEN array_max(map_values(labels)) LIKE '%(VÀNG)%' THEN 'yellow'
      WHEN array_max(map_values(labels)) LIKE '%(ĐỎ)%'   THEN 'red'
    END AS status_colour,
    line_no, raw_line
  FROM printed_rows
)
SELECT * FROM final
