-- Helpers of the DuckDB feed build (DuckDbFeedBuild), the SQL counterparts of FeedParser's value rules.
--
-- txt        a field as trimmed text; NULL when absent, null or empty (the wire sends "" for null)
-- code_of    a code in [lo, hi] written with one or two digits, else NULL
-- bad_code   text given but not such a code: the message is refused
-- wire_time  yyyyMMddHHmmss as a local timestamp (Asia/Ho_Chi_Minh, kept local: see DuckDbFeedBuild), else NULL
-- bad_time   text given but not a time, or later than ${latest_allowed} (now + 1 day): the message is refused
-- flag       "1" or "true" (any case) → true; other text → false; NULL → NULL
-- fold_name  lower case, accents and marks removed, đ → d, single spaces (AgencyDirectory.fold)
-- pseudonym  a keyed SHA-256 of a personal value (the warehouse uses HMAC-SHA256; the values are never compared)
CREATE OR REPLACE MACRO txt(s) AS nullif(trim(s), '');
CREATE OR REPLACE MACRO code_of(s, lo, hi) AS
  CASE WHEN regexp_full_match(s, '[0-9]{1,2}') AND TRY_CAST(s AS INTEGER) BETWEEN lo AND hi
       THEN TRY_CAST(s AS INTEGER) END;
CREATE OR REPLACE MACRO bad_code(s, lo, hi) AS s IS NOT NULL AND code_of(s, lo, hi) IS NULL;
CREATE OR REPLACE MACRO wire_time(s) AS
  CASE WHEN regexp_full_match(s, '[0-9]{14}') THEN try_strptime(s, '%Y%m%d%H%M%S') END;
CREATE OR REPLACE MACRO bad_time(s) AS
  s IS NOT NULL AND coalesce(wire_time(s) > ${latest_allowed}, true);
CREATE OR REPLACE MACRO flag(s) AS CASE WHEN s IS NOT NULL THEN s = '1' OR lower(s) = 'true' END;
CREATE OR REPLACE MACRO fold_name(s) AS
  regexp_replace(replace(strip_accents(lower(trim(s))), 'đ', 'd'), '\s+', ' ', 'g');
CREATE OR REPLACE MACRO pseudonym(kind, s) AS CASE WHEN s IS NOT NULL THEN sha256(${key} || kind || chr(31) || s) END;
