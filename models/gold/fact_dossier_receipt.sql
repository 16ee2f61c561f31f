-- gold.fact_dossier_receipt
-- Online dossiers received from DVCQG per province for a month, as VPCP's monthly letters publish them
-- (e.g. 7260/VPCP-KSTT for 7/2025): received and processed, processed on time, received late (not
-- accepted within one working day, Art. 17-18 Decree 118/2025/NĐ-CP), overdue still in processing.
-- Grain: one row per current letter and appendix row; the printed total row is checked in reconciliation.
-- Sources: silver.report_observation, silver.current_document (the current version of each document).
WITH current_docs AS (
  SELECT doc_id FROM silver.current_document WHERE kind = 'monthly_receipt_letter'
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
    max(period_start)    AS period_start,
    max(period_end)      AS period_end,
    CAST(max(CASE WHEN measure = 'received_processed'    THEN value END) AS BIGINT) AS received_processed,
    CAST(max(CASE WHEN measure = 'processed_on_time'     THEN value END) AS BIGINT) AS processed_on_time,
    CAST(max(CASE WHEN measure = 'received_late'         THEN value END) AS BIGINT) AS received_late,
    CAST(max(CASE WHEN measure = 'overdue_in_processing' THEN value END) AS BIGINT) AS overdue_in_processing,
    max(CASE WHEN measure = 'received_late' THEN label END) AS received_late_note,
    max(line_no)  AS line_no,
    max(raw_line) AS raw_line
  FROM observations
  GROUP BY doc_id, table_id, row_no
)
SELECT * FROM final
