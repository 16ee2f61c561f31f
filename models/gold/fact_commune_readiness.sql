-- gold.fact_commune_readiness
-- Commune readiness per province from the steering committee's daily report: green/yellow/red coverage
-- (Phụ lục 4) and the share of communes meeting each basic criterion (Phụ lục 5). Long form, ready for a
-- heat map: one row per current document, table, row and measure.
-- Sources: silver.report_observation, silver.current_document (the current version of each document).
WITH current_docs AS (
  SELECT doc_id FROM silver.current_document
),
final AS (
  SELECT
    o.doc_id, o.table_id, o.row_no, o.measure,
    o.document_number AS source_document,
    o.province_key, o.province_code, o.province_name, o.province_raw AS province_as_written, o.geography,
    o.period_end AS as_of_date,
    o.value, o.unit, o.raw_value,
    o.line_no, o.raw_line
  FROM silver.report_observation o
  JOIN current_docs d ON d.doc_id = o.doc_id
  WHERE o.table_id IN ('commune_coverage', 'commune_criteria') AND NOT o.is_total
)
SELECT * FROM final
