SELECT as_of_date, province_code, province_name, rank, obstacle, communes_affected, communes_total,
       affected_share, published_pct
FROM analytics.commune_obstacles ORDER BY province_code, rank
