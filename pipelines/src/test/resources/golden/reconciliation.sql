-- Every check that is not a plain match, and the count of matches per check.
SELECT document, table_id, check, measure, scope, published_value, computed_value, difference, status, acknowledged
FROM analytics.reconciliation WHERE status <> 'match'
UNION ALL
SELECT document, table_id, check, 'all' AS measure, concat(count(*), ' checks') AS scope, NULL, NULL, NULL, 'match', NULL
FROM analytics.reconciliation WHERE status = 'match' GROUP BY document, table_id, check
ORDER BY document, table_id, check, measure, scope
