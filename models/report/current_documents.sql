-- report.current_documents: The documents loaded in their current version, with the names a view's source may
-- cite them by and the dates a reader needs beside them.
-- Used by: SourceCatalog: every chart's and table's sources are printed with the issue date and the date the
--   figures stand at of the document they name.
-- Grain: one row per current document version.
-- Parameters: none.
-- Reads: analytics.documents
SELECT number, title, file_name, issue_date, data_date
FROM analytics.documents
WHERE is_current
