-- analytics.documents: The documents in the warehouse: kind, number, issuer, dates, and which version is current
--
-- Grain: one row per document version (content hash).
-- Columns:
--   doc_id          SHA-256 of the file's bytes; every fact row carries it
--   document_key    kind|number: versions of the same document share it
--   kind            monthly_receipt_letter, integration_letter, steering_daily_report, kpi_directive,
--                   secondary_article, service_index_766 (a 766 index export), unknown
--   number, issuer, issue_date   as read from the document's text (NULL when the text does not say)
--   period_start, period_end     the period its figures speak of (inclusive); data_date = period_end
--   restates        for a secondary article, the letter it restates (its figures are not counted)
--   version_no, is_current, superseded_by   a corrected re-issue supersedes; the old one stays queryable
--   note            what was inferred rather than read
-- Sources: silver.document_version (from bronze.document).
CREATE OR REPLACE VIEW analytics.documents AS
SELECT
  doc_id, document_key, kind, number, issuer, issue_date, period_start, period_end, data_date,
  title, restates, file_name, version_no, is_current, superseded_by, note
FROM silver.document_version
