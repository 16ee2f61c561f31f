-- gold.fact_online_submission
-- Dossiers by channel per province, period and level, as the steering committee's daily reports publish
-- them (Phụ lục 8: the day at all levels, the day at commune level, cumulative since 01/7/2025 by level).
-- Grain: one row per current document, table, row and level. Printed total rows are not facts: they
-- are checked in gold.reconciliation.
-- Sources: silver.report_observation, silver.current_document (the current version of each document).
WITH current_docs AS (
  SELECT doc_id FROM silver.current_document
),
observations AS (
  SELECT o.*
  FROM silver.report_observation o
  JOIN current_docs d ON d.doc_id = o.doc_id
  WHERE o.table_id IN ('dossiers_day_all', 'dossiers_day_commune', 'dossiers_cumulative')
    AND NOT o.is_total
    AND o.measure IN ('direct', 'online', 'returned', 'total', 'online_rate_pct')
),
final AS (
  SELECT
    doc_id, table_id, row_no, level,
    max(document_number) AS source_document,
    max(province_key)    AS province_key,
    max(province_code)   AS province_code,
    max(province_name)   AS province_name,
    max(province_raw)    AS province_as_written,
    max(geography)       AS geography,
    max(period_start)    AS period_start,
    max(period_end)      AS period_end,
    CAST(max(CASE WHEN measure = 'direct'   THEN value END) AS BIGINT) AS direct,
    CAST(max(CASE WHEN measure = 'online'   THEN value END) AS BIGINT) AS online,
    CAST(max(CASE WHEN measure = 'returned' THEN value END) AS BIGINT) AS returned,
    CAST(max(CASE WHEN measure = 'total'    THEN value END) AS BIGINT) AS total,
    CAST(max(CASE WHEN measure = 'online_rate_pct' THEN value END) AS DECIMAL(9,2)) AS published_online_rate_pct,
    max(line_no)  AS line_no,
    max(raw_line) AS raw_line
  FROM observations
  GROUP BY doc_id, table_id, row_no, level
)
SELECT * FROM final
