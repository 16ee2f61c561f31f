-- report.dossier_kpis_national_latest_month: The counts behind the directive's four KPIs, nationally, for the
-- latest receipt month of one kind of dossier-level source.
-- Used by: FeedPage (page 7): the four-KPI table (the page divides numerators by denominators).
-- Grain: exactly one row (all columns NULL when the source kind has no month on today's map at level 'all').
-- Columns:
--   month, as_of_date            the receipt month ('yyyy-MM') and the day its outcomes are measured at
--   received, online             online rate       = online / received          (KPI >= 70%)
--   paid_online, with_fee        payment rate      = paid_online / with_fee     (KPI >= 30%)
--   overdue                      overdue rate      = overdue / received         (KPI <= 5%):
--                                finished late plus still open past the deadline
--   digitised, finished          digitised rate    = digitised / finished       (KPI >= 90%)
--   source                       readable origin, for the table's provenance line
-- Parameters:
--   :source_kind   'dvcqg_feed' or 'synthetic'
-- Reads: analytics.dossier_monthly
SELECT
  max(month) AS month,
  sum(received) AS received,
  sum(online) AS online,
  sum(paid_online) AS paid_online,
  sum(with_fee) AS with_fee,
  sum(finished_late) + sum(overdue_open) AS overdue,
  sum(digitised) AS digitised,
  sum(finished) AS finished,
  max(source) AS source,
  max(as_of_date) AS as_of_date
FROM analytics.dossier_monthly
WHERE geography = 'current'
  AND level = 'all'
  AND source_kind = :source_kind
  AND month = (SELECT max(month) FROM analytics.dossier_monthly WHERE source_kind = :source_kind)
