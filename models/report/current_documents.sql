-- report.current_documents: The documents loaded in their current version, with the names a view's source may
-- cite them by and the dates a reader needs beside them.
-- Used by: SourceCatalog: every chart's and table's sources are printed with the issue date and the date the
--   figures stand at of the document they name.
-- Also: the report header's freshness line per page (PageFreshness) maps each document a page cites to its kind.
-- Grain: one row per current document version.
-- Parameters: none.
-- Reads: analytics.documents
SELECT number, title, file_name, issue_date, data_date, kind
FROM analytics.documents
WHERE is_current
