package vn.dvcw.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.text.Normalizer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("fast")
class ProvinceNamesTest {

  @ParameterizedTest(name = "''{0}'' -> ''{1}''")
  @CsvSource(delimiter = '|', value = {
      "Hồ Chí Minh | ho chi minh",
      "UBND Thành phố Hồ Chí Minh | ho chi minh",
      "Ủy ban nhân dân Thành phố Hồ Chí Minh | ho chi minh",
      "Uỷ ban nhân dân tỉnh Thanh Hoá | thanh hoa",
      "UBND tỉnh Thanh Hóa | thanh hoa",
      "TP. Hà Nội | ha noi",
      "TP Hà Nội | ha noi",
      "T.P Hà Nội | ha noi",
      "T.P. Hà Nội | ha noi",
      "Tp.Hà Nội | ha noi",
      "UBND TP. Hà Nội | ha noi",
      "Tỉnh Bà Rịa - Vũng Tàu | ba ria vung tau",
      "Bà Rịa–Vũng Tàu | ba ria vung tau",
      "Bà Rịa — Vũng Tàu | ba ria vung tau",
      "Bà Rịa-Vũng Tàu | ba ria vung tau",
      "  HÀ   NỘI  | ha noi",
      "Thừa Thiên - Huế | thua thien hue",
      "Hung Yên | hung yen",
      "Hưng Yên | hung yen",
      "Khánh Hoà | khanh hoa",
      "Thuỷ | thuy",
      "Đắk Lắk | dak lak",
      "Đăk Lăk | dak lak",
      "ĐẮK NÔNG | dak nong",
      "TP.HCM | hcm",
      "TPHCM | tphcm",
      "Tỉnh | tinh",
      "Thành phố | thanh pho",
  })
  void keyFoldsAccentsCasePunctuationAndPrefixes(String raw, String expected) {
    assertEquals(expected, ProvinceNames.key(raw));
  }

  @Test
  void nfdAndNfcGiveTheSameKey() {
    for (String name : new String[] {"Thừa Thiên Huế", "Đắk Lắk", "Hưng Yên", "Quảng Ngãi"}) {
      String nfd = Normalizer.normalize(name, Normalizer.Form.NFD);
      assertNotEquals(name, nfd);
      assertEquals(ProvinceNames.key(name), ProvinceNames.key(nfd));
      assertEquals(name, ProvinceNames.nfc(nfd));
    }
  }

  @Test
  void oldAndNewToneMarkPlacementGiveTheSameKey() {
    assertEquals(ProvinceNames.key("Hoà Bình"), ProvinceNames.key("Hòa Bình"));
    assertEquals(ProvinceNames.key("Thanh Hoá"), ProvinceNames.key("Thanh Hóa"));
    assertEquals(ProvinceNames.key("Thuỷ"), ProvinceNames.key("Thủy"));
  }

  @Test
  void asciiKeepsCaseAndPunctuation() {
    assertEquals("Ba Ria - Vung Tau", ProvinceNames.ascii("Bà Rịa - Vũng Tàu"));
    assertEquals("Dak Lak", ProvinceNames.ascii("Đắk Lắk"));
    assertEquals("Dak Lak", ProvinceNames.ascii("Ðắk Lắk")); // eth U+00D0 typed for Đ
    assertEquals("Ho Chi Minh", ProvinceNames.ascii(
        Normalizer.normalize("Hồ Chí Minh", Normalizer.Form.NFD)));
  }

  @Test
  void nullAndBlankGiveEmptyKeys() {
    assertEquals("", ProvinceNames.key(null));
    assertEquals("", ProvinceNames.key("  - . "));
    assertEquals(null, ProvinceNames.ascii(null));
  }

  @Test
  void foldKeepsPrefixes() {
    assertEquals("ubnd tinh thanh hoa", ProvinceNames.fold("UBND tỉnh Thanh Hoá"));
  }
}
