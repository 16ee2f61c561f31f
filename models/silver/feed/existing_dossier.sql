-- The rows silver.dossier holds now for the dossiers the batch touches: the stored side of the fold.
--
-- Inputs:
--   silver.dossier          the stored state, partitioned by receipt_month
--   feed_dossier_location   where each batch dossier's stored row can be: candidate_month.sql, plus
--                           undated_location.sql when there are undated dossiers
--   :months                 the distinct receipt months of feed_dossier_location (an array): only those
--                           partitions are read
-- Grain: one row per stored dossier (ma_ho_so).
WITH final AS (
  SELECT d.*
  FROM silver.dossier d
  LEFT SEMI JOIN feed_dossier_location c ON c.ma_ho_so = d.ma_ho_so AND c.receipt_month = d.receipt_month
  WHERE array_contains(:months, d.receipt_month)
)
SELECT * FROM final
