-- The receipt months silver.dossier holds the undated dossiers in: a scan of one column of every month, run
-- only when undated_dossier.sql found any.
--
-- Inputs:
--   silver.dossier          the stored state
--   feed_undated_dossier    dossiers with events in the batch and no candidate month
-- Grain: one row per (ma_ho_so, receipt_month), the same shape as candidate_month.sql.
WITH final AS (
  SELECT DISTINCT d.ma_ho_so, d.receipt_month
  FROM silver.dossier d
  LEFT SEMI JOIN feed_undated_dossier u ON u.ma_ho_so = d.ma_ho_so
)
SELECT * FROM final
