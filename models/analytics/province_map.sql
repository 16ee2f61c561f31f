-- analytics.province_map: Every province of both eras mapped to the current province whose territory contains it
--
-- The re-basing helper: join any fact on (geography, province_code) to roll it up to today's 34 provinces,
-- then SUM its counts and recompute rates from the sums (never average rates).
-- Grain: one row per province per era (63 former + 34 current = 97 rows).
-- Columns:
--   geography        'former' (63 provinces, to 2025-06-30) or 'current' (34 provinces, from 2025-07-01)
--   province_key     unique across eras: F + code for former, C + code for current
--   province_code    the 2-digit code in its era; province_name its name
--   current_key, current_code, current_name  the current province it belongs to (itself for current rows)
-- Sources: ref.province, ref.province_lineage.
CREATE OR REPLACE VIEW analytics.province_map AS
WITH former_rows AS (
  SELECT 'former' AS geography, p.province_key, p.code AS province_code, p.name AS province_name,
         l.current_key, l.current_code, l.current_name
  FROM ref.province p
  JOIN ref.province_lineage l ON l.former_code = p.code
  WHERE p.era = 'former'
),
current_rows AS (
  SELECT 'current' AS geography, province_key, code AS province_code, name AS province_name,
         province_key AS current_key, code AS current_code, name AS current_name
  FROM ref.province
  WHERE era = 'current'
),
final AS (
  SELECT * FROM former_rows
  UNION ALL
  SELECT * FROM current_rows
)
SELECT * FROM final
