package vn.dvcw.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Province names as English and informal sources write them resolve by date exactly like the Vietnamese
 * forms, and still never by guessing: each row is (name as written, date, expected province key, or
 * "unresolved:" and words the reason must contain).
 */
@Tag("fast")
class EnglishProvinceNamesTest {

  private final ProvinceResolver resolver = ProvinceResolver.standard();

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      Lao Cai Province                    | 2025-06-30 | F10
      Lao Cai Province                    | 2025-07-01 | C15
      Can Tho City                        | 2025-06-09 | F92
      Can Tho City                        | 2025-08-05 | C92
      Hanoi City                          | 2025-06-09 | F01
      Hanoi City                          | 2025-08-05 | C01
      Hanoi                               | 2025-08-05 | C01
      People's Committee of Hanoi City    | 2025-08-05 | C01
      Thủ đô Hà Nội                       | 2025-06-09 | F01
      Thủ đô Hà Nội                       | 2025-08-05 | C01
      Thua Thien Hue Province             | 2024-06-01 | F46
      Thua Thien Hue Province             | 2025-08-05 | C46
      Ba Ria - Vung Tau Province          | 2025-06-09 | F77
      Bà Rịa – VT                         | 2025-06-09 | F77
      Bà Rịa - VT                         | 2025-06-30 | F77
      Sài Gòn                             | 2025-06-09 | F79
      Sài Gòn                             | 2025-08-05 | C79
      Saigon                              | 2025-06-09 | F79
      Saigon                              | 2025-08-05 | C79
      Ho Chi Minh City                    | 2025-06-30 | F79
      Ho Chi Minh City                    | 2025-07-01 | C79
      HCMC                                | 2025-07-01 | C79
      Da Nang City                        | 2025-06-09 | F48
      Danang                              | 2025-08-05 | C48
      Hue                                 | 2024-12-31 | F46
      Hue                                 | 2025-01-01 | F46
      Hue City                            | 2025-03-01 | F46
      Hue                                 | 2025-08-05 | C46
      Binh Duong Province                 | 2025-06-30 | F74
      Ba Ria - Vung Tau Province          | 2025-07-01 | unresolved: ceased to exist on 2025-07-01, merged into Hồ Chí Minh, code 79
      Bà Rịa – VT                         | 2025-08-05 | unresolved: ceased to exist on 2025-07-01, merged into Hồ Chí Minh, code 79
      Binh Duong Province                 | 2025-07-01 | unresolved: ceased to exist on 2025-07-01, merged into Hồ Chí Minh, code 79
      Yen Bai Province                    | 2025-08-05 | unresolved: ceased to exist on 2025-07-01, merged into Lào Cai, code 15
      Ha Giang Province                   | 2025-08-05 | unresolved: ceased to exist on 2025-07-01, merged into Tuyên Quang
      Springfield Province                | 2025-08-05 | unresolved: unknown province name 'Springfield Province'
      Province                            | 2025-08-05 | unresolved: unknown province name 'Province'
      Thủ đô Lào Cai                      | 2025-08-05 | unresolved: unknown province name
      Ho Chi Minh City                    |            | unresolved: no reference date
      """)
  void resolvesByDateOrSaysWhyNot(String written, LocalDate date, String expected) {
    Resolution r = resolver.resolve(written, date);
    if (expected.startsWith("unresolved:")) {
      assertFalse(r.resolved(), () -> written + " on " + date + " resolved to " + r.provinceKey());
      assertNull(r.province());
      for (String part : expected.substring("unresolved:".length()).split(",")) {
        assertTrue(r.reason().contains(part.strip()), () -> "'" + part.strip() + "' not in: " + r.reason());
      }
    } else {
      assertEquals(expected, r.provinceKey(), () -> written + " on " + date + ": " + r.reason());
    }
  }

  @Test
  void englishUnitWordIsNotedLikeTheVietnamesePrefix() {
    Resolution hue = resolver.resolve("Hue Province", LocalDate.of(2025, 8, 5));
    assertEquals("C46", hue.provinceKey());
    assertTrue(hue.reason().contains("written as 'Province' although it is a thành phố"), hue.reason());
    Resolution laoCai = resolver.resolve("Lao Cai City", LocalDate.of(2025, 8, 5));
    assertEquals("C15", laoCai.provinceKey());
    assertTrue(laoCai.reason().contains("written as 'City' although it is a tỉnh"), laoCai.reason());
  }

  /**
   * Before 2025-01-01 the province was Thừa Thiên Huế and Huế a city inside it; same code, same territory,
   * so "Hue City" in a province table of 2024 is that province, and the note says it was written as a city.
   */
  @Test
  void hueCityBefore2025IsTheProvinceWithANote() {
    Resolution r = resolver.resolve("Hue City", LocalDate.of(2024, 6, 1));
    assertEquals("F46", r.provinceKey());
    assertTrue(r.reason().contains("written as 'City' although it is a tỉnh"), r.reason());
  }

  @Test
  void suffixIsOnlyStrippedAfterAName() {
    assertEquals("lao cai", ProvinceNames.key("Lao Cai Province"));
    assertEquals("can tho", ProvinceNames.key("UBND Can Tho City"));
    assertEquals("city", ProvinceNames.key("City"));
    assertEquals("ba ria vt", ProvinceNames.key("Bà Rịa – VT"));
  }
}
