-- bronze.feed_record: every message as received (raw JSON, file, line, item), with why it was refused, if it was.
-- The line number is the line's ordinality less the file's first: read_csv numbers the lines of all files in one
-- sequence, file after file.
COPY (
  WITH first_line AS (
    SELECT file_index, min(line_ord) - 1 AS before FROM staged GROUP BY file_index
  )
  SELECT f.path AS file_path, s.line_ord - l.before AS line_no, s.item_no, f.arrived_at, s.service, s.madonvi,
         s.is_updating, s.kind, s.source, s.ma_ho_so, s.raw_json, s.problem
  FROM staged s
  JOIN first_line l USING (file_index)
  JOIN feed_file f USING (file_index)
) TO '${out}/bronze/feed_record.parquet' (FORMAT parquet);
