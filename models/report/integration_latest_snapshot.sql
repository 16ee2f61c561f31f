-- report.integration_latest_snapshot: How many of each province's online services are integrated on DVCQG in
-- the latest snapshot, rolled up from the former provinces the letters report on, lowest share first.
-- Used by: IntegrationPage (page 2): the ranked chart and the table.
-- Grain: one row per current province (geography 'current') of the latest snapshot date, ordered by
--   integrated share, then province code.
-- Parameters: none.
-- Reads: analytics.integration_progress
SELECT *
FROM analytics.integration_progress
WHERE geography = 'current'
  AND snapshot_date = (SELECT max(snapshot_date) FROM analytics.integration_progress)
ORDER BY integrated_share, province_code
