SELECT kpi, level, period_start, period_end, rank_in_kpi, province_code, province_name, value_pct, threshold_pct,
       gap_pct
FROM analytics.kpi_breaches ORDER BY kpi, level, period_start, period_end, rank_in_kpi
