SELECT geography, province_code, province_name, period_start, period_end, received_processed, processed_on_time,
       received_late, overdue_in_processing, on_time_share, received_late_share, overdue_share, received_late_note
FROM analytics.dossier_receipt ORDER BY province_code
