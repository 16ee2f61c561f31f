-- report.commune_readiness_latest: The steering committee's latest commune readiness figures per province, one
-- heat map's worth: either the coverage (green/yellow/red communes and reports received) or the 16 basic criteria.
-- Used by: ReadinessPage (page 5): the coverage heat map and the criteria heat map.
-- Grain: one row per province and indicator of the latest report date, ordered green, yellow, red, reported,
--   then the criteria by name, then province code.
-- Parameters:
--   :basic_criteria   true: the crit_* indicators (Phụ lục 5); false: green/yellow/red/reported shares (Phụ lục 4)
-- Reads: analytics.commune_readiness
SELECT *
FROM analytics.commune_readiness
WHERE as_of_date = (SELECT max(as_of_date) FROM analytics.commune_readiness)
  AND (indicator LIKE 'crit\_%') = :basic_criteria
ORDER BY
  CASE indicator WHEN 'green_share' THEN 0 WHEN 'yellow_share' THEN 1 WHEN 'red_share' THEN 2
    WHEN 'reported_share' THEN 3 ELSE 4 END,
  indicator, province_code
