package vn.dvcw.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("fast")
class ProvinceResolverTest {

  private static final LocalDate LAST_FORMER = LocalDate.of(2025, 6, 30);
  private static final LocalDate FIRST_CURRENT = LocalDate.of(2025, 7, 1);
  private static final LocalDate JUNE_9 = LocalDate.of(2025, 6, 9);
  private static final LocalDate AUG_5 = LocalDate.of(2025, 8, 5);

  private final ProvinceResolver resolver = ProvinceResolver.standard();

  private static void assertUnresolved(Resolution r, String... reasonParts) {
    assertFalse(r.resolved(), r::toString);
    assertNull(r.province());
    for (String part : reasonParts) {
      assertTrue(r.reason().contains(part), () -> "'" + part + "' not in: " + r.reason());
    }
  }

  @Test
  void nameValidInBothErasResolvesByDate() {
    assertEquals("F51", resolver.resolve("Quảng Ngãi", JUNE_9).provinceKey());
    Resolution after = resolver.resolve("Quảng Ngãi", AUG_5);
    assertEquals("C51", after.provinceKey());
    assertEquals(Era.CURRENT, after.province().era());
    assertEquals("F10", resolver.resolve("Lào Cai", LAST_FORMER).provinceKey());
    assertEquals("C15", resolver.resolve("Lào Cai", FIRST_CURRENT).provinceKey());
  }

  @Test
  void formerOnlyNameAfterReorganisationIsNotGuessed() {
    assertUnresolved(resolver.resolve("Bình Dương", LocalDate.of(2025, 8, 1)),
        "'Bình Dương' ceased to exist on 2025-07-01 (merged into Hồ Chí Minh, code 79); "
            + "no current province of that name");
    assertUnresolved(resolver.resolve("Tỉnh Yên Bái", FIRST_CURRENT),
        "ceased to exist on 2025-07-01", "merged into Lào Cai, code 15");
    assertUnresolved(resolver.resolve("BR-VT", AUG_5), "merged into Hồ Chí Minh, code 79");
    assertUnresolved(resolver.resolve("Kontum", AUG_5), "merged into Quảng Ngãi, code 51");
    assertEquals("F74", resolver.resolve("Bình Dương", LAST_FORMER).provinceKey());
  }

  @Test
  void renamedHueResolvesToCode46InBothEras() {
    for (String spelling : new String[] {"Thừa Thiên Huế", "Thừa Thiên - Huế", "TT Huế", "TT-Huế",
        "Tỉnh Thừa Thiên Huế", "Thành phố Huế", "TP. Huế", "Huế"}) {
      assertEquals("F46", resolver.resolve(spelling, JUNE_9).provinceKey(), spelling);
      assertEquals("C46", resolver.resolve(spelling, AUG_5).provinceKey(), spelling);
    }
  }

  @ParameterizedTest(name = "''{0}'' on {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "TP.HCM | 2025-08-05 | C79",
      "TP HCM | 2025-08-05 | C79",
      "TPHCM | 2025-08-05 | C79",
      "HCM | 2025-08-05 | C79",
      "Tp. Hồ Chí Minh | 2025-08-05 | C79",
      "Thành phố Hồ Chí Minh | 2025-06-09 | F79",
      "TP.HCM | 2025-06-09 | F79",
      "BR-VT | 2025-06-09 | F77",
      "BRVT | 2025-06-09 | F77",
      "Bà Rịa–Vũng Tàu | 2025-06-09 | F77",
      "Bà Rịa — Vũng Tàu | 2025-06-09 | F77",
      "UBND TP. Hà Nội | 2025-08-05 | C01",
      "T.P Hà Nội | 2025-08-05 | C01",
      "Ủy ban nhân dân tỉnh Nghệ An | 2025-08-05 | C40",
      "Tỉnh Đăk Lăk | 2025-08-05 | C66",
      "Tỉnh Đăk Lăk | 2025-06-09 | F66",
      "Đắc Lắk | 2025-08-05 | C66",
      "Dak Lak | 2025-08-05 | C66",
      "Daklak | 2025-06-09 | F66",
      "Đăk Nông | 2025-06-09 | F67",
      "Đắc Nông | 2025-06-09 | F67",
      "Kontum | 2025-06-09 | F62",
      "Kon Tum | 2025-06-09 | F62",
      "Bắc Cạn | 2025-06-09 | F06",
      "Hoà Bình | 2025-06-09 | F17",
      "Khánh Hoà | 2025-08-05 | C56",
      "THANH HOÁ | 2025-08-05 | C38",
      "  hưng   yên  | 2025-08-05 | C33",
      "Hung Yen | 2025-08-05 | C33",
      "Ho Chi Minh City | 2025-08-05 | C79",
  })
  void variantSpellingsFromGovernmentDocuments(String spelling, LocalDate asOf, String key) {
    Resolution r = resolver.resolve(spelling, asOf);
    assertEquals(key, r.provinceKey(), r::toString);
  }

  @Test
  void nfdInputResolves() {
    String nfd = Normalizer.normalize("UBND tỉnh Đắk Lắk", Normalizer.Form.NFD);
    assertEquals("C66", resolver.resolve(nfd, AUG_5).provinceKey());
    String nfdHue = Normalizer.normalize("Thừa Thiên Huế", Normalizer.Form.NFD);
    assertEquals("F46", resolver.resolve(nfdHue, JUNE_9).provinceKey());
  }

  @Test
  void unknownAndEmptyInputsComeBackWithReasons() {
    assertUnresolved(resolver.resolve("Xyz", AUG_5), "unknown province name 'Xyz'");
    // "Sài Gòn" alone is an alias of Hồ Chí Minh (EnglishProvinceNamesTest); the pre-1976 province is not.
    assertUnresolved(resolver.resolve("Sài Gòn - Gia Định", AUG_5), "unknown province name");
    assertUnresolved(resolver.resolve("Hà Tây", JUNE_9), "unknown province name");
    assertUnresolved(resolver.resolve("Quảng", AUG_5), "unknown province name");
    assertUnresolved(resolver.resolve("Tỉnh", AUG_5), "unknown province name");
    assertUnresolved(resolver.resolve("", AUG_5), "empty province name");
    assertUnresolved(resolver.resolve(null, AUG_5), "empty province name");
    assertUnresolved(resolver.resolve("Hà Nội", null), "no reference date");
    assertUnresolved(resolver.resolve("Hà Nội", LocalDate.of(2000, 1, 1)),
        "not valid on 2000-01-01");
  }

  @Test
  void ambiguousAliasIsRefused() {
    ProvinceDirectory dir = new ReferenceFixture()
        .edit("province_alias.csv", s -> s + "HN,current,01,,,test\nHN,current,37,,,test\n")
        .load();
    assertUnresolved(new ProvinceResolver(dir).resolve("HN", AUG_5),
        "ambiguous: 'HN' matches Hà Nội (C01) and Ninh Bình (C37)");
  }

  @Test
  void resolvedResultsExplainTheMatch() {
    Resolution r = resolver.resolve("UBND Thành phố Hồ Chí Minh", AUG_5);
    assertEquals("ho chi minh", r.normalised());
    assertEquals("UBND Thành phố Hồ Chí Minh", r.input());
    assertTrue(r.reason().contains("official name 'Hồ Chí Minh'"), r.reason());
    assertTrue(resolver.resolve("TPHCM", AUG_5).reason().contains("alias 'TPHCM'"));
    Resolution city = resolver.resolve("Thành phố Thanh Hóa", AUG_5);
    assertEquals("C38", city.provinceKey());
    assertTrue(city.reason().contains("although it is a tỉnh"), city.reason());
  }

  @Test
  void codesThatChangedMeaningResolveByDate() {
    String[][] changed = {
        {"15", "Yên Bái", "Lào Cai"}, {"24", "Bắc Giang", "Bắc Ninh"},
        {"44", "Quảng Bình", "Quảng Trị"}, {"52", "Bình Định", "Gia Lai"},
        {"80", "Long An", "Tây Ninh"}, {"82", "Tiền Giang", "Đồng Tháp"},
        {"91", "Kiên Giang", "An Giang"}};
    for (String[] c : changed) {
      assertEquals(c[1], resolver.resolveCode(c[0], LAST_FORMER).province().name(), c[0]);
      assertEquals(c[2], resolver.resolveCode(c[0], FIRST_CURRENT).province().name(), c[0]);
    }
  }

  @Test
  void currentProvinceCodeFollowsLineage() {
    assertEquals("15", resolver.currentProvinceCode("15", LAST_FORMER));
    assertEquals("15", resolver.currentProvinceCode("10", LAST_FORMER));
    assertEquals("24", resolver.currentProvinceCode("27", LAST_FORMER));
    assertEquals("79", resolver.currentProvinceCode("74", LAST_FORMER));
    assertEquals("15", resolver.currentProvinceCode("15", FIRST_CURRENT));
    assertEquals("01", resolver.currentProvinceCode("1", FIRST_CURRENT));
    assertNull(resolver.currentProvinceCode("74", FIRST_CURRENT));
    assertNull(resolver.currentProvinceCode("10", FIRST_CURRENT));
    assertNull(resolver.currentProvinceCode("99", LAST_FORMER));
    assertNull(resolver.currentProvinceCode(null, LAST_FORMER));
  }

  @Test
  void codeResolutionReasons() {
    assertUnresolved(resolver.resolveCode("74", AUG_5), "not a current province code",
        "Bình Dương", "merged into Hồ Chí Minh, code 79");
    assertUnresolved(resolver.resolveCode("99", AUG_5), "unknown province code '99'");
    assertUnresolved(resolver.resolveCode("abc", AUG_5), "not a province code");
    assertUnresolved(resolver.resolveCode(" ", AUG_5), "empty province code");
    assertEquals("F01", resolver.resolveCode(" 01 ", JUNE_9).provinceKey());
  }

  @Test
  void provinceCodeHelper() {
    assertEquals("62", resolver.provinceCode("Tỉnh Kon Tum", JUNE_9));
    assertEquals("24", resolver.provinceCode("UBND tỉnh Bắc Ninh", AUG_5));
    assertEquals("27", resolver.provinceCode("Tỉnh Bắc Ninh", JUNE_9));
    assertNull(resolver.provinceCode("Tỉnh Kon Tum", AUG_5));
  }

  @Test
  void dvcqgAndAgencyCodesResolveInTheEraOfTheDate() {
    // Reference data: H56 = Thanh Hóa, H38 = Lào Cai (kept by the merged Lào Cai), H63 = Yên Bái
    // (closed on 2025-07-01).
    assertEquals("C38", resolver.resolveCode("000.00.00.H56", AUG_5).provinceKey());
    assertEquals("F38", resolver.resolveCode("h56", JUNE_9).provinceKey());
    assertEquals("C51", resolver.resolveCode("000.00.53.H48", AUG_5).provinceKey());
    assertEquals("C01", resolver.resolveCode("000.A0.01.H26", AUG_5).provinceKey());
    assertEquals("F10", resolver.resolveCode("H38", LAST_FORMER).provinceKey());
    assertEquals("C15", resolver.resolveCode("H38", FIRST_CURRENT).provinceKey());
    assertEquals("F15", resolver.resolveCode("H63", LAST_FORMER).provinceKey());
    assertEquals("15", resolver.currentProvinceCode("H63", LAST_FORMER));
    assertEquals("15", resolver.currentProvinceCode("H38", LAST_FORMER));
    assertUnresolved(resolver.resolveCode("H63", AUG_5), "not used from 2025-07-01", "Yên Bái",
        "merged into Lào Cai, code 15");
    assertUnresolved(resolver.resolveCode("H99", AUG_5), "unknown DVCQG province code 'H99'");
    assertUnresolved(resolver.resolveCode("000.00.00.G22", AUG_5), "not a province code");
  }
}
