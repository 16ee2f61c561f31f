SELECT kpi, geography, province_code, period_start, period_end, level, numerator, denominator, value, threshold,
       comparator, breach, gap
FROM analytics.kpi_scorecard ORDER BY kpi, period_start, period_end, level, province_code
