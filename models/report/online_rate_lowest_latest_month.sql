-- report.online_rate_lowest_latest_month: The provinces with the lowest online submission rate in the latest
-- month of one kind of source: the ones the monthly trend chart follows beside the national line.
-- Used by: FeedPage (page 7).
-- Grain: one row per current province, at most :province_count rows, lowest rate first (ties by province code).
-- Parameters:
--   :source_kind      'dvcqg_feed' or 'synthetic' (only dossier-level sources have months)
--   :province_count   how many provinces to return
-- Reads: analytics.online_rate_trend
SELECT province_code
FROM analytics.online_rate_trend
WHERE level = 'all'
  AND period_kind = 'month'
  AND source_kind = :source_kind
  AND total > 0
  AND period_end = (SELECT max(period_end) FROM analytics.online_rate_trend
                    WHERE period_kind = 'month' AND source_kind = :source_kind)
ORDER BY online_rate, province_code
LIMIT :province_count
