-- Online rate by province on 09/8/2025 (all levels and commune level) and cumulative since 01/7/2025.
SELECT geography, province_code, province_name, period_start, period_end, level, direct, online, returned, total,
       online_rate, published_online_rate, target, meets_target, is_rebased, source
FROM analytics.online_rate ORDER BY period_start, period_end, level, province_code
