-- analytics.province_lineage: Each of the 34 current provinces with the former provinces it was formed from (Res. 202/2025/QH15)
--
-- Grain: one row per former province (63 rows), grouped by the current province it became on 2025-07-01.
-- Columns:
--   current_code        2-digit code of the current province (Decision 19/2025/QĐ-TTg)
--   current_name        its name (NFC, with diacritics); current_unit_type: tỉnh / thành phố trực thuộc trung ương (latest)
--   current_dvcqg_code  its DVCQG agency identifier (Hxx, Decision 20/2020/QĐ-TTg as amended by 09/2025/QĐ-TTg)
--   former_code         2-digit statistics-office code of the former province (to 2025-06-30)
--   former_name, former_dvcqg_code  the former province's name and Hxx code
--   parts               how many former provinces formed the current one (1 = unchanged)
--   is_unchanged        true for the 11 provinces not merged
--   code_meaning_changed true when this former province's 2-digit code now denotes a province of another name
--                       (15 Yên Bái → Lào Cai, 24, 44, 52, 80, 82, 91: the same code, a different place)
--   effective_date      2025-07-01
-- Sources: ref.province_lineage, ref.province (warehouse/src/main/resources/reference/SOURCES.md).
CREATE OR REPLACE VIEW analytics.province_lineage AS
WITH lineage AS (
  SELECT * FROM ref.province_lineage
),
current_provinces AS (
  SELECT * FROM ref.province WHERE era = 'current'
),
former_provinces AS (
  SELECT * FROM ref.province WHERE era = 'former'
),
parts AS (
  SELECT current_code, count(*) AS parts FROM lineage GROUP BY current_code
),
final AS (
  SELECT
    l.current_code,
    c.name        AS current_name,
    c.unit_type   AS current_unit_type,
    c.dvcqg_code  AS current_dvcqg_code,
    l.former_code,
    f.name        AS former_name,
    f.dvcqg_code  AS former_dvcqg_code,
    p.parts,
    p.parts = 1   AS is_unchanged,
    coalesce(same_code.name <> f.name, false) AS code_meaning_changed,
    l.effective_date
  FROM lineage l
  JOIN current_provinces c ON c.code = l.current_code
  JOIN former_provinces f ON f.code = l.former_code
  JOIN parts p ON p.current_code = l.current_code
  LEFT JOIN current_provinces same_code ON same_code.code = l.former_code
)
SELECT * FROM final
