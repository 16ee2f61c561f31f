package vn.dvcw.core.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.dvcw.core.feed.FeedFixture.record;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quarantine's mask shows only fields known to be safe: the cases of issue #17 that a deny-list let through, and
 * text that is not JSON.
 */
@Tag("fast")
class QuarantineMaskTest {
  private static final String M = QuarantineMask.MASK;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      // an ID number sent as a JSON number
      "{\"MaHoSo\":\"A\",\"SoGiayToChuHoSo\":38190001234}",
      // a key written with a \\u escape
      "{\"MaHoSo\":\"A\",\"\\u0043huHoSo\":\"Nguyễn Thị Hoa 38190001234\"}",
      // fields no list of personal fields named
      "{\"MaHoSo\":\"A\",\"DiaChiChuHoSo\":\"12 Lê Lợi 38190001234\",\"HoTenNguoiNop\":\"Nguyễn Thị Hoa\"}",
      // a container under an unknown key, even with a safe-looking key inside
      "{\"MaHoSo\":\"A\",\"NguoiNop\":{\"TrangThai\":\"Nguyễn Thị Hoa\",\"So\":[38190001234]}}",
      // a safe key holding a container is not safe
      "{\"MaHoSo\":\"A\",\"TrangThaiHoSo\":{\"x\":\"Nguyễn Thị Hoa 38190001234\"}}",
      // booleans and arrays of scalars under personal keys
      "{\"MaHoSo\":\"A\",\"Email\":[\"hoa@x.vn\",\"Nguyễn Thị Hoa 38190001234\"],\"Fax\":true}",
      // a key that is itself data
      "{\"MaHoSo\":\"A\",\"Nguyễn Thị Hoa 38190001234\":\"1\"}",
      // a bare array of records and a root string
      "[{\"MaHoSo\":\"A\",\"ChuHoSo\":\"Nguyễn Thị Hoa\",\"CCCD\":38190001234}]",
      "\"Nguyễn Thị Hoa 38190001234\"",
      // not JSON at all, and JSON broken in a personal value
      "Nguyễn Thị Hoa, 38190001234, 12 Lê Lợi",
      "{\"MaHoSo\":\"A\",\"ChuHoSo\":\"Nguyễn Thị Hoa 38190001234",
      "{\"MaHoSo\":\"A\",\"SoGiayToChuHoSo\":38190001234 \"ChuHoSo\":\"Nguyễn Thị Hoa\"}",
      // the envelope's session token is a credential
      "{\"session\":\"Nguyễn Thị Hoa 38190001234\",\"service\":\"DongBoHoSoMC\",\"data\":[]}"})
  void noPersonalValueGetsThrough(String raw) {
    String masked = QuarantineMask.mask(raw);
    for (String secret : new String[] {"38190001234", "Nguyễn", "Hoa", "Lê Lợi", "hoa@x.vn"}) {
      assertFalse(masked.contains(secret), secret + " in " + masked);
    }
    assertTrue(masked.contains(M), "control: something was masked in " + masked);
  }

  @Test
  void safeFieldsStayReadable() {
    String masked = QuarantineMask.mask(record("000.00.06.H56-240102-0001", "NgayTiepNhan", "x", "TrangThaiHoSo",
        "4", "DanhSachLePhi", FeedFixture.fee("50000")));
    assertTrue(masked.contains("\"MaHoSo\":\"000.00.06.H56-240102-0001\""), masked);
    assertTrue(masked.contains("\"NgayTiepNhan\":\"x\""), masked);
    assertTrue(masked.contains("\"TrangThaiHoSo\":\"4\""), masked);
    assertTrue(masked.contains("\"Gia\":\"50000\""), "items of known lists are judged by their fields: " + masked);
    assertTrue(masked.contains("\"LoaiDinhDanh\":\"1\"") && masked.contains("\"SoDinhDanh\":\"" + M + "\""), masked);
    FeedFixture.PERSONAL.forEach(p -> assertFalse(masked.contains(p), p + " in " + masked));
  }

  @Test
  void whatParsedBeforeABreakIsMaskedByFieldAndTheRestConservatively() {
    assertEquals("{\"MaHoSo\":\"A\",\"ChuHoSo\":\"" + M, QuarantineMask.mask("{\"MaHoSo\":\"A\",\"ChuHoSo\":\"Nguyễn Th"));
    assertEquals("{\"MaHoSo\":\"A\",\"TrangThaiHoSo\":\"4\"," + M + " \"NgayTiepNhan\":\"" + M + "\"}",
        QuarantineMask.mask("{\"MaHoSo\":\"A\",\"TrangThaiHoSo\":\"4\",x \"NgayTiepNhan\":\"20240102090000\"}"));
    assertEquals(M + ", " + M + ":" + M + ", 4", QuarantineMask.maskText("Nguyễn Văn A, tel:0912345678, 4"),
        "field names, literals and codes of two digits stay; words and longer numbers go");
  }

  @Test
  void theTextIsCutAfterMasking() {
    String raw = "{\"MaHoSo\":\"A\",\"TenTTHC\":\"" + "x".repeat(10_000) + "\",\"ChuHoSo\":\"Nguyễn\"}";
    String masked = QuarantineMask.mask(raw);
    assertEquals(QuarantineMask.MAX_CHARS + 1, masked.length());
    assertTrue(masked.endsWith("…"));
  }

  @Test
  void aJsonErrorInTheReasonQuotesNoInput() {
    FeedMessage r = new FeedParser(new AgencyDirectory(vn.dvcw.core.geo.ProvinceDirectory.fromClasspath()),
        vn.dvcw.core.calendar.WorkingCalendar.vietnam(), Pseudonymiser.withSecret("unit-test-secret-0123456789abcdef0123"),
        java.time.Instant.parse("2026-11-24T00:00:00Z"))
        .parse(new FeedFile("f", "/feed/x.jsonl", 1, new java.sql.Timestamp(0)), 1,
            "{\"MaHoSo\":\"A\",\"ChuHoSo\": NguyenThiHoa038190001234 }").get(0);
    String reason = (String) r.get("problem");
    assertTrue(reason.startsWith("line is not valid JSON: Unrecognized token '" + M + "'"), reason);
    assertFalse(reason.contains("Nguyen") || reason.contains("038190001234"), reason);
  }
}
