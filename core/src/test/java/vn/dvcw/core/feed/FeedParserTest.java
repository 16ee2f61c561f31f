package vn.dvcw.core.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.dvcw.core.feed.FeedFixture.record;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.dvcw.core.calendar.WorkingCalendar;
import vn.dvcw.core.geo.ProvinceDirectory;

/** The feed parser alone: wire formats, codes, eras, late acceptance on the working-day calendar, redaction. */
@Tag("fast")
class FeedParserTest {
  private static final FeedParser PARSER = new FeedParser(new AgencyDirectory(ProvinceDirectory.fromClasspath()),
      WorkingCalendar.vietnam(), Pseudonymiser.withSecret("unit-test-secret-0123456789abcdef0123"),
      Instant.parse("2026-11-24T00:00:00Z"));
  private static final FeedFile FILE = new FeedFile("f1", "/feed/x.jsonl", 1, new Timestamp(0));

  private static FeedMessage one(String line) {
    List<FeedMessage> rows = PARSER.parse(FILE, 1, line);
    assertEquals(1, rows.size());
    return rows.get(0);
  }

  private static Object get(FeedMessage r, String column) {
    return r.get(column);
  }

  @Test
  void wireTimesAreLocalVietnamTime() {
    FeedMessage r = one(record("000.00.06.H56-240102-0001", "NgayNopHoSo", "20240102080000", "NgayTiepNhan", "20240102090000"));
    assertEquals(Instant.parse("2024-01-02T02:00:00Z"), ((Timestamp) get(r, "received_at")).toInstant());
    assertEquals("2024-01", get(r, "receipt_month"));
    assertEquals("1.001776", get(r, "ma_tthc"), "the national procedure code is the first 8 characters");
    assertNull(get(r, "problem"));
  }

  @ParameterizedTest(name = "submitted {0}, accepted {1}: late = {2}")
  @CsvSource({
      "20240105160000, 20240108090000, false", // Friday → Monday: within the next working day
      "20240105160000, 20240109090000, true",  // Friday → Tuesday: late
      "20240207100000, 20240215090000, false", // before Tết 2024 (8-14/2 off) → first working day after it
      "20240207100000, 20240216090000, true",
      "20240503100000, 20240504090000, false", // Saturday 4/5/2024 was a working day (swap)
      "20240503100000, 20240506090000, true"})
  void lateAcceptanceFollowsTheWorkingDayCalendar(String submitted, String received, boolean late) {
    FeedMessage r = one(record("000.00.06.H56-240102-0001", "NgayNopHoSo", submitted, "NgayTiepNhan", received));
    assertEquals(late, get(r, "accepted_late"));
  }

  @Test
  void aResubmissionMakesTheRecordNewerThanTheSupplementRequest() {
    String request = record("A-1", "NgayNopHoSo", "20250717100000", "NgayTiepNhan", "20250717110000", "TrangThaiHoSo",
        "5", "DanhSachHoSoBoSung", List.of(java.util.Map.of("NgayBoSung", "20250721160000", "NgayTiepNhanBoSung", "")));
    String resubmitted = record("A-1", "NgayNopHoSo", "20250717100000", "NgayTiepNhan", "20250717110000",
        "TrangThaiHoSo", "4", "NgayHenTra", "20250804090000", "DanhSachHoSoBoSung",
        List.of(java.util.Map.of("NgayBoSung", "20250721160000", "NgayTiepNhanBoSung", "20250725140000")));
    Timestamp a = (Timestamp) get(one(request), "version_at");
    Timestamp b = (Timestamp) get(one(resubmitted), "version_at");
    assertTrue(b.after(a), a + " vs " + b);
    assertEquals(1, get(one(resubmitted), "n_supplements"));
  }

  @Test
  void directDossiersAreNeverLateInAcceptance() {
    FeedMessage r = one(record("000.00.06.H56-240102-0001", "KenhThucHien", "1", "NgayNopHoSo", "20240105160000",
        "NgayTiepNhan", "20240110090000"));
    assertEquals(false, get(r, "accepted_late"));
  }

  @ParameterizedTest(name = "{0} on {1} → {2}")
  @CsvSource({
      "000.00.06.H56, 20250630100000, F38",
      "000.00.06.H56, 20250701100000, C38",
      "000.00.00.H22, 20250630100000, F02",
      "000.00.00.H60, 20250701100000, C08"})
  void theAgencyCodeMeansTheProvinceOfTheReceiptDatesEra(String agency, String received, String key) {
    FeedMessage r = one(record(agency + "-250630-0001", "NgayNopHoSo", received, "NgayTiepNhan", received));
    assertEquals(key, get(r, "province_key"));
  }

  @Test
  void envelopesGiveOneRowPerItemWithItsServiceAndSyntheticMark() {
    String line = "{\"service\":\"CapNhatTienDoHoSoMC\",\"madonvi\":\"000.00.06.H56\",\"_synthetic\":\"1\",\"data\":["
        + "{\"MaHoSo\":\"A\",\"ThoiDiemXuLy\":\"20240102090000\",\"TrangThai\":\"2\",\"NoiDungXuLy\":\"Tiếp nhận hồ sơ\","
        + "\"NguoiXuLy\":\"Lê Văn Tám\"},"
        + "{\"MaHoSo\":\"A\",\"ThoiDiemXuLy\":\"20240103090000\",\"TrangThai\":\"9\",\"NoiDungXuLy\":\"Kết thúc xử lý\"}]}";
    List<FeedMessage> rows = PARSER.parse(FILE, 7, line);
    assertEquals(2, rows.size());
    assertEquals(List.of(1, 2), rows.stream().map(r -> (Integer) get(r, "item_no")).toList());
    rows.forEach(r -> assertEquals("synthetic", get(r, "source")));
    rows.forEach(r -> assertEquals("event", get(r, "kind")));
    assertEquals("accepted", get(rows.get(0), "action"));
    assertEquals("finished", get(rows.get(1), "action"));
    assertFalse(((String) get(rows.get(0), "handler_pid")).contains("Tám"));
  }

  @Test
  void aBareArrayIsAListOfRecords() {
    List<FeedMessage> rows = PARSER.parse(FILE, 1, "[" + record("A-1", "NgayTiepNhan", "20240102090000") + ","
        + record("A-2", "NgayTiepNhan", "20240102090000") + "]");
    assertEquals(2, rows.size());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "TrangThaiHoSo|11|TrangThaiHoSo '11' is not a status code",
      "LoaiDoiTuong|9|LoaiDoiTuong '9' is not an applicant type",
      "NgayHenTra|20241301080000|NgayHenTra '20241301080000' is not a time",
      "NgayHenTra|20991231080000|NgayHenTra '20991231080000' is in the future",
      "MaHoSo| |MaHoSo is empty"})
  void badValuesAreNamedInTheProblem(String field, String value, String problem) {
    FeedMessage r = one(record("000.00.06.H56-240102-0001", "NgayNopHoSo", "20240102080000", "NgayTiepNhan",
        "20240102090000", field, value == null ? "" : value));
    assertTrue(String.valueOf(get(r, "problem")).contains(problem), String.valueOf(get(r, "problem")));
  }

  @Test
  void personalFieldsAreMaskedInQuarantineText() {
    String raw = record("A", "NgayTiepNhan", "x");
    String masked = PersonalData.redact(raw);
    FeedFixture.PERSONAL.stream().filter(p -> !p.equals(FeedFixture.HANDLER))
        .forEach(p -> assertFalse(masked.contains(p), p + " in " + masked));
    assertTrue(masked.contains("\"NgayTiepNhan\":\"x\""), "non-personal fields stay readable");
    assertEquals("{\"MaHoSo\":\"A\",\"ChuHoSo\":\"<redacted>",
        PersonalData.redact("{\"MaHoSo\":\"A\",\"ChuHoSo\":\"Nguyễn Th"), "a truncated value is masked too");
  }

  @Test
  void pseudonymsAreStableKeyedAndNotTheValue() {
    Pseudonymiser a = Pseudonymiser.withSecret("secret-a-0123456789abcdef0123456789");
    Pseudonymiser b = Pseudonymiser.withSecret("secret-b-0123456789abcdef0123456789");
    assertEquals(a.pseudonym("id", "038190001234"), a.pseudonym("id", " 038190001234 "));
    assertFalse(a.pseudonym("id", "038190001234").equals(b.pseudonym("id", "038190001234")));
    assertFalse(a.pseudonym("id", "038190001234").equals(a.pseudonym("account", "038190001234")));
    assertNull(a.pseudonym("id", ""));
  }
}
