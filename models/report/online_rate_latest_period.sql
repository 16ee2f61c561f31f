-- report.online_rate_latest_period: Each province's online submission rate in the latest period of one kind of
-- source, the figures the ranked chart compares with the 70% target.
-- Used by: OnlineRatePage (page 1): the ranked chart, the count of provinces below target, and the lowest
--   provinces the trend charts follow.
-- Grain: one row per current province with submissions in that period (level 'all', today's 34-province map).
-- The latest period is the one with the latest end date and, of those, the longest span: the cumulative figure a
-- report cites rather than that day's own count.
-- Parameters:
--   :source_kind   'report' (published documents), 'dvcqg_feed' or 'synthetic'
-- Reads: analytics.online_rate_trend
WITH latest_period AS (
  SELECT period_start, period_end
  FROM analytics.online_rate_trend
  WHERE level = 'all' AND source_kind = :source_kind
  ORDER BY period_end DESC, period_start ASC
  LIMIT 1
)
SELECT t.*
FROM analytics.online_rate_trend t
JOIN latest_period USING (period_start, period_end)
WHERE t.level = 'all' AND t.total > 0 AND t.source_kind = :source_kind
