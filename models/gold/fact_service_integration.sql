-- gold.fact_service_integration
-- Online public services per province as of a snapshot date, as VPCP's integration letters publish them
-- (e.g. 5085/VPCP-KSTT, 09/6/2025, on the 63 former provinces): services provided on the provincial
-- system, integrated on DVCQG, still to integrate, and the printed share still to do.
-- Grain: one row per current letter and appendix row.
-- Sources: silver.current_observation_row (rows of the current documents, numbers by measure).
WITH printed_rows AS (
  SELECT *
  FROM silver.current_observation_row
  WHERE kind = 'integration_letter' AND NOT is_total
),
final AS (
  SELECT
    doc_id, table_id, row_no,
    source_document, province_key, province_code, province_name, province_as_written, geography,
    period_end AS snapshot_date,
    CAST(measures['services_provided']   AS BIGINT) AS services_provided,
    CAST(measures['services_integrated'] AS BIGINT) AS services_integrated,
    CAST(measures['services_remaining']  AS BIGINT) AS services_remaining,
    CAST(measures['remaining_pct'] AS DECIMAL(9,2)) AS published_remaining_pct,
    coalesce(labels['remaining_pct'], raw_values['remaining_pct']) AS published_remaining_text,
    line_no, raw_line
  FROM printed_rows
)
SELECT * FROM final
