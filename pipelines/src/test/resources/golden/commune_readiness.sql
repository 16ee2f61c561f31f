SELECT as_of_date, province_code, province_name, indicator, indicator_label, share, numerator, denominator,
       published_pct
FROM analytics.commune_readiness ORDER BY province_code, indicator
