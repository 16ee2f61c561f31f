-- gold.fact_service_integration
-- Online public services per province as of a snapshot date, as VPCP's integration letters publish them
-- (e.g. 5085/VPCP-KSTT, 09/6/2025, on the 63 former provinces): services provided on the provincial
-- system, integrated on DVCQG, still to integrate, and the printed share still to do.
-- Grain: one row per current letter and appendix row.
-- Sources: silver.report_observation, silver.current_document (the current version of each document).
WITH current_docs AS (
  SELECT doc_id FROM silver.current_document WHERE kind = 'integration_letter'
),
observations AS (
  SELECT o.*
  FROM silver.report_observation o
  JOIN current_docs d ON d.doc_id = o.doc_id
  WHERE NOT o.is_total
),
final AS (
  SELECT
    doc_id, table_id, row_no,
    max(document_number) AS source_document,
    max(province_key)    AS province_key,
    max(province_code)   AS province_code,
    max(province_name)   AS province_name,
    max(province_raw)    AS province_as_written,
    max(geography)       AS geography,
    max(period_end)      AS snapshot_date,
    CAST(max(CASE WHEN measure = 'services_provided'   THEN value END) AS BIGINT) AS services_provided,
    CAST(max(CASE WHEN measure = 'services_integrated' THEN value END) AS BIGINT) AS services_integrated,
    CAST(max(CASE WHEN measure = 'services_remaining'  THEN value END) AS BIGINT) AS services_remaining,
    CAST(max(CASE WHEN measure = 'remaining_pct' THEN value END) AS DECIMAL(9,2)) AS published_remaining_pct,
    max(CASE WHEN measure = 'remaining_pct' THEN coalesce(label, raw_value) END) AS published_remaining_text,
    max(line_no)  AS line_no,
    max(raw_line) AS raw_line
  FROM observations
  GROUP BY doc_id, table_id, row_no
)
SELECT * FROM final
