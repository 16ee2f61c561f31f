-- ref.kpi_threshold: The threshold of each directive KPI with its comparator, and the one way to evaluate it
--
-- Every view that says whether a value meets a KPI reads this model, so a ceiling (overdue ≤ 5%) is never
-- evaluated as a floor. A value MEETS the threshold when
--     direction * (value - threshold) >= 0
-- and BREACHES it when direction * (value - threshold) < 0: direction is 1 for a floor ('>=', higher is
-- better) and -1 for a ceiling ('<=', lower is better). Compare the unrounded value (counts divided), never a
-- rounded or percentage one.
-- Grain: one row per KPI. When several loaded documents set the same KPI, the highest threshold is kept
-- (today one directive sets each).
-- Columns:
--   kpi              online_rate, online_payment_rate, overdue_rate, digitised_result_rate
--   threshold        the target as a fraction (0.70 for 70%)
--   comparator       '>=' (a floor) or '<=' (a ceiling), as the directive states it
--   direction        1 for '>=', -1 for '<=': the sign in the rule above
--   target_source    legal reference and the document it was read from
-- Sources: ref.kpi_target (read from the directive by the refresh).
CREATE OR REPLACE VIEW ref.kpi_threshold AS
WITH targets AS (
  SELECT * FROM ref.kpi_target
),
per_kpi AS (
  SELECT kpi, max(threshold) AS threshold, max(comparator) AS comparator,
         max(concat(legal_reference, ' (', source_document, ')')) AS target_source
  FROM targets
  GROUP BY kpi
),
final AS (
  SELECT
    kpi, threshold, comparator,
    CASE comparator WHEN '>=' THEN 1 WHEN '<=' THEN -1 END AS direction,
    target_source
  FROM per_kpi
)
SELECT * FROM final
