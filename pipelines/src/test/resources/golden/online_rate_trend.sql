SELECT province_code, province_name, period_start, period_end, period_days, period_kind, level, online, total,
       online_rate, meets_target, era, crosses_reorganisation, is_rebased
FROM analytics.online_rate_trend ORDER BY province_code, level, period_start, period_end
