-- analytics.commune_readiness: Commune readiness per province (green/yellow/red coverage and basic criteria), long form for a heat map
--
-- Grain: one row per report date, province and indicator.
-- Columns:
--   as_of_date, province_code, province_name, geography
--   indicator        green_share, yellow_share, red_share, reported_share (recomputed from the commune counts of
--                    Phụ lục 4), or crit_* (share of communes meeting a basic criterion, Phụ lục 5, as printed)
--   indicator_label  Vietnamese label of the indicator, from ref.commune_indicator (reference/commune_indicator.csv)
--   share            fraction [0, 1]
--   numerator, denominator   communes counted (NULL for criteria: the report prints percentages only)
--   published_pct    the percentage printed, when the report printed one
--   source
-- Known gap: the 20-BCHN report prints Phụ lục 5 without its rows 1-16, so 16 provinces have no crit_* rows
-- (see analytics.reconciliation, status 'missing_rows').
-- Sources: gold.fact_commune_readiness, ref.commune_indicator.
CREATE OR REPLACE VIEW analytics.commune_readiness AS
WITH facts AS (
  SELECT * FROM gold.fact_commune_readiness
),
indicators AS (
  SELECT indicator, label FROM ref.commune_indicator
),
coverage AS (
  SELECT doc_id, row_no, max(as_of_date) AS as_of_date, max(province_code) AS province_code,
         max(province_name) AS province_name, max(geography) AS geography, max(source_document) AS source_document,
         max(CASE WHEN measure = 'communes' THEN value END) AS communes,
         max(CASE WHEN measure = 'green' THEN value END) AS green,
         max(CASE WHEN measure = 'yellow' THEN value END) AS yellow,
         max(CASE WHEN measure = 'red' THEN value END) AS red,
         max(CASE WHEN measure = 'reported' THEN value END) AS reported,
         max(CASE WHEN measure = 'green_pct' THEN value END) AS green_pct,
         max(CASE WHEN measure = 'reported_pct' THEN value END) AS reported_pct
  FROM facts
  WHERE table_id = 'commune_coverage'
  GROUP BY doc_id, row_no
),
coverage_long AS (
  SELECT as_of_date, province_code, province_name, geography, source_document, ind.*
  FROM coverage
  LATERAL VIEW inline(array(
    struct('green_share' AS indicator, green AS numerator, communes AS denominator, green_pct AS published_pct),
    struct('yellow_share' AS indicator, yellow AS numerator, communes AS denominator,
           CAST(NULL AS DECIMAL(18,4)) AS published_pct),
    struct('red_share' AS indicator, red AS numerator, communes AS denominator,
           CAST(NULL AS DECIMAL(18,4)) AS published_pct),
    struct('reported_share' AS indicator, reported AS numerator, communes AS denominator,
           reported_pct AS published_pct)
  )) ind
),
criteria AS (
  SELECT as_of_date, province_code, province_name, geography, source_document,
         measure AS indicator,
         CAST(NULL AS DECIMAL(18,4)) AS numerator, CAST(NULL AS DECIMAL(18,4)) AS denominator, value AS published_pct
  FROM facts
  WHERE table_id = 'commune_criteria' AND measure LIKE 'crit\_%'
),
combined AS (
  SELECT * FROM coverage_long
  UNION ALL
  SELECT * FROM criteria
),
labelled AS (
  -- an indicator missing from the reference list keeps its row, with a NULL label
  SELECT c.*, i.label AS indicator_label
  FROM combined c
  LEFT JOIN indicators i ON i.indicator = c.indicator
),
final AS (
  SELECT
    as_of_date, province_code, province_name, geography, indicator, indicator_label,
    CAST(CASE WHEN numerator IS NOT NULL AND denominator > 0 THEN round(numerator / denominator, 6)
              ELSE round(published_pct / 100, 6) END AS DECIMAL(9,6)) AS share,
    CAST(numerator AS BIGINT) AS numerator, CAST(denominator AS BIGINT) AS denominator,
    CAST(published_pct AS DECIMAL(9,2)) AS published_pct,
    concat('report ', source_document) AS source
  FROM labelled
)
SELECT * FROM final
