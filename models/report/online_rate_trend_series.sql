-- report.online_rate_trend_series: The online submission rate of every province over time, for one kind of
-- period and one kind of source, in drawing order.
-- Used by: OnlineRatePage (page 1: cumulative spans and single days of the published reports, one chart each)
--   and FeedPage (page 7: the feed's receipt months).
-- Grain: one row per current province and period (level 'all', today's 34-province map; periods with
--   submissions only), ordered by period end, then province code.
-- Parameters:
--   :source_kind   'report' (published documents), 'dvcqg_feed' or 'synthetic'
--   :period_kind   'span' (cumulative), 'day' or 'month' (see analytics.online_rate_trend)
-- Reads: analytics.online_rate_trend
SELECT *
FROM analytics.online_rate_trend
WHERE level = 'all'
  AND total > 0
  AND source_kind = :source_kind
  AND period_kind = :period_kind
ORDER BY period_end, province_code
