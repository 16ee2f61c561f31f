SELECT snapshot_date, geography, province_code, province_name, services_provided, services_integrated,
       services_remaining, integrated_share, remaining_share, published_remaining_pct, is_complete, former_parts
FROM analytics.integration_progress ORDER BY geography, province_code
