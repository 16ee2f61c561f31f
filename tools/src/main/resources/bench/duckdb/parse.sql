-- staged: every message of the feed files, parsed and checked, one row per message (FeedParser's output).
--
-- Inputs:
--   ${files}    the feed files, in the order of feed_file.file_index (a list literal)
--   province_map, feed_file    reference tables the build loads from the warehouse's Java classes
-- Each line is read as text (one VARCHAR column, no quoting) with its line number (ordinality counts every
-- line, blank ones included, as the warehouse counts '\n'). A line that is a JSON object with a "data" array is
-- an envelope (its items are the messages, item_no from 1); a JSON array's items are messages too; any other
-- object is a bare message (item_no 0, raw text = the line). A line that is not JSON is one refused message.
CREATE OR REPLACE TABLE staged AS
WITH line AS (
  SELECT file_index, ordinality AS line_ord, line
  FROM read_csv(${files}, columns = {'line': 'VARCHAR'}, header = false, delim = chr(1), quote = '', escape = '',
                auto_detect = false, max_line_size = ${max_line_bytes}) WITH ORDINALITY
),
rooted AS (
  SELECT file_index, line_ord, line, try(json_type(line)) AS root_type
  FROM line
  WHERE line IS NOT NULL AND trim(line) <> ''
),
enveloped AS (
  SELECT
    *,
    CASE WHEN root_type = 'OBJECT' AND contains(line, '"data"')
         THEN from_json(line, '{"service": "VARCHAR", "madonvi": "VARCHAR", "isUpdating": "VARCHAR",
                                "_synthetic": "VARCHAR", "synthetic": "VARCHAR", "data": ["JSON"]}') END AS env
  FROM rooted
),
listed AS (
  SELECT
    file_index, line_ord, line, root_type,
    root_type = 'OBJECT' AND env.data IS NULL AS bare,
    env.data IS NOT NULL AS is_envelope,
    CASE WHEN env.data IS NOT NULL THEN txt(env.service) END AS service,
    CASE WHEN env.data IS NOT NULL THEN txt(env.madonvi) END AS madonvi,
    CASE WHEN env.data IS NOT NULL THEN txt(env.isUpdating) END AS is_updating,
    coalesce(env.data IS NOT NULL AND (txt(env._synthetic) = '1' OR lower(txt(env.synthetic)) = 'true'), false)
      AS envelope_synthetic,
    CASE WHEN root_type IS NULL OR (root_type = 'OBJECT' AND env.data IS NULL) THEN [NULL::JSON]
         WHEN root_type = 'ARRAY' THEN from_json(line, '["JSON"]')
         WHEN env.data IS NOT NULL THEN env.data
         ELSE [line::JSON] END AS items  -- a scalar root: one message, refused as neither record nor event
  FROM enveloped
),
item AS (
  SELECT
    file_index, line_ord, line, root_type, bare, is_envelope, service, madonvi, is_updating, envelope_synthetic,
    unnest(list_transform(items, lambda x, i: {'item': x, 'item_no': i})) AS it
  FROM listed
),
decoded AS (
  SELECT
    file_index, line_ord, root_type, service, madonvi, is_updating, envelope_synthetic,
    CASE WHEN bare OR root_type IS NULL THEN 0 ELSE it.item_no END AS item_no,
    CASE WHEN bare OR root_type IS NULL THEN line ELSE it.item::VARCHAR END AS raw_json,
    CASE WHEN root_type IS NULL THEN NULL WHEN bare THEN 'OBJECT' ELSE json_type(it.item) END AS item_type,
    CASE WHEN bare OR json_type(it.item) = 'OBJECT' THEN from_json(CASE WHEN bare THEN line ELSE it.item END, '{
      "MaHoSo": "VARCHAR", "MaTTHC": "VARCHAR", "TenTTHC": "VARCHAR", "MaLinhVuc": "VARCHAR", "TenLinhVuc": "VARCHAR",
      "KenhThucHien": "VARCHAR", "LoaiDoiTuong": "VARCHAR", "HinhThuc": "VARCHAR", "NoiNopHoSo": "VARCHAR",
      "DuocThanhToanTrucTuyen": "VARCHAR", "HoSoCoThanhPhanSoHoa": "VARCHAR", "TaiKhoanDuocXacThucVoiVNeID": "VARCHAR",
      "TrangThaiHoSo": "VARCHAR", "NgayNopHoSo": "VARCHAR", "NgayTiepNhan": "VARCHAR", "NgayHenTra": "VARCHAR",
      "NgayKetThucXuLy": "VARCHAR", "NgayTra": "VARCHAR", "NgayTuChoi": "VARCHAR", "DonViXuLy": "VARCHAR",
      "SoGiayToChuHoSo": "VARCHAR", "MaDoiTuong": "VARCHAR", "_synthetic": "VARCHAR",
      "DanhSachHoSoBoSung": [{"NgayBoSung": "VARCHAR", "NgayTiepNhanBoSung": "VARCHAR"}],
      "TaiLieuNop": [{"IsDeleted": "VARCHAR", "DuocSoHoa": "VARCHAR", "DuocLayTuKhoDMQG": "VARCHAR"}],
      "DanhSachGiayToKetQua": [{"DuongDanTepTinKetQua": "VARCHAR"}],
      "DanhSachLePhi": [{"Gia": "VARCHAR"}],
      "DinhDanhCHS": [{"SoDinhDanh": "VARCHAR"}],
      "ThoiDiemXuLy": "VARCHAR", "TrangThai": "VARCHAR", "NoiDungXuLy": "VARCHAR", "NguoiXuLy": "VARCHAR",
      "NgayKetThucTheoQuyDinh": "VARCHAR"}') END AS m
  FROM item
),
classified AS (
  SELECT
    *,
    CASE WHEN item_type IS DISTINCT FROM 'OBJECT' THEN 'unknown'
         WHEN service = 'CapNhatTienDoHoSoMC' OR (m.ThoiDiemXuLy IS NOT NULL AND m.TrangThaiHoSo IS NULL) THEN 'event'
         WHEN service = 'DongBoHoSoMC' OR m.TrangThaiHoSo IS NOT NULL OR m.NgayTiepNhan IS NOT NULL
              OR m.MaTTHC IS NOT NULL THEN 'dossier'
         ELSE 'unknown' END AS kind,
    CASE WHEN envelope_synthetic OR txt(m._synthetic) = '1' THEN 'synthetic' ELSE 'dvcqg' END AS source,
    service IS NOT NULL AND service NOT IN ('DongBoHoSoMC', 'CapNhatTienDoHoSoMC') AS unknown_service,
    txt(m.MaHoSo) AS ma_ho_so,
    txt(m.MaTTHC) AS ma_tthc_raw,
    txt(m.TrangThaiHoSo) AS status_text,
    txt(m.KenhThucHien) AS channel_text,
    txt(m.LoaiDoiTuong) AS applicant_text,
    txt(m.HinhThuc) AS delivery_text,
    txt(m.NoiNopHoSo) AS submitted_via_text,
    txt(m.DuocThanhToanTrucTuyen) AS paid_text,
    txt(m.NgayNopHoSo) AS submitted_text,
    txt(m.NgayTiepNhan) AS received_text,
    txt(m.NgayHenTra) AS due_text,
    txt(m.NgayKetThucXuLy) AS finished_text,
    txt(m.NgayTra) AS returned_text,
    txt(m.NgayTuChoi) AS refused_text,
    txt(m.ThoiDiemXuLy) AS event_text,
    txt(m.TrangThai) AS event_status_text,
    txt(m.NgayKetThucTheoQuyDinh) AS step_deadline_text,
    list_transform(coalesce(m.DanhSachHoSoBoSung, []),
      lambda b: {'requested': txt(b.NgayBoSung), 'resubmitted': txt(b.NgayTiepNhanBoSung)}) AS supplements,
    list_transform(coalesce(m.DanhSachLePhi, []), lambda f: txt(f.Gia)) AS fees
  FROM decoded
),
valued AS (
  SELECT
    *,
    CASE WHEN NOT bad_time(submitted_text) THEN wire_time(submitted_text) END AS submitted_at,
    CASE WHEN NOT bad_time(received_text) THEN wire_time(received_text) END AS received_at,
    CASE WHEN NOT bad_time(due_text) THEN wire_time(due_text) END AS due_at,
    CASE WHEN NOT bad_time(finished_text) THEN wire_time(finished_text) END AS finished_at,
    CASE WHEN NOT bad_time(returned_text) THEN wire_time(returned_text) END AS returned_at,
    CASE WHEN NOT bad_time(refused_text) THEN wire_time(refused_text) END AS refused_at,
    CASE WHEN NOT bad_time(event_text) THEN wire_time(event_text) END AS event_at,
    CASE WHEN NOT bad_time(step_deadline_text) THEN wire_time(step_deadline_text) END AS step_deadline_at,
    list_max(list_transform(supplements, lambda b: greatest(
      CASE WHEN NOT bad_time(b.requested) THEN wire_time(b.requested) END,
      CASE WHEN NOT bad_time(b.resubmitted) THEN wire_time(b.resubmitted) END))) AS last_supplement_at,
    coalesce(list_bool_or(list_transform(supplements,
      lambda b: bad_time(b.requested) OR bad_time(b.resubmitted))), false) AS bad_supplement_time,
    list_transform(fees, lambda g: regexp_replace(g, '[.,\s]', '', 'g')) AS fee_digits,
    coalesce(list_bool_or(list_transform(fees,
      lambda g: g IS NOT NULL AND NOT regexp_full_match(regexp_replace(g, '[.,\s]', '', 'g'), '[0-9]{1,15}'))), false)
      AS bad_fee,
    code_of(status_text, 1, 10) AS record_status,
    code_of(event_status_text, 1, 10) AS event_status,
    code_of(channel_text, 1, 3) AS channel,
    coalesce(regexp_extract(txt(m.MaHoSo), '^([0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2})-[0-9]{6}-[0-9]{4,5}$', 1)
             <> '', false) AS numbered
  FROM classified
),
anchored AS (
  SELECT
    *,
    CASE WHEN numbered THEN regexp_extract(ma_ho_so, '^([^-]+)-', 1) ELSE madonvi END AS agency_code,
    coalesce(received_at, submitted_at) AS anchor_at,
    CASE WHEN coalesce(received_at, submitted_at) IS NOT NULL
         THEN CASE WHEN CAST(coalesce(received_at, submitted_at) AS DATE) < ${reorganisation_date}
                   THEN 'former' ELSE 'current' END END AS era
  FROM valued
),
located AS (
  SELECT a.*, p.province_key, p.province_code
  FROM anchored a
  LEFT JOIN province_map p
    ON p.era = a.era AND p.dvcqg_code = regexp_extract(a.agency_code, '^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.(H[0-9]{2})$', 1)
),
checked AS (
  SELECT
    *,
    CASE
      WHEN root_type IS NULL THEN 'line is not valid JSON'
      WHEN unknown_service THEN 'envelope service ''' || service || ''' is neither DongBoHoSoMC nor CapNhatTienDoHoSoMC'
      WHEN kind = 'unknown' THEN 'message is neither a dossier record nor a status event'
      WHEN kind = 'dossier' THEN nullif(concat_ws('; ',
        CASE WHEN ma_ho_so IS NULL THEN 'MaHoSo is empty' END,
        CASE WHEN bad_code(status_text, 1, 10) THEN 'TrangThaiHoSo is not a status code (1-10)' END,
        CASE WHEN status_text IS NULL THEN 'TrangThaiHoSo is empty' END,
        CASE WHEN bad_code(channel_text, 1, 3) THEN 'KenhThucHien is not a channel code' END,
        CASE WHEN bad_code(applicant_text, 1, 4) THEN 'LoaiDoiTuong is not an applicant type' END,
        CASE WHEN bad_code(delivery_text, 0, 1) THEN 'HinhThuc is not a delivery mode' END,
        CASE WHEN bad_code(submitted_via_text, 1, 2) THEN 'NoiNopHoSo is not a submission place' END,
        CASE WHEN bad_code(paid_text, 0, 3) THEN 'DuocThanhToanTrucTuyen is not a payment code' END,
        CASE WHEN bad_time(submitted_text) OR bad_time(received_text) OR bad_time(due_text)
               OR bad_time(finished_text) OR bad_time(returned_text) OR bad_time(refused_text)
               OR bad_supplement_time THEN 'a time is not yyyyMMddHHmmss or is in the future' END,
        CASE WHEN record_status NOT IN (1, 3) AND received_text IS NULL
             THEN 'TrangThaiHoSo says the dossier was accepted but NgayTiepNhan is empty' END,
        CASE WHEN anchor_at IS NULL THEN 'neither NgayTiepNhan nor NgayNopHoSo is given' END,
        CASE WHEN anchor_at IS NOT NULL AND ma_ho_so IS NOT NULL AND province_key IS NULL
             THEN 'agency code names no province of the era' END,
        CASE WHEN bad_fee THEN 'DanhSachLePhi Gia is not an amount in VND' END), '')
      ELSE nullif(concat_ws('; ',
        CASE WHEN ma_ho_so IS NULL THEN 'MaHoSo is empty' END,
        CASE WHEN bad_time(event_text) THEN 'ThoiDiemXuLy is not yyyyMMddHHmmss or is in the future' END,
        CASE WHEN event_text IS NULL THEN 'ThoiDiemXuLy is empty' END,
        CASE WHEN bad_code(event_status_text, 1, 10) THEN 'TrangThai is not a status code (1-10)' END,
        CASE WHEN event_status_text IS NULL THEN 'TrangThai is empty' END,
        CASE WHEN bad_time(step_deadline_text) THEN 'NgayKetThucTheoQuyDinh is not yyyyMMddHHmmss' END), '')
    END AS problem
  FROM located
)
SELECT
  -- lineage
  file_index, line_ord, item_no, service, madonvi, is_updating, kind, source, raw_json, problem,
  -- dossier records
  ma_ho_so,
  CASE WHEN regexp_matches(ma_tthc_raw, '^[123]\.[0-9]{6}') THEN left(ma_tthc_raw, 8) ELSE ma_tthc_raw END AS ma_tthc,
  ma_tthc_raw, txt(m.TenTTHC) AS ten_tthc, txt(m.MaLinhVuc) AS ma_linh_vuc, txt(m.TenLinhVuc) AS ten_linh_vuc,
  channel, code_of(applicant_text, 1, 4) AS applicant_type, record_status,
  code_of(delivery_text, 0, 1) AS result_delivery, code_of(submitted_via_text, 1, 2) AS submitted_via,
  code_of(paid_text, 0, 3) AS paid_online_code,
  flag(txt(m.HoSoCoThanhPhanSoHoa)) AS has_digitised_components,
  flag(txt(m.TaiKhoanDuocXacThucVoiVNeID)) AS vneid_authenticated,
  submitted_at, received_at, due_at, finished_at, returned_at, refused_at,
  greatest(submitted_at, received_at, finished_at, returned_at, refused_at, last_supplement_at) AS version_at,
  CASE record_status WHEN 1 THEN 1 WHEN 2 THEN 2 WHEN 4 THEN 3 WHEN 5 THEN 4 WHEN 6 THEN 4
                     WHEN 3 THEN 5 WHEN 7 THEN 5 WHEN 8 THEN 5 WHEN 9 THEN 6 WHEN 10 THEN 7 END AS status_rank,
  agency_code, txt(m.DonViXuLy) AS unit_name, era, province_key, province_code,
  CAST(received_at AS DATE) AS receipt_date,
  strftime(anchor_at, '%Y-%m') AS receipt_month,
  len(list_filter(coalesce(m.TaiLieuNop, []),
    lambda f: NOT coalesce(txt(f.IsDeleted) = '1' OR lower(txt(f.IsDeleted)) = 'true', false))) AS n_files,
  len(list_filter(coalesce(m.TaiLieuNop, []),
    lambda f: NOT coalesce(txt(f.IsDeleted) = '1' OR lower(txt(f.IsDeleted)) = 'true', false)
              AND txt(f.DuocSoHoa) IS NOT DISTINCT FROM '1')) AS n_files_digitised,
  len(list_filter(coalesce(m.TaiLieuNop, []),
    lambda f: NOT coalesce(txt(f.IsDeleted) = '1' OR lower(txt(f.IsDeleted)) = 'true', false)
              AND txt(f.DuocLayTuKhoDMQG) IS NOT DISTINCT FROM '1')) AS n_files_from_store,
  len(coalesce(m.DanhSachGiayToKetQua, [])) AS n_results,
  len(list_filter(coalesce(m.DanhSachGiayToKetQua, []), lambda r: txt(r.DuongDanTepTinKetQua) IS NOT NULL))
    AS n_results_electronic,
  len(supplements) AS n_supplements,
  coalesce(list_sum(list_transform(fee_digits,
    lambda d: CASE WHEN regexp_full_match(d, '[0-9]{1,15}') THEN TRY_CAST(d AS BIGINT) END)), 0) AS fee_total,
  coalesce(list_bool_or(list_transform(fee_digits,
    lambda d: regexp_full_match(d, '[0-9]{1,15}') AND TRY_CAST(d AS BIGINT) > 0)), false) AS has_fee,
  pseudonym('id', coalesce(
    CASE WHEN txt(m.SoGiayToChuHoSo) <> '000000001' THEN txt(m.SoGiayToChuHoSo) END,
    list_filter(list_transform(coalesce(m.DinhDanhCHS, []), lambda i: txt(i.SoDinhDanh)),
      lambda n: n IS NOT NULL AND n <> '000000001')[1])) AS owner_id_pid,
  pseudonym('account', txt(m.MaDoiTuong)) AS account_pid,
  -- status events
  event_at, event_status, txt(m.NoiDungXuLy) AS action_text, pseudonym('handler', txt(m.NguoiXuLy)) AS handler_pid,
  step_deadline_at,
  sha256(concat_ws(chr(31), coalesce(ma_ho_so, 'null'), coalesce(event_text, 'null'),
    coalesce(event_status_text, 'null'), coalesce(txt(m.NoiDungXuLy), 'null'))) AS event_id
FROM checked;
