-- ref.reorganisation: The day the 34-province map replaced the 63-province one, from the lineage reference data
--
-- Views that split a time series into eras read the date here instead of writing it: it comes from
-- ref.province_lineage.effective_date (Res. 202/2025/QH15; the new provincial authorities started on
-- 2025-07-01, see core/src/main/resources/reference/SOURCES.md).
-- Grain: one row (the 2025 reorganisation; every lineage link carries the same date).
-- Columns:
--   effective_date    first day of the current map (2025-07-01)
--   last_former_day   last day of the former map (2025-06-30)
--   former_provinces, current_provinces   provinces on each side of the lineage (63, 34)
-- Sources: ref.province_lineage.
CREATE OR REPLACE VIEW ref.reorganisation AS
WITH lineage AS (
  SELECT * FROM ref.province_lineage
),
final AS (
  SELECT
    min(effective_date) AS effective_date,
    date_sub(min(effective_date), 1) AS last_former_day,
    count(DISTINCT former_code) AS former_provinces,
    count(DISTINCT current_code) AS current_provinces
  FROM lineage
)
SELECT * FROM final
