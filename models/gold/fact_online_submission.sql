-- gold.fact_online_submission
-- Dossiers by channel per province, period and level, as the steering committee's daily reports publish
-- them (Phụ lục 8: the day at all levels, the day at commune level, cumulative since 01/7/2025 by level).
-- Grain: one row per current document, table, row and level. Printed total rows are not facts: they
-- are checked in gold.reconciliation.
-- Sources: silver.current_observation_row (rows of the current documents, numbers by measure).
WITH printed_rows AS (
  SELECT *
  FROM silver.current_observation_row
  WHERE table_id IN ('dossiers_day_all', 'dossiers_day_commune', 'dossiers_cumulative')
    AND NOT is_total
    AND arrays_overlap(map_keys(measures), array('direct', 'online', 'returned', 'total', 'online_rate_pct'))
),
final AS (
  SELECT
    doc_id, table_id, row_no, level,
    source_document, province_key, province_code, province_name, province_as_written, geography,
    period_start, period_end,
    CAST(measures['direct']   AS BIGINT) AS direct,
    CAST(measures['online']   AS BIGINT) AS online,
    CAST(measures['returned'] AS BIGINT) AS returned,
    CAST(measures['total']    AS BIGINT) AS total,
    CAST(measures['online_rate_pct'] AS DECIMAL(9,2)) AS published_online_rate_pct,
    line_no, raw_line
  FROM printed_rows
)
SELECT * FROM final
