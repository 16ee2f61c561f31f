-- report.dossier_feed_source_kinds: Which kinds of dossier-level data are loaded, the real DVCQG feed first.
-- Used by: FeedPage (page 7): the first row is the kind the page shows, so real data is preferred and synthetic
--   data is shown only when it is all there is.
-- Grain: one row per source kind present in analytics.dossier_monthly ('dvcqg_feed', then the others).
-- Parameters: none.
-- Reads: analytics.dossier_monthly
SELECT source_kind
FROM analytics.dossier_monthly
GROUP BY source_kind
ORDER BY CASE source_kind WHEN 'dvcqg_feed' THEN 0 ELSE 1 END
