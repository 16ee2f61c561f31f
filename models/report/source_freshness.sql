-- report.source_freshness: How old each source's latest figures are, for the freshness line of each report page.
-- Used by: PageFreshness (the report header says, per page, how fresh the sources its charts and tables cite are).
-- Grain: one row per source of analytics.freshness (document kind, the 766 index, the dossier feed), by source.
-- Parameters: none.
-- Reads: analytics.freshness
SELECT source, label, latest_data_date, latest_snapshot, age_days, stale_after_days, status, today
FROM analytics.freshness
ORDER BY source
