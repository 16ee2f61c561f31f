SELECT as_of_date, list, group_code, group_name, seq, task, units, deadline, nature, task_count, continued, line_no
FROM analytics.steering_tasks ORDER BY list, line_no
