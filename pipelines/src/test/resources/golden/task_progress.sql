SELECT as_of_date, province_code, province_name, tasks_done, tasks_total, done_share, status_label, status_colour
FROM analytics.task_progress ORDER BY province_code
