-- analytics.steering_tasks: Tasks the steering committee lists: overdue, due by a date, recurring, and group totals
--
-- Grain: one row per task as listed in a current report.
-- Columns:
--   as_of_date     the report's data date
--   list           'overdue' (Phụ lục 2), 'due' (Phụ lục 3), 'recurring' (Phụ lục 7), 'group_summary' (section II)
--   group_code, group_name   as printed ("I.4", "Nhóm V - ..."; the report's numbering is kept even where it skips)
--   seq, task, units         number, task text (HTML removed), units responsible
--   deadline                 due date (list 'due'); nature: 'Thường xuyên' for recurring tasks
--   task_count               for group_summary rows: tasks in the group
--   continued                true when the row went on after a page break and was joined
--   source, line_no          the report and the line the task starts on
-- Sources: silver.steering_task, silver.current_document.
CREATE OR REPLACE VIEW analytics.steering_tasks AS
SELECT
  t.as_of_date, t.list, t.group_code, t.group_name, t.seq, t.task, t.units, t.deadline, t.nature, t.task_count,
  t.continued, concat('report ', v.number) AS source, t.line_no
FROM silver.steering_task t
JOIN silver.current_document v ON v.doc_id = t.doc_id
