package vn.dvcw.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every province spelling found in the seed documents resolves to the right province for the
 * document's data date. Seeds 001 (an article quoting 000) and 003 (a provincial letter that never
 * names its province) contain no province spelling.
 *
 * <p>000: VPCP 7260/VPCP-KSTT, figures 2025-07-01..31 (current era). 002: BCĐ report, 2025-08-09
 * (current era). 004: VPCP 5085/VPCP-KSTT, 2025-06-09 (former era, 63 rows).
 */
@Tag("fast")
class SeedSpellingsTest {

  /** seed | data date | spelling exactly as printed | expected province key. */
  static final String SPELLINGS = """
      000 | 2025-07-31 | Hà Nội | C01
      000 | 2025-07-31 | UBND Thành phố Cần Thơ | C92
      000 | 2025-07-31 | UBND Thành phố Huế | C46
      000 | 2025-07-31 | UBND Thành phố Hà Nội | C01
      000 | 2025-07-31 | UBND Thành phố Hải Phòng | C31
      000 | 2025-07-31 | UBND Thành phố Hồ Chí Minh | C79
      000 | 2025-07-31 | UBND Thành phố Đà Nẵng | C48
      000 | 2025-07-31 | UBND tỉnh An Giang | C91
      000 | 2025-07-31 | UBND tỉnh Bắc Ninh | C24
      000 | 2025-07-31 | UBND tỉnh Cao Bằng | C04
      000 | 2025-07-31 | UBND tỉnh Cà Mau | C96
      000 | 2025-07-31 | UBND tỉnh Gia Lai | C52
      000 | 2025-07-31 | UBND tỉnh Hà Tĩnh | C42
      000 | 2025-07-31 | UBND tỉnh Hưng Yên | C33
      000 | 2025-07-31 | UBND tỉnh Khánh Hòa | C56
      000 | 2025-07-31 | UBND tỉnh Lai Châu | C12
      000 | 2025-07-31 | UBND tỉnh Lào Cai | C15
      000 | 2025-07-31 | UBND tỉnh Lâm Đồng | C68
      000 | 2025-07-31 | UBND tỉnh Lạng Sơn | C20
      000 | 2025-07-31 | UBND tỉnh Nghệ An | C40
      000 | 2025-07-31 | UBND tỉnh Ninh Bình | C37
      000 | 2025-07-31 | UBND tỉnh Phú Thọ | C25
      000 | 2025-07-31 | UBND tỉnh Quảng Ngãi | C51
      000 | 2025-07-31 | UBND tỉnh Quảng Ninh | C22
      000 | 2025-07-31 | UBND tỉnh Quảng Trị | C44
      000 | 2025-07-31 | UBND tỉnh Sơn La | C14
      000 | 2025-07-31 | UBND tỉnh Thanh Hóa | C38
      000 | 2025-07-31 | UBND tỉnh Thái Nguyên | C19
      000 | 2025-07-31 | UBND tỉnh Tuyên Quang | C08
      000 | 2025-07-31 | UBND tỉnh Tây Ninh | C80
      000 | 2025-07-31 | UBND tỉnh Vĩnh Long | C86
      000 | 2025-07-31 | UBND tỉnh Điện Biên | C11
      000 | 2025-07-31 | UBND tỉnh Đắk Lắk | C66
      000 | 2025-07-31 | UBND tỉnh Đồng Nai | C75
      000 | 2025-07-31 | UBND tỉnh Đồng Tháp | C82
      002 | 2025-08-09 | An Giang | C91
      002 | 2025-08-09 | Bắc Ninh | C24
      002 | 2025-08-09 | Cao Bằng | C04
      002 | 2025-08-09 | Cà Mau | C96
      002 | 2025-08-09 | Gia Lai | C52
      002 | 2025-08-09 | Hung Yên | C33
      002 | 2025-08-09 | Hà Tĩnh | C42
      002 | 2025-08-09 | Hưng Yên | C33
      002 | 2025-08-09 | Khánh Hòa | C56
      002 | 2025-08-09 | Lai Châu | C12
      002 | 2025-08-09 | Lào Cai | C15
      002 | 2025-08-09 | Lâm Đồng | C68
      002 | 2025-08-09 | Lạng Sơn | C20
      002 | 2025-08-09 | Nghệ An | C40
      002 | 2025-08-09 | Ninh Bình | C37
      002 | 2025-08-09 | Phú Thọ | C25
      002 | 2025-08-09 | Quảng Ngãi | C51
      002 | 2025-08-09 | Quảng Ninh | C22
      002 | 2025-08-09 | Quảng Trị | C44
      002 | 2025-08-09 | Sơn La | C14
      002 | 2025-08-09 | TP. Cần Thơ | C92
      002 | 2025-08-09 | TP. Huế | C46
      002 | 2025-08-09 | TP. Hà Nội | C01
      002 | 2025-08-09 | TP. Hải Phòng | C31
      002 | 2025-08-09 | TP. Hồ Chí Minh | C79
      002 | 2025-08-09 | TP. Đà Nẵng | C48
      002 | 2025-08-09 | Thanh Hoá | C38
      002 | 2025-08-09 | Thanh Hóa | C38
      002 | 2025-08-09 | Thành phố Cần Thơ | C92
      002 | 2025-08-09 | Thành phố Huế | C46
      002 | 2025-08-09 | Thành phố Hà Nội | C01
      002 | 2025-08-09 | Thái Nguyên | C19
      002 | 2025-08-09 | Tuyên Quang | C08
      002 | 2025-08-09 | Tây Ninh | C80
      002 | 2025-08-09 | UBND Thành phố Cần Thơ | C92
      002 | 2025-08-09 | UBND Thành phố Huế | C46
      002 | 2025-08-09 | UBND Thành phố Hà Nội | C01
      002 | 2025-08-09 | UBND Thành phố Hải Phòng | C31
      002 | 2025-08-09 | UBND Thành phố Hồ Chí Minh | C79
      002 | 2025-08-09 | UBND Thành phố Đà Nẵng | C48
      002 | 2025-08-09 | UBND tỉnh An Giang | C91
      002 | 2025-08-09 | UBND tỉnh Bắc Ninh | C24
      002 | 2025-08-09 | UBND tỉnh Cao Bằng | C04
      002 | 2025-08-09 | UBND tỉnh Cà Mau | C96
      002 | 2025-08-09 | UBND tỉnh Gia Lai | C52
      002 | 2025-08-09 | UBND tỉnh Hà Tĩnh | C42
      002 | 2025-08-09 | UBND tỉnh Hưng Yên | C33
      002 | 2025-08-09 | UBND tỉnh Khánh Hòa | C56
      002 | 2025-08-09 | UBND tỉnh Lai Châu | C12
      002 | 2025-08-09 | UBND tỉnh Lào Cai | C15
      002 | 2025-08-09 | UBND tỉnh Lâm Đồng | C68
      002 | 2025-08-09 | UBND tỉnh Lạng Sơn | C20
      002 | 2025-08-09 | UBND tỉnh Nghệ An | C40
      002 | 2025-08-09 | UBND tỉnh Ninh Bình | C37
      002 | 2025-08-09 | UBND tỉnh Phú Thọ | C25
      002 | 2025-08-09 | UBND tỉnh Quảng Ngãi | C51
      002 | 2025-08-09 | UBND tỉnh Quảng Ninh | C22
      002 | 2025-08-09 | UBND tỉnh Quảng Trị | C44
      002 | 2025-08-09 | UBND tỉnh Sơn La | C14
      002 | 2025-08-09 | UBND tỉnh Thanh Hóa | C38
      002 | 2025-08-09 | UBND tỉnh Thái Nguyên | C19
      002 | 2025-08-09 | UBND tỉnh Tuyên Quang | C08
      002 | 2025-08-09 | UBND tỉnh Tây Ninh | C80
      002 | 2025-08-09 | UBND tỉnh Vĩnh Long | C86
      002 | 2025-08-09 | UBND tỉnh Điện Biên | C11
      002 | 2025-08-09 | UBND tỉnh Đắk Lắk | C66
      002 | 2025-08-09 | UBND tỉnh Đồng Nai | C75
      002 | 2025-08-09 | UBND tỉnh Đồng Tháp | C82
      002 | 2025-08-09 | Vĩnh Long | C86
      002 | 2025-08-09 | Điện Biên | C11
      002 | 2025-08-09 | Đắk Lắk | C66
      002 | 2025-08-09 | Đồng Nai | C75
      002 | 2025-08-09 | Đồng Tháp | C82
      004 | 2025-06-09 | Hà Nội | F01
      004 | 2025-06-09 | Thành phố Cần Thơ | F92
      004 | 2025-06-09 | Thành phố Huế | F46
      004 | 2025-06-09 | Thành phố Hà Nội | F01
      004 | 2025-06-09 | Thành phố Hải Phòng | F31
      004 | 2025-06-09 | Thành phố Hồ Chí Minh | F79
      004 | 2025-06-09 | Thành phố Đà Nẵng | F48
      004 | 2025-06-09 | Tỉnh An Giang | F89
      004 | 2025-06-09 | Tỉnh Bà Rịa - Vũng Tàu | F77
      004 | 2025-06-09 | Tỉnh Bình Dương | F74
      004 | 2025-06-09 | Tỉnh Bình Phước | F70
      004 | 2025-06-09 | Tỉnh Bình Thuận | F60
      004 | 2025-06-09 | Tỉnh Bình Định | F52
      004 | 2025-06-09 | Tỉnh Bạc Liêu | F95
      004 | 2025-06-09 | Tỉnh Bắc Giang | F24
      004 | 2025-06-09 | Tỉnh Bắc Kạn | F06
      004 | 2025-06-09 | Tỉnh Bắc Ninh | F27
      004 | 2025-06-09 | Tỉnh Bến Tre | F83
      004 | 2025-06-09 | Tỉnh Cao Bằng | F04
      004 | 2025-06-09 | Tỉnh Cà Mau | F96
      004 | 2025-06-09 | Tỉnh Gia Lai | F64
      004 | 2025-06-09 | Tỉnh Hà Giang | F02
      004 | 2025-06-09 | Tỉnh Hà Nam | F35
      004 | 2025-06-09 | Tỉnh Hà Tĩnh | F42
      004 | 2025-06-09 | Tỉnh Hòa Bình | F17
      004 | 2025-06-09 | Tỉnh Hưng Yên | F33
      004 | 2025-06-09 | Tỉnh Hải Dương | F30
      004 | 2025-06-09 | Tỉnh Hậu Giang | F93
      004 | 2025-06-09 | Tỉnh Khánh Hòa | F56
      004 | 2025-06-09 | Tỉnh Kiên Giang | F91
      004 | 2025-06-09 | Tỉnh Kon Tum | F62
      004 | 2025-06-09 | Tỉnh Lai Châu | F12
      004 | 2025-06-09 | Tỉnh Long An | F80
      004 | 2025-06-09 | Tỉnh Lào Cai | F10
      004 | 2025-06-09 | Tỉnh Lâm Đồng | F68
      004 | 2025-06-09 | Tỉnh Lạng Sơn | F20
      004 | 2025-06-09 | Tỉnh Nam Định | F36
      004 | 2025-06-09 | Tỉnh Nghệ An | F40
      004 | 2025-06-09 | Tỉnh Ninh Bình | F37
      004 | 2025-06-09 | Tỉnh Ninh Thuận | F58
      004 | 2025-06-09 | Tỉnh Phú Thọ | F25
      004 | 2025-06-09 | Tỉnh Phú Yên | F54
      004 | 2025-06-09 | Tỉnh Quảng Bình | F44
      004 | 2025-06-09 | Tỉnh Quảng Nam | F49
      004 | 2025-06-09 | Tỉnh Quảng Ngãi | F51
      004 | 2025-06-09 | Tỉnh Quảng Ninh | F22
      004 | 2025-06-09 | Tỉnh Quảng Trị | F45
      004 | 2025-06-09 | Tỉnh Sóc Trăng | F94
      004 | 2025-06-09 | Tỉnh Sơn La | F14
      004 | 2025-06-09 | Tỉnh Thanh Hóa | F38
      004 | 2025-06-09 | Tỉnh Thái Bình | F34
      004 | 2025-06-09 | Tỉnh Thái Nguyên | F19
      004 | 2025-06-09 | Tỉnh Tiền Giang | F82
      004 | 2025-06-09 | Tỉnh Trà Vinh | F84
      004 | 2025-06-09 | Tỉnh Tuyên Quang | F08
      004 | 2025-06-09 | Tỉnh Tây Ninh | F72
      004 | 2025-06-09 | Tỉnh Vĩnh Long | F86
      004 | 2025-06-09 | Tỉnh Vĩnh Phúc | F26
      004 | 2025-06-09 | Tỉnh Yên Bái | F15
      004 | 2025-06-09 | Tỉnh Điện Biên | F11
      004 | 2025-06-09 | Tỉnh Đắk Lắk | F66
      004 | 2025-06-09 | Tỉnh Đắk Nông | F67
      004 | 2025-06-09 | Tỉnh Đồng Nai | F75
      004 | 2025-06-09 | Tỉnh Đồng Tháp | F87
      """;

  record Case(String seed, LocalDate asOf, String spelling, String expectedKey) {
    @Override
    public String toString() {
      return seed + " " + asOf + " '" + spelling + "' -> " + expectedKey;
    }
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (String line : SPELLINGS.strip().split("\n")) {
      String[] f = line.split("\\|");
      cases.add(new Case(f[0].strip(), LocalDate.parse(f[1].strip()), f[2].strip(), f[3].strip()));
    }
    return cases;
  }

  static Stream<Arguments> caseArguments() {
    return cases().stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("caseArguments")
  void seedSpellingResolvesOnItsDataDate(Case c) {
    Resolution r = ProvinceResolver.standard().resolve(c.spelling(), c.asOf());
    assertTrue(r.resolved(), () -> c + ": " + r.reason());
    assertEquals(c.expectedKey(), r.provinceKey(), () -> c + ": " + r);
    assertEquals(Era.of(c.asOf()), r.province().era());
  }

  @Test
  void everyProvinceOfEachSeedTableIsCovered() {
    Map<String, List<String>> keysBySeed = new TreeMap<>(cases().stream().collect(
        Collectors.groupingBy(Case::seed,
            Collectors.mapping(Case::expectedKey, Collectors.toList()))));
    assertEquals(34, keysBySeed.get("000").stream().distinct().count());
    assertEquals(34, keysBySeed.get("002").stream().distinct().count());
    assertEquals(63, keysBySeed.get("004").stream().distinct().count());
  }

  /** Guards the list against typos: each spelling must occur verbatim in its seed document. */
  @Test
  void everyListedSpellingOccursInItsSeedDocument() throws IOException {
    Path dir = Path.of(System.getProperty("dvcw.seeds", "/work/shared/seeds"));
    assumeTrue(Files.isDirectory(dir), "seed documents not available at " + dir);
    Map<String, String> texts = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.txt")) {
      for (Path f : files) {
        texts.put(f.getFileName().toString().substring(0, 3),
            Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    for (Case c : cases()) {
      String text = texts.get(c.seed());
      assumeTrue(text != null, "seed " + c.seed() + " missing");
      assertTrue(text.contains(c.spelling()), () -> c + " not found verbatim in seed " + c.seed());
    }
  }
}
