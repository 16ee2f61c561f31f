-- analytics.integration_progress: Online public services integrated on DVCQG per province and snapshot, on the source's map and rolled up to today's
--
-- Grain: one row per snapshot date, geography and province. VPCP's integration letters report per former
-- province (63); each snapshot is also rolled up to the 34 current provinces by summing counts over the
-- lineage and recomputing the shares.
-- Columns:
--   snapshot_date    the date the figures stand at ("đến ngày ...")
--   geography        'former' (as published) or 'current' (rolled up)
--   province_code, province_name   the province on that map
--   services_provided    online services provided on the provincial system (count)
--   services_integrated  of which integrated and provided on DVCQG (count)
--   services_remaining   still to integrate (count)
--   integrated_share     services_integrated / services_provided, fraction [0, 1], recomputed from counts
--   remaining_share      services_remaining / services_provided
--   published_remaining_pct  the percentage the letter printed (NULL when it printed 'Đã hoàn thành' or re-based)
--   is_complete          nothing remains to integrate
--   former_parts         number of former provinces summed into the row (1 on the former map)
--   source               the letter
-- Sources: gold.fact_service_integration (e.g. 5085/VPCP-KSTT of 09/6/2025), analytics.province_map.
CREATE OR REPLACE VIEW analytics.integration_progress AS
WITH facts AS (
  SELECT * FROM gold.fact_service_integration
),
as_published AS (
  SELECT snapshot_date, geography, province_code, province_name,
         services_provided, services_integrated, services_remaining,
         published_remaining_pct, 1 AS former_parts, concat('letter ', source_document) AS source
  FROM facts
),
rolled_up AS (
  SELECT f.snapshot_date, 'current' AS geography, m.current_code AS province_code, m.current_name AS province_name,
         sum(f.services_provided) AS services_provided, sum(f.services_integrated) AS services_integrated,
         sum(f.services_remaining) AS services_remaining,
         CAST(NULL AS DECIMAL(9,2)) AS published_remaining_pct, count(*) AS former_parts,
         concat('letter ', max(f.source_document), ', summed over ', count(*), ' former provinces') AS source
  FROM facts f
  JOIN analytics.province_map m ON m.geography = 'former' AND m.province_key = f.province_key
  WHERE f.geography = 'former'
  GROUP BY f.snapshot_date, m.current_code, m.current_name
),
combined AS (
  SELECT * FROM as_published
  UNION ALL
  SELECT * FROM rolled_up
),
final AS (
  SELECT
    snapshot_date, geography, province_code, province_name,
    services_provided, services_integrated, services_remaining,
    CASE WHEN services_provided > 0
         THEN CAST(round(services_integrated / services_provided, 6) AS DECIMAL(9,6)) END AS integrated_share,
    CASE WHEN services_provided > 0
         THEN CAST(round(services_remaining / services_provided, 6) AS DECIMAL(9,6)) END AS remaining_share,
    published_remaining_pct,
    services_remaining = 0 AS is_complete,
    former_parts,
    source
  FROM combined
)
SELECT * FROM final
