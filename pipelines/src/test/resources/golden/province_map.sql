-- The re-basing map: every province of both eras to its current province.
SELECT geography, province_key, province_code, province_name, current_code, current_name
FROM analytics.province_map ORDER BY geography, province_code
