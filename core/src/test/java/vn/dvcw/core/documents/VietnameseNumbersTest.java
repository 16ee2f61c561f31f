package vn.dvcw.core.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("fast")
class VietnameseNumbersTest {
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"1.777.005;1777005", "4,018;4018", "47.345;47345", "953;953", "-;0",
      "93.205;93205", "0;0", "1259794;1259794", "8,571;8571"})
  void countsAsDocumentsWriteThem(String text, long expected) {
    assertEquals(expected, VietnameseNumbers.count(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"4,5", "12.34", "abc", "", "1.2345", "17/17"})
  void notCounts(String text) {
    assertThrows(NumberFormatException.class, () -> VietnameseNumbers.count(text));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"68,39%;68.39", "100,00%;100.00", "23%;23", "5,36;5.36", "-0,98;-0.98",
      "100;100", "62,6%;62.6", "0,00%;0.00"})
  void decimalsAndPercentages(String text, String expected) {
    assertEquals(new BigDecimal(expected), VietnameseNumbers.decimal(text));
  }

  @Test
  void noneMarks() {
    assertEquals(0, VietnameseNumbers.count("–"));
    assertThrows(NumberFormatException.class, () -> VietnameseNumbers.decimal("Đã hoàn thành"));
  }
}
