-- silver.current_observation_row: Each printed table row of the current documents, its numbers by measure
--
-- The one shape every pivoting gold model starts from: the observations of silver.report_observation that
-- belong to current documents (silver.current_document), one row per document, table, row and level, with the
-- row's lineage and province once and its numbers, labels and raw values keyed by measure. A gold model then
-- only picks and casts its measures (e.g. CAST(measures['online'] AS BIGINT)).
-- Grain: one row per current document, table, row and level (level is NULL where a table has none).
-- Columns:
--   doc_id, table_id, row_no, level     where the row is (level: 'province', 'commune', 'all' or NULL)
--   kind                   the document's kind (monthly_receipt_letter, integration_letter, …)
--   source_document        the document's number as printed
--   province_key, province_code, province_name, geography   the province resolved at the data date
--   province_as_written    the province as the document wrote it
--   period_start, period_end   the period the row's figures speak of (inclusive)
--   is_total               true for a printed total row
--   measures               measure -> value (DECIMAL(18,4)), one entry per number printed in the row
--   labels                 measure -> the text printed beside the number, where there is one
--   raw_values             measure -> the number exactly as written
--   line_no, raw_line      where the row is in the document's text, and that line as written
-- Sources: silver.report_observation, silver.current_document.
CREATE OR REPLACE VIEW silver.current_observation_row AS
WITH current_docs AS (
  SELECT doc_id FROM silver.current_document
),
observations AS (
  SELECT o.*
  FROM silver.report_observation o
  JOIN current_docs d ON d.doc_id = o.doc_id
),
final AS (
  SELECT
    doc_id, table_id, row_no, level,
    max(kind)            AS kind,
    max(document_number) AS source_document,
    max(province_key)    AS province_key,
    max(province_code)   AS province_code,
    max(province_name)   AS province_name,
    max(province_raw)    AS province_as_written,
    max(geography)       AS geography,
    max(period_start)    AS period_start,
    max(period_end)      AS period_end,
    bool_or(is_total)    AS is_total,
    map_from_entries(collect_list(struct(measure, value)))     AS measures,
    map_from_entries(collect_list(struct(measure, label)))     AS labels,
    map_from_entries(collect_list(struct(measure, raw_value))) AS raw_values,
    max(line_no)  AS line_no,
    max(raw_line) AS raw_line
  FROM observations
  GROUP BY doc_id, table_id, row_no, level
)
SELECT * FROM final
