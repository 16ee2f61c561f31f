-- Each current province and its former parts; the seven codes that changed meaning.
SELECT current_code, current_name, former_code, former_name, parts, is_unchanged, code_meaning_changed, effective_date
FROM analytics.province_lineage ORDER BY current_code, former_code
