-- Dossiers whose record is in the batch and that silver.dossier does not hold yet.
--
-- Inputs:
--   feed_batch_record       the batch's valid dossier records
--   feed_existing_dossier   the stored rows of the batch's dossiers
-- Grain: one row per ma_ho_so, with the earliest receipt month its records name.
WITH final AS (
  SELECT r.ma_ho_so, min(r.receipt_month) AS receipt_month
  FROM feed_batch_record r
  LEFT ANTI JOIN feed_existing_dossier e ON e.ma_ho_so = r.ma_ho_so
  GROUP BY r.ma_ho_so
)
SELECT * FROM final
