-- analytics.commune_obstacles: Main obstacles communes reported per province, with the share of communes affected
--
-- Grain: one row per province and obstacle in a current report (a province that reported none has one row
-- with a NULL obstacle).
-- Columns:
--   as_of_date, province_code, province_name, geography
--   rank             1-3: order printed in the report
--   obstacle         the obstacle as written
--   communes_affected, communes_total   "8/102" as printed
--   affected_share   communes_affected / communes_total, fraction [0, 1]
--   published_pct    the printed percentage (the report sometimes truncates: 5/99 printed 5,0%)
--   source
-- Sources: silver.commune_obstacle (Phụ lục 6), silver.current_document.
CREATE OR REPLACE VIEW analytics.commune_obstacles AS
SELECT
  o.as_of_date, o.province_code, o.province_name, o.geography, o.rank, o.obstacle,
  o.communes_affected, o.communes_total,
  CASE WHEN o.communes_total > 0 THEN CAST(round(o.communes_affected / o.communes_total, 6) AS DECIMAL(9,6)) END
    AS affected_share,
  o.published_pct,
  concat('report ', v.number) AS source
FROM silver.commune_obstacle o
JOIN silver.current_document v ON v.doc_id = o.doc_id
