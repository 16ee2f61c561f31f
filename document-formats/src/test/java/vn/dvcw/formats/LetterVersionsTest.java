package vn.dvcw.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.dvcw.core.documents.DocumentReader;
import vn.dvcw.core.documents.Finding;
import vn.dvcw.core.documents.Observation;
import vn.dvcw.core.documents.ParsedDocument;
import vn.dvcw.core.documents.RawRow;
import vn.dvcw.core.documents.SourceDocument;

/**
 * The Word, PDF and Excel versions of the bundled letters give the same observations, to the digit, as their
 * text versions, and the same reconciliation. Only the lineage differs: line numbers, and the raw line (a table
 * row written as tab-separated cells instead of one cell per line). The fixtures are built once by
 * scripts/build-letter-fixtures.sh from the text versions in inputs/documents.
 */
@Tag("fast")
class LetterVersionsTest {
  private static final Path TEXT_VERSIONS = Path.of("..", "inputs", "documents");

  /** An observation without its lineage: everything a reader of the warehouse sees of the number. */
  record Figure(String tableId, int rowNo, String provinceRaw, String level, String periodStart, String periodEnd,
      String measure, String value, String rawValue, String unit, boolean total, String label) {
    static Figure of(Observation o) {
      return new Figure(o.tableId(), o.rowNo(), o.provinceRaw(), o.level(), Objects.toString(o.periodStart()),
          Objects.toString(o.periodEnd()), o.measure(), o.value() == null ? null : o.value().toPlainString(),
          o.rawValue(), o.unit(), o.total(), o.label());
    }
  }

  /** A reconciliation finding without its line number. */
  record Check(String tableId, String check, String measure, String scope, String published, String computed,
      String difference, String status, String detail) {
    static Check of(Finding f) {
      return new Check(f.tableId(), f.check(), f.measure(), f.scope(), f.published(), f.computed(),
          f.difference() == null ? null : f.difference().toPlainString(), f.status(), f.detail());
    }
  }

  /** A table row: its cells as written, the empty ones left out (a spanning label leaves one in Word). */
  record Cells(String tableId, int rowNo, RawRow.Kind kind, List<String> cells) {
    static Cells of(RawRow r) {
      return new Cells(r.tableId(), r.rowNo(), r.kind(), r.cells().stream().filter(c -> !c.isEmpty()).toList());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "7260-VPCP-KSTT.docx, 000_f45c6a0f6911e2f4.txt, DOCX",
      "7260-VPCP-KSTT.pdf,  000_f45c6a0f6911e2f4.txt, PDF",
      "5085-VPCP-KSTT.docx, 004_5a08e6ac01d9f05f.txt, DOCX",
      "5085-VPCP-KSTT.pdf,  004_5a08e6ac01d9f05f.txt, PDF",
      "20-BCHN-CQTTBCD.docx, 002_6910dfddfda57365.txt, DOCX",
      "20-BCHN-CQTTBCD.pdf,  002_6910dfddfda57365.txt, PDF"})
  void wordAndPdfVersionsGiveTheTextVersionsObservations(String fixture, String textVersion, DocumentFormat format)
      throws Exception {
    ParsedDocument text = parseText(textVersion);
    DocumentFiles.ReadFile file = read(fixture);
    assertEquals(format, file.format());
    ParsedDocument other = DocumentReader.read(file.document());

    assertEquals(text.identity().kind(), other.identity().kind());
    assertEquals(text.identity().number(), other.identity().number());
    assertEquals(text.identity().issueDate(), other.identity().issueDate());
    assertEquals(text.identity().periodStart(), other.identity().periodStart());
    assertEquals(text.identity().periodEnd(), other.identity().periodEnd());
    assertFalse(text.observations().isEmpty());
    assertEquals(figures(text), figures(other));
    assertEquals(cells(text), cells(other));
    assertEquals(checks(text), checks(other));
    assertEquals(List.of(), other.problems(), "problems of the " + format + " version");
    assertEquals(file.document().lines().size(), file.origins().size(), "one origin per line");
  }

  /**
   * The appendix circulated alone as a workbook: the same observations and the same table checks; the checks
   * against the letter's body text cannot be made without the body, and the letter's number is not in it.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource("7260-VPCP-KSTT-phu-luc.xlsx, 000_f45c6a0f6911e2f4.txt")
  void excelAppendixGivesTheLettersObservations(String fixture, String textVersion) throws Exception {
    ParsedDocument text = parseText(textVersion);
    DocumentFiles.ReadFile file = read(fixture);
    assertEquals(DocumentFormat.XLSX, file.format());
    ParsedDocument appendix = DocumentReader.read(file.document());

    assertEquals(text.identity().kind(), appendix.identity().kind());
    assertEquals(text.identity().periodEnd(), appendix.identity().periodEnd());
    assertEquals(figures(text), figures(appendix));
    assertEquals(cells(text), cells(appendix));
    List<Check> tableChecks = checks(appendix);
    assertFalse(tableChecks.isEmpty());
    assertTrue(checks(text).containsAll(tableChecks), () -> "checks not in the letter's: " + tableChecks);
    assertEquals(List.of(), appendix.problems());
    LineOrigin totalRow = file.origins().get(lineOfTotalRow(file.document()));
    assertEquals("sheet 'Phụ lục' row 40, table 1, row 36", totalRow.describe());
  }

  private static int lineOfTotalRow(SourceDocument doc) {
    for (int i = 0; i < doc.lines().size(); i++) {
      if (doc.line(i).startsWith("Tổng số\t")) {
        return i;
      }
    }
    throw new AssertionError("no total row");
  }

  /** Each text version is parsed once for the whole class (the report takes most of a second). */
  private static final Map<String, ParsedDocument> TEXT = new ConcurrentHashMap<>();

  static ParsedDocument parseText(String name) throws Exception {
    ParsedDocument cached = TEXT.get(name);
    if (cached == null) {
      cached = DocumentReader.read(SourceDocument.of(name, Files.readAllBytes(TEXT_VERSIONS.resolve(name))));
      TEXT.put(name, cached);
    }
    return cached;
  }

  static DocumentFiles.ReadFile read(String fixture) throws Exception {
    return DocumentFiles.read(fixture, bytes(fixture));
  }

  static byte[] bytes(String fixture) throws IOException {
    try (InputStream in = LetterVersionsTest.class.getResourceAsStream("/letters/" + fixture)) {
      if (in == null) {
        throw new IOException("fixture missing: letters/" + fixture);
      }
      return in.readAllBytes();
    }
  }

  private static List<Figure> figures(ParsedDocument d) {
    return d.observations().stream().map(Figure::of).toList();
  }

  private static List<Cells> cells(ParsedDocument d) {
    return d.rows().stream().map(Cells::of).toList();
  }

  private static List<Check> checks(ParsedDocument d) {
    return new ArrayList<>(d.findings().stream().map(Check::of).toList());
  }
}
