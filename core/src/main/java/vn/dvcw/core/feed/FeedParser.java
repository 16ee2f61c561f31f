package vn.dvcw.core.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import vn.dvcw.core.calendar.WorkingCalendar;
import vn.dvcw.core.geo.Era;
import vn.dvcw.core.geo.Province;

/**
 * Turns one line of a feed file into rows of {@link FeedSchema#PARSED}: one per message (a bare record, or each
 * item of an envelope's {@code data}). Pure Java, no Spark: it runs inside the executors' file readers.
 *
 * <p>A message that cannot be used gets a {@code problem} (it goes to the quarantine, its raw text stays in
 * bronze): a line that is not JSON, no {@code MaHoSo}, a status or channel outside its code list, a time that is
 * not {@code yyyyMMddHHmmss} or lies in the future, an accepted dossier without {@code NgayTiepNhan}, an agency
 * code that names no province of the dossier's era. Everything personal is either dropped or pseudonymised here,
 * so nothing downstream of bronze ever sees it.
 *
 * <p>Times are local (Asia/Ho_Chi_Minh, no offset in the string) and stored as instants. Dates (receipt day,
 * month) are local dates.
 */
public final class FeedParser implements Serializable {
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter WIRE_TIME =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");
  static final String DOSSIER_SERVICE = "DongBoHoSoMC";
  static final String EVENT_SERVICE = "CapNhatTienDoHoSoMC";
  /** The kind of a row about a whole file, not a message: the file is recorded as loaded with this finding. */
  public static final String FILE_KIND = "file";
  /** The kind of a row saying a file was not read as planned: the next run reads it again. */
  public static final String INTERRUPTED_KIND = "interrupted";
  /** The placeholder ID number one vendor sends when it has none (feed spec §2.1): not a person. */
  private static final String PLACEHOLDER_ID = "000000001";

  private final AgencyDirectory agencies;
  private final WorkingCalendar calendar;
  private final Pseudonymiser pseudonyms;
  private final Instant latestAllowed;
  private transient ObjectMapper json;

  /**
   * @param now times later than one day after {@code now} are refused: a clock error in a sending system must
   *     not move the warehouse's "as of" time into the future
   */
  public FeedParser(AgencyDirectory agencies, WorkingCalendar calendar, Pseudonymiser pseudonyms, Instant now) {
    this.agencies = agencies;
    this.calendar = calendar;
    this.pseudonyms = pseudonyms;
    this.latestAllowed = now.plusSeconds(86_400);
  }

  /** The rows of one line (empty for a blank line). */
  public List<FeedMessage> parse(FeedFile file, int lineNo, String line) {
    List<FeedMessage> rows = new ArrayList<>();
    if (line.isBlank()) {
      return rows;
    }
    JsonNode root;
    try {
      root = json().readTree(line);
    } catch (JsonProcessingException e) {
      rows.add(refused(file, lineNo, line, "line is not valid JSON: " + jsonError(e)));
      return rows;
    }
    Envelope envelope = Envelope.NONE;
    List<JsonNode> items = new ArrayList<>();
    if (root.isArray()) {
      root.forEach(items::add);
    } else if (root.isObject() && root.has("data") && root.get("data").isArray()) {
      envelope = new Envelope(text(root, "service"), text(root, "madonvi"), text(root, "isUpdating"),
          "1".equals(text(root, "_synthetic")) || "true".equalsIgnoreCase(text(root, "synthetic")));
      root.get("data").forEach(items::add);
    } else {
      items.add(root);
    }
    boolean bare = items.size() == 1 && root.isObject() && !root.has("data");
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      // A bare record is kept exactly as received; an envelope's items are written out one by one.
      rows.add(message(file, lineNo, bare ? 0 : i + 1, envelope, item, bare ? line : item.toString()));
    }
    return rows;
  }

  /**
   * The row of item {@code itemNo} (from 1) of a JSON array document, read on its own (a large array is streamed
   * item by item, never held whole); {@code lineNo} is the line the item starts on.
   */
  public FeedMessage parseArrayItem(FeedFile file, int lineNo, int itemNo, String itemJson) {
    JsonNode item;
    try {
      item = json().readTree(itemJson);
    } catch (JsonProcessingException e) {
      return refused(file, lineNo, itemJson, "item " + itemNo + " is not valid JSON: " + jsonError(e))
          .set("item_no", itemNo);
    }
    return message(file, lineNo, itemNo, Envelope.NONE, item, itemJson);
  }

  /** What an envelope says about all of its items (nothing for a bare record or array). */
  private record Envelope(String service, String madonvi, String isUpdating, boolean synthetic) {
    static final Envelope NONE = new Envelope(null, null, null, false);
  }

  private FeedMessage message(FeedFile file, int lineNo, int itemNo, Envelope envelope, JsonNode item, String raw) {
    String service = envelope.service();
    String source = envelope.synthetic() || "1".equals(text(item, "_synthetic")) ? "synthetic" : "dvcqg";
    String kind = kind(item, service);
    FeedMessage v = lineage(file, lineNo, itemNo, service, envelope.madonvi(), raw, kind, source)
        .set("is_updating", envelope.isUpdating());
    List<String> problems = new ArrayList<>();
    if (service != null && !DOSSIER_SERVICE.equals(service) && !EVENT_SERVICE.equals(service)) {
      // A look-up call (TraCuuHoSo, LayThuTuc) or a service we do not know: its items are not dossiers or events,
      // whatever fields they happen to carry.
      problems.add("envelope service '" + service + "' is neither " + DOSSIER_SERVICE + " (dossier records) nor "
          + EVENT_SERVICE + " (status events)");
    } else {
      switch (kind) {
        case "dossier" -> dossier(item, envelope.madonvi(), v, problems);
        case "event" -> event(item, v, problems);
        default -> problems.add("message is neither a dossier record (MaHoSo, TrangThaiHoSo, NgayTiepNhan) nor a "
            + "status event (MaHoSo, ThoiDiemXuLy, TrangThai)" + (service != null ? " (service " + service + ")" : ""));
      }
    }
    if (!problems.isEmpty()) {
      v.set("problem", String.join("; ", problems));
    }
    return v;
  }

  /** A line refused before its messages could be told apart: its raw text and why. */
  public FeedMessage refused(FeedFile file, int lineNo, String raw, String why) {
    return lineage(file, lineNo, 0, null, null, raw, "unknown", "dvcqg").set("problem", why);
  }

  /**
   * The row of a file that cannot be read on from {@code lineNo} (truncated gzip, I/O error): kind {@value
   * #FILE_KIND}, the ledger records the file as loaded with this finding.
   */
  public FeedMessage unreadable(FeedFile file, int lineNo, String why) {
    return lineage(file, lineNo, 0, null, null, "", FILE_KIND, "dvcqg")
        .set("problem", "file cannot be read from line " + lineNo + " on: " + why);
  }

  /**
   * The row of a file that was not read as planned (it disappeared, or its bytes changed while being read): kind
   * {@value #INTERRUPTED_KIND}, the ledger records the file as interrupted and the next run reads it again.
   */
  public FeedMessage interrupted(FeedFile file, int lineNo, String why) {
    return lineage(file, lineNo, 0, null, null, "", INTERRUPTED_KIND, "dvcqg").set("problem", why);
  }

  /** A problem of the whole file (empty, no messages): kind {@value #FILE_KIND}. */
  public FeedMessage fileProblem(FeedFile file, String why) {
    return lineage(file, 0, 0, null, null, "", FILE_KIND, "dvcqg").set("problem", why);
  }

  /**
   * Jackson's reason, without the parts that can quote the input: the source excerpt is switched off in the
   * mapper, and a quoted token longer than a character or two (an unrecognised word may be a name) is masked.
   */
  static String jsonError(JsonProcessingException e) {
    String m = firstLine(e.getOriginalMessage());
    int marker = m.indexOf(" (start marker at");
    if (marker >= 0) {
      m = m.substring(0, marker);
    }
    StringBuilder out = new StringBuilder(m.length());
    int i = 0;
    while (i < m.length()) {
      int open = m.indexOf('\'', i);
      int close = open < 0 ? -1 : m.indexOf('\'', open + 1);
      if (close < 0) {
        out.append(m, i, m.length());
        break;
      }
      String quoted = m.substring(open + 1, close);
      boolean harmless = quoted.length() <= 3 || quoted.equals("true") || quoted.equals("false")
          || quoted.equals("null") || quoted.equals("NaN");
      out.append(m, i, open + 1).append(harmless ? quoted : PersonalData.MASK).append('\'');
      i = close + 1;
    }
    String where = e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
    return out + where;
  }

  private static String kind(JsonNode item, String service) {
    if (!item.isObject()) {
      return "unknown";
    }
    if (EVENT_SERVICE.equals(service) || item.has("ThoiDiemXuLy") && !item.has("TrangThaiHoSo")) {
      return "event";
    }
    if (DOSSIER_SERVICE.equals(service) || item.has("TrangThaiHoSo") || item.has("NgayTiepNhan")
        || item.has("MaTTHC")) {
      return "dossier";
    }
    return "unknown";
  }

  private static FeedMessage lineage(FeedFile f, int lineNo, int itemNo, String service, String madonvi,
      String raw, String kind, String source) {
    return new FeedMessage().set("file_id", f.fileId()).set("file_path", f.path()).set("line_no", lineNo)
        .set("item_no", itemNo).set("arrived_at", f.arrivedAt()).set("service", service).set("madonvi", madonvi)
        .set("kind", kind).set("source", source).set("raw_json", raw);
  }

  // ---- dossier records (DongBoHoSoMC) ----

  private void dossier(JsonNode d, String madonvi, FeedMessage v, List<String> problems) {
    String maHoSo = text(d, "MaHoSo");
    if (maHoSo == null) {
      problems.add("MaHoSo is empty");
    }
    v.set("ma_ho_so", maHoSo);
    String maTthc = text(d, "MaTTHC");
    v.set("ma_tthc_raw", maTthc).set("ten_tthc", text(d, "TenTTHC")).set("ma_linh_vuc", text(d, "MaLinhVuc"))
        .set("ten_linh_vuc", text(d, "TenLinhVuc"))
        .set("ma_tthc", isProcedureCode(maTthc) ? maTthc.substring(0, 8) : maTthc);
    Integer status = code(d, "TrangThaiHoSo", 1, 10, "a status code (1-10)", problems);
    if (status == null && text(d, "TrangThaiHoSo") == null) {
      problems.add("TrangThaiHoSo is empty");
    }
    v.set("record_status", status).set("status_rank", status == null ? null : DossierStatus.rank(status));
    v.set("channel", code(d, "KenhThucHien", 1, 3, "a channel code (1 direct, 2 online, 3 postal)", problems))
        .set("applicant_type", code(d, "LoaiDoiTuong", 1, 4, "an applicant type (1-4)", problems))
        .set("result_delivery", code(d, "HinhThuc", 0, 1, "a delivery mode (0 counter, 1 post)", problems))
        .set("submitted_via", code(d, "NoiNopHoSo", 1, 2, "a submission place (1 DVCQG, 2 provincial system)", problems))
        .set("paid_online_code", code(d, "DuocThanhToanTrucTuyen", 0, 3, "a payment code (0-3)", problems))
        .set("has_digitised_components", flag(d, "HoSoCoThanhPhanSoHoa"))
        .set("vneid_authenticated", flag(d, "TaiKhoanDuocXacThucVoiVNeID"));

    Timestamp submitted = time(d, "NgayNopHoSo", problems);
    Timestamp received = time(d, "NgayTiepNhan", problems);
    Timestamp due = time(d, "NgayHenTra", problems);
    Timestamp finished = time(d, "NgayKetThucXuLy", problems);
    Timestamp returned = time(d, "NgayTra", problems);
    Timestamp refused = time(d, "NgayTuChoi", problems);
    // Supplement rounds (DanhSachHoSoBoSung) carry the times of a request and of the resubmission's acceptance: a
    // record sent after a resubmission differs from the one sent at the request only by these times (and its
    // moved NgayHenTra), so they count when ordering versions of a dossier.
    Timestamp lastSupplement = null;
    int supplements = 0;
    for (JsonNode b : array(d, "DanhSachHoSoBoSung")) {
      supplements++;
      lastSupplement = latest(lastSupplement, time(b, "NgayBoSung", problems), time(b, "NgayTiepNhanBoSung", problems));
    }
    v.set("submitted_at", submitted).set("received_at", received).set("due_at", due).set("finished_at", finished)
        .set("returned_at", returned).set("refused_at", refused).set("n_supplements", supplements)
        .set("version_at", latest(submitted, received, finished, returned, refused, lastSupplement));
    if (status != null && DossierStatus.needsReceipt(status) && received == null && text(d, "NgayTiepNhan") == null) {
      problems.add("TrangThaiHoSo " + status + " says the dossier was accepted but NgayTiepNhan is empty");
    }
    Timestamp anchor = received != null ? received : submitted;
    if (anchor == null && problems.isEmpty()) {
      problems.add("neither NgayTiepNhan nor NgayNopHoSo is given: the dossier has no date");
    }

    String unit = text(d, "DonViXuLy");
    v.set("unit_name", unit).set("level", agencies.level(unit));
    String agency = AgencyDirectory.agencyOfDossierNumber(maHoSo);
    v.set("agency_code", agency != null ? agency : madonvi);
    if (anchor != null) {
      LocalDate anchorDay = localDate(anchor);
      Era era = Era.of(anchorDay);
      v.set("era", era.sqlName()).set("receipt_month", MONTH.format(anchorDay));
      if (received != null) {
        v.set("receipt_date", Date.valueOf(localDate(received)));
      }
      String agencyCode = (String) v.get("agency_code");
      Optional<Province> p = agencies.province(agencyCode, era);
      if (p.isPresent()) {
        v.set("province_key", p.get().provinceKey()).set("province_code", p.get().code());
      } else if (maHoSo != null) {
        problems.add(agencies.whyNoProvince(agencyCode, era));
      }
      v.set("accepted_late", acceptedLate((Integer) v.get("channel"), submitted, received));
    }

    int files = 0;
    int digitised = 0;
    int fromStore = 0;
    for (JsonNode f : array(d, "TaiLieuNop")) {
      String deleted = text(f, "IsDeleted");
      if ("1".equals(deleted) || "true".equalsIgnoreCase(deleted)) {
        continue;
      }
      files++;
      digitised += "1".equals(text(f, "DuocSoHoa")) ? 1 : 0;
      fromStore += "1".equals(text(f, "DuocLayTuKhoDMQG")) ? 1 : 0;
    }
    int results = 0;
    int electronic = 0;
    for (JsonNode r : array(d, "DanhSachGiayToKetQua")) {
      results++;
      electronic += text(r, "DuongDanTepTinKetQua") != null ? 1 : 0;
    }
    long fees = 0;
    boolean hasFee = false;
    for (JsonNode f : array(d, "DanhSachLePhi")) {
      String gia = text(f, "Gia");
      String digits = gia == null ? "" : withoutSeparators(gia);
      if (digits.length() >= 1 && digits.length() <= 15 && allDigits(digits)) {
        long amount = Long.parseLong(digits);
        fees += amount;
        hasFee |= amount > 0;
      } else if (gia != null) {
        problems.add("DanhSachLePhi Gia '" + gia + "' is not an amount in VND");
      }
    }
    v.set("n_files", files).set("n_files_digitised", digitised).set("n_files_from_store", fromStore)
        .set("n_results", results).set("n_results_electronic", electronic).set("fee_total", fees)
        .set("has_fee", hasFee);

    String idNumber = text(d, "SoGiayToChuHoSo");
    for (JsonNode id : array(d, "DinhDanhCHS")) {
      if (idNumber == null || PLACEHOLDER_ID.equals(idNumber)) {
        idNumber = text(id, "SoDinhDanh");
      }
    }
    v.set("owner_id_pid", PLACEHOLDER_ID.equals(idNumber) ? null : pseudonyms.pseudonym("id", idNumber))
        .set("account_pid", pseudonyms.pseudonym("account", text(d, "MaDoiTuong")));
  }

  /**
   * Late acceptance (Công văn 7260/VPCP-KSTT, footnote 1, citing Art. 17-18 Decree 118/2025): an online dossier
   * "not accepted within one working day". We read it as: accepted after the end of the first working day
   * following the day of submission, i.e. {@code receipt day > nextWorkingDay(submission day)}. The other reading
   * (+8 working hours) needs office hours the law does not fix; ours needs only the calendar. Null when a day is
   * outside the calendar's coverage; false for dossiers that are not online.
   */
  Boolean acceptedLate(Integer channel, Timestamp submitted, Timestamp received) {
    if (channel == null || channel != 2) {
      return false;
    }
    if (submitted == null || received == null) {
      return null;
    }
    LocalDate s = localDate(submitted);
    LocalDate r = localDate(received);
    if (!calendar.covers(s) || !calendar.covers(r)) {
      return null;
    }
    return r.isAfter(calendar.nextWorkingDay(s));
  }

  // ---- status events (CapNhatTienDoHoSoMC) ----

  private void event(JsonNode e, FeedMessage v, List<String> problems) {
    String maHoSo = text(e, "MaHoSo");
    if (maHoSo == null) {
      problems.add("MaHoSo is empty");
    }
    Timestamp at = time(e, "ThoiDiemXuLy", problems);
    if (at == null && text(e, "ThoiDiemXuLy") == null) {
      problems.add("ThoiDiemXuLy is empty");
    }
    Integer status = code(e, "TrangThai", 1, 10, "a status code (1-10)", problems);
    if (status == null && text(e, "TrangThai") == null) {
      problems.add("TrangThai is empty");
    }
    String action = text(e, "NoiDungXuLy");
    v.set("ma_ho_so", maHoSo).set("event_at", at).set("event_status", status)
        .set("action", DossierStatus.action(action))
        .set("handler_pid", pseudonyms.pseudonym("handler", text(e, "NguoiXuLy")))
        .set("step_deadline_at", time(e, "NgayKetThucTheoQuyDinh", problems))
        .set("event_id", sha(maHoSo + "\u001f" + text(e, "ThoiDiemXuLy") + "\u001f" + text(e, "TrangThai") + "\u001f"
            + action));
  }

  // ---- values ----

  private Timestamp time(JsonNode n, String field, List<String> problems) {
    String s = text(n, field);
    if (s == null) {
      return null;
    }
    try {
      Instant at = wireTime(s).atZone(VIETNAM).toInstant();
      if (at.isAfter(latestAllowed)) {
        problems.add(field + " '" + s + "' is in the future");
        return null;
      }
      return Timestamp.from(at);
    } catch (DateTimeParseException ex) {
      problems.add(field + " '" + s + "' is not a time written yyyyMMddHHmmss");
      return null;
    }
  }

  /**
   * A wire time (yyyyMMddHHmmss, strict): fourteen digits are read directly (this runs several times per
   * record), anything else through the formatter, which refuses it in its own words.
   */
  static LocalDateTime wireTime(String s) {
    if (s.length() != 14 || !allDigits(s)) {
      return LocalDateTime.parse(s, WIRE_TIME);
    }
    try {
      return LocalDateTime.of(digits(s, 0, 4), digits(s, 4, 6), digits(s, 6, 8), digits(s, 8, 10),
          digits(s, 10, 12), digits(s, 12, 14));
    } catch (java.time.DateTimeException e) {
      throw new DateTimeParseException(e.getMessage(), s, 0, e);
    }
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }

  private static Integer code(JsonNode n, String field, int min, int max, String what, List<String> problems) {
    String s = text(n, field);
    if (s == null) {
      return null;
    }
    if (s.length() <= 2 && allDigits(s)) {
      int c = Integer.parseInt(s);
      if (c >= min && c <= max) {
        return c;
      }
    }
    problems.add(field + " '" + s + "' is not " + what);
    return null;
  }

  /**
   * "1.234567…", "2.…", "3.…" on one line: a national procedure code, whose first eight characters are the code
   * (the regular expression {@code [123]\\.\\d{6}.*}, written out: it runs for every record).
   */
  private static boolean isProcedureCode(String s) {
    if (s == null || s.length() < 8 || s.charAt(0) < '1' || s.charAt(0) > '3' || s.charAt(1) != '.'
        || !allDigits(s.substring(2, 8))) {
      return false;
    }
    for (int i = 8; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
  }

  /** True for a non-empty string of ASCII digits. */
  private static boolean allDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** An amount without its thousands separators: dots, commas and ASCII white space (regex {@code [.,\\s]}). */
  private static String withoutSeparators(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '.' && c != ',' && " \t\n\u000B\f\r".indexOf(c) < 0) {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static Boolean flag(JsonNode n, String field) {
    String s = text(n, field);
    return s == null ? null : s.equals("1") || s.equalsIgnoreCase("true");
  }

  /** A field as trimmed text; null when absent, null or empty (the wire sends "" for null). */
  static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String s = v.asText().strip();
    return s.isEmpty() ? null : s;
  }

  private static Iterable<JsonNode> array(JsonNode n, String field) {
    JsonNode a = n.get(field);
    return a != null && a.isArray() ? a : List.of();
  }

  public static LocalDate localDate(Timestamp t) {
    return t.toInstant().atZone(VIETNAM).toLocalDate();
  }

  private static Timestamp latest(Timestamp... ts) {
    Timestamp max = null;
    for (Timestamp t : ts) {
      if (t != null && (max == null || t.after(max))) {
        max = t;
      }
    }
    return max;
  }

  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  });

  static String sha(String s) {
    byte[] h = SHA_256.get().digest(s.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(h, 0, 16);
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  private ObjectMapper json() {
    if (json == null) {
      // Trailing tokens: "{...}{...}" (a lost line end) must be refused, not loaded as its first message. No
      // source in locations: error messages go to the quarantine's reason, which is not masked.
      json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
    }
    return json;
  }
}
