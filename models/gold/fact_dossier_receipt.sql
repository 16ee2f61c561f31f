-- gold.fact_dossier_receipt
-- Online dossiers received from DVCQG per province for a month, as VPCP's monthly letters publish them
-- (e.g. 7260/VPCP-KSTT for 7/2025): received and processed, processed on time, received late (not
-- accepted within one working day, Art. 17-18 Decree 118/2025/NĐ-CP), overdue still in processing.
-- Grain: one row per current letter and appendix row; the printed total row is checked in reconciliation.
-- Sources: silver.current_observation_row (rows of the current documents, numbers by measure).
WITH printed_rows AS (
  SELECT *
  FROM silver.current_observation_row
  WHERE kind = 'monthly_receipt_letter' AND NOT is_total
),
final AS (
  SELECT
    doc_id, table_id, row_no,
    source_document, province_key, province_code, province_name, province_as_written, geography,
    period_start, period_end,
    CAST(measures['received_processed']    AS BIGINT) AS received_processed,
    CAST(measures['processed_on_time']     AS BIGINT) AS processed_on_time,
    CAST(measures['received_late']         AS BIGINT) AS received_late,
    CAST(measures['overdue_in_processing'] AS BIGINT) AS overdue_in_processing,
    labels['received_late'] AS received_late_note,
    line_no, raw_line
  FROM printed_rows
)
SELECT * FROM final
