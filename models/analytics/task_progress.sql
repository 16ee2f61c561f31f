-- analytics.task_progress: The steering committee's task progress and status per province (green/yellow/red)
--
-- Grain: one row per report date and province.
-- Columns:
--   as_of_date, province_code, province_name, geography
--   tasks_done, tasks_total   tasks completed of those due (Phụ lục 1, "17/17")
--   done_share        tasks_done / tasks_total, fraction [0, 1]
--   status_label      as printed ("SẴN SẴNG (XANH)": the report's own spelling), status_colour green/yellow/red
--   source
-- Sources: gold.fact_task_progress.
CREATE OR REPLACE VIEW analytics.task_progress AS
SELECT
  as_of_date, province_code, province_name, geography, tasks_done, tasks_total,
  CASE WHEN tasks_total > 0 THEN CAST(round(tasks_done / tasks_total, 6) AS DECIMAL(9,6)) END AS done_share,
  status_label, status_colour,
  concat('report ', source_document) AS source
FROM gold.fact_task_progress
