SELECT source, source_type, latest_data_date, latest_snapshot, age_days, cadence_days, stale_after_days, stale_from,
  status, today
FROM analytics.freshness ORDER BY source
