package vn.dvcw.core.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No line can hang a parser. Each seed document gets a 10 MB line among its first lines (letters and spaces, the
 * shape that held a refresh for 57 minutes inside LetterHeader.issueDate; digits and dots; "ngày tháng năm "
 * repeated) and is parsed unguarded, with no line limit: every pattern must be linear for it to finish. The
 * document must still read as before: the line changes nothing else.
 */
@Tag("fast")
class PathologicalLinesTest {
  private static final int TEN_MB = 10 * 1024 * 1024;
  /** Generous: a linear parse of 10 MB takes about a second here; the quadratic one took an hour. */
  private static final Duration BOUND = Duration.ofSeconds(30);

  private static final String LETTERS_AND_SPACES = repeat("Hà Nội ", TEN_MB);
  private static final String DIGITS_AND_DOTS = repeat("1.234.", TEN_MB);
  private static final String NGAY_THANG_NAM = repeat("ngày tháng năm ", TEN_MB);

  private static String repeat(String unit, int length) {
    return unit.repeat(length / unit.length() + 1).substring(0, length);
  }

  static Stream<Arguments> documentsAndLines() {
    List<Arguments> out = new ArrayList<>();
    for (String seed : List.of("000_", "002_", "003_", "004_", "001_")) {
      out.add(Arguments.of(seed, "letters and spaces", LETTERS_AND_SPACES));
      out.add(Arguments.of(seed, "digits and dots", DIGITS_AND_DOTS));
      out.add(Arguments.of(seed, "ngày tháng năm", NGAY_THANG_NAM));
    }
    return out.stream();
  }

  /** The seed with {@code line} inserted as its third line (inside the letter header, before "Số:" and the date). */
  private static SourceDocument withLine(String seedPrefix, String line) throws Exception {
    String text = SeedDocuments.read(seedPrefix);
    int second = text.indexOf('\n', text.indexOf('\n') + 1);
    // As the refresh parses bronze: the stored text, already decoded and in NFC.
    return SourceDocument.stored(seedPrefix + "-pathological.txt", "0".repeat(64),
        text.substring(0, second + 1) + line + "\n" + text.substring(second + 1));
  }

  @ParameterizedTest(name = "{0} with 10 MB of {1}")
  @MethodSource("documentsAndLines")
  void everyParserFinishesInSecondsAndReadsTheRestAsBefore(String seed, String what, String line) throws Exception {
    SourceDocument doc = withLine(seed, line);
    ParsedDocument before = SeedDocuments.parse(seed);
    ParsedDocument after = assertTimeoutPreemptively(BOUND, () -> DocumentReader.read(doc));
    assertEquals(before.identity().kind(), after.identity().kind());
    assertEquals(before.identity().number(), after.identity().number());
    assertEquals(before.identity().issueDate(), after.identity().issueDate());
    assertEquals(before.observations().size(), after.observations().size());
    assertEquals(before.kpiTargets().size(), after.kpiTargets().size());
    assertEquals(before.claims().size(), after.claims().size());
  }

  @Test
  void theLongLineIsQuarantinedWithItsLineAndLengthWhenLimitsApply() throws Exception {
    SourceDocument doc = withLine("000_", LETTERS_AND_SPACES);
    ParsedDocument d = assertTimeoutPreemptively(BOUND, () -> DocumentReader.read(doc, DocumentLimits.defaults()));
    assertEquals("7260/VPCP-KSTT", d.identity().number());
    assertEquals(140, d.observations().size(), "every row of the letter still loads");
    assertEquals(1, d.problems().size(), d.problems().toString());
    Problem p = d.problems().get(0);
    assertEquals(3, p.lineNo());
    assertTrue(p.reason().contains("line 3 is 10485760 characters long, over the limit of 100000 (DVCW_MAX_LINE_CHARS)"),
        p.reason());
    assertTrue(p.rawText().length() < 300, "the quarantine keeps the start of the line, not 10 MB");
  }

  @Test
  void cellsAndFragmentsOfAnyLengthAreRefusedOrReadInLinearTime() {
    String dots = DIGITS_AND_DOTS;
    assertTimeoutPreemptively(BOUND, () -> {
      NumberFormatException e = assertThrows(NumberFormatException.class, () -> VietnameseNumbers.count(dots));
      assertTrue(e.getMessage().length() < 200, "the reason quotes the start of the cell, not all of it");
      assertThrows(NumberFormatException.class, () -> VietnameseNumbers.decimal(dots + "%"));
      assertTrue(Text.stripHtml("<".repeat(TEN_MB) + "x").endsWith("<x"), "no tag: the text is kept");
      assertEquals(TEN_MB, Text.stripHtml("<p>" + "<".repeat(TEN_MB) + "</p>").length());
      assertEquals("ha noi", Text.fold("  Hà" + " ".repeat(TEN_MB) + "Nội "));
      assertFalse(Text.firstWordyDate(NGAY_THANG_NAM).isPresent());
      assertTrue(Text.slashDates(dots).isEmpty());
    });
  }
}
