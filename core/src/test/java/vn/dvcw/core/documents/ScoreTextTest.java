package vn.dvcw.core.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 766 scores, ranks and periods as exports write them. */
@Tag("fast")
class ScoreTextTest {

  @ParameterizedTest
  @CsvSource({
      "18.99, 18.99", "'80,6', 80.6", "80.59999999999999, 80.6", "84.09999999999999, 84.1", "83.86000000000001, 83.86",
      "100, 100", "0, 0", "' 12 ', 12", "91.645, 91.645", "33.333333333, 33.3333"})
  void scoresAreReadAsTheDecimalsMeant(String text, String expected) {
    assertEquals(new BigDecimal(expected), ScoreText.parse(text));
  }

  @ParameterizedTest
  @CsvSource({"N/A", "'1.234,5'", "100.01", "-1", "1.777.005"})
  void anythingElseIsNotAScore(String text) {
    assertThrows(IllegalArgumentException.class, () -> ScoreText.parse(text));
  }

  @Test
  void emptyCellsAndDashesAreNoScore() {
    assertNull(ScoreText.parse(""));
    assertNull(ScoreText.parse("-"));
    assertNull(ScoreText.rank(" "));
  }

  @Test
  void ranksAreWholeNumbersFromOne() {
    assertEquals(117, ScoreText.rank("117"));
    assertEquals(3, ScoreText.rank("3.0"));
    assertThrows(IllegalArgumentException.class, () -> ScoreText.rank("0"));
    assertThrows(IllegalArgumentException.class, () -> ScoreText.rank("2.5"));
  }

  @Test
  void periodsAreWrittenAsTheyRead() {
    ServiceIndexPeriod q3 = ServiceIndexPeriod.parse("quarter 3/2025");
    assertEquals(LocalDate.of(2025, 7, 1), q3.start());
    assertEquals(LocalDate.of(2025, 9, 30), q3.end());
    assertEquals(LocalDate.of(2025, 10, 31), ServiceIndexPeriod.parse("month 10/2025").end());
    assertEquals(LocalDate.of(2025, 12, 31), ServiceIndexPeriod.parse("Year 2025").end());
    assertNull(ServiceIndexPeriod.parse("month 13/2025"));
    assertNull(ServiceIndexPeriod.parse("the year"));
  }

  @Test
  void sheetNamesSayTheKindOfPeriod() {
    assertEquals("year", ServiceIndexParser.kindOfSheet("Điểm năm"));
    assertEquals("month", ServiceIndexParser.kindOfSheet("Điểm tháng"));
    assertEquals("quarter", ServiceIndexParser.kindOfSheet("Điểm quý"));
    assertNull(ServiceIndexParser.kindOfSheet("Sở Ban"));
    assertNull(ServiceIndexParser.kindOfSheet("Xã Phường"));
    assertNull(ServiceIndexParser.kindOfSheet("6 tháng đầu năm"));
  }
}
