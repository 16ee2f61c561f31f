-- analytics.reconciliation: Every published total, rate and claim checked against the rows it summarises
--
-- Grain: one row per check of a current document. Mismatches are findings to show: the warehouse never
-- corrects or hides them.
-- Columns:
--   document, kind, document_key, doc_id   which document (number, or title when it has none)
--   table_id         the table checked (appendix, dossiers_day_all, commune_coverage, ...)
--   check            total_vs_rows (printed total vs sum of rows), rate_vs_counts (printed rate vs its counts),
--                    whole_vs_parts (e.g. total = direct + online), levels_vs_all (province + commune = all),
--                    text_claim (a figure in the text vs the tables), restated_figure (an article vs its letter),
--                    row_numbering, table_heading, page_breaks, group_task_count, appendix_document_number
--   measure, scope   what was compared, and for which row or province
--   published_value, computed_value, difference   printed vs recomputed (difference = published - computed)
--   status           match; rounding (off by one unit of the last printed digit); mismatch; missing_rows;
--                    unverifiable (refers to a document not loaded); note (a fact worth showing)
--   detail, line_no  how it was computed, and the line of the document
--   acknowledged     listed in the inputs' acknowledged-findings.tsv (still shown; not alerted again)
-- Sources: gold.reconciliation, silver.current_document.
CREATE OR REPLACE VIEW analytics.reconciliation AS
SELECT
  coalesce(v.number, v.title, v.file_name) AS document, v.kind, v.document_key, r.doc_id,
  r.table_id, r.check, r.measure, r.scope, r.published_value, r.computed_value, r.difference, r.status,
  r.detail, r.line_no, r.acknowledged
FROM gold.reconciliation r
JOIN silver.current_document v ON v.doc_id = r.doc_id
