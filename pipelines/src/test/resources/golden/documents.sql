SELECT kind, number, issuer, issue_date, period_start, period_end, restates, version_no, is_current
FROM analytics.documents ORDER BY kind
