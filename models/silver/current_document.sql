-- silver.current_document: The current version of each document, the only one whose figures count
--
-- The one rule for "current": a corrected re-issue of a document (same kind and number) supersedes the
-- earlier version, but a version with quarantined rows never replaces a clean one (the refresh decides, in
-- silver.document_version.is_current). Every gold model and view that counts figures reads this model
-- instead of repeating the filter; superseded versions stay queryable in analytics.documents.
-- Grain: one row per document key (kind|number), the current version's doc_id.
-- Columns:
--   doc_id          SHA-256 of the current version's bytes
--   document_key    kind|number: what the versions share
--   kind            monthly_receipt_letter, integration_letter, steering_daily_report, kpi_directive,
--                   secondary_article, service_index_766 (a 766 index export), unknown
--   number, issuer, issue_date, title   as read from the document's text (NULL when it does not say)
--   period_start, period_end, data_date the period its figures speak of (inclusive); data_date = period_end
--   restates        for a secondary article, the letter it restates
--   note            what was inferred rather than read
--   file_name, first_seen_at, version_no   the current version's file, when it was first loaded, its number
-- Sources: silver.document_version.
CREATE OR REPLACE VIEW silver.current_document AS
WITH versions AS (
  SELECT * FROM silver.document_version
),
final AS (
  SELECT
    doc_id, document_key, kind, number, issuer, issue_date, period_start, period_end, data_date, title,
    restates, note, file_name, first_seen_at, version_no
  FROM versions
  WHERE is_current
)
SELECT * FROM final
