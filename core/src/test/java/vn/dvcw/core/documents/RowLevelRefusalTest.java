package vn.dvcw.core.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A bad row costs that row, never its letter; a parse that overruns its budget costs that document, never the
 * run; figures that contradict themselves load as printed with a finding.
 */
@Tag("fast")
class RowLevelRefusalTest {
  private static final String JULY = SeedDocuments.read("000_");

  /** Row {@code n} of 7260's one-cell-per-line table: its six lines, each ending in a line break. */
  private static String row(int n) {
    String start = "\n" + n + "\nUBND ";
    int from = JULY.indexOf(start) + 1;
    int to = from;
    for (int k = 0; k < 6; k++) {
      to = JULY.indexOf('\n', to) + 1;
    }
    return JULY.substring(from, to);
  }

  private static ParsedDocument read(String text) throws Exception {
    return DocumentReader.read(SeedDocuments.text("variant.txt", text));
  }

  @Test
  void aDuplicatedSecondRowIsRefusedAloneTheOtherThirtyThreeLoad() throws Exception {
    ParsedDocument d = read(JULY.replace(row(2), row(2) + row(2)));
    assertEquals(34, d.observations("appendix", "received_processed").size());
    assertEquals(1, d.problems().size(), d.problems().toString());
    assertTrue(d.problems().get(0).reason().contains("row numbered 2 where row 3 was expected"));
    assertEquals(46, d.problems().get(0).lineNo());
  }

  @Test
  void aTabSeparatedSecondRowIsRefusedAloneTheRestLoad() throws Exception {
    String tabbed = row(2).strip().replace('\n', '\t') + "\n";
    ParsedDocument d = read(JULY.replace(row(2), tabbed));
    assertEquals(33, d.observations("appendix", "received_processed").size());
    assertEquals(1, d.problems().size(), d.problems().toString());
    assertTrue(d.problems().get(0).reason().contains("row 2 is written on one line with tabs"));
    assertEquals(40, d.problems().get(0).lineNo());
    assertTrue(d.findings().stream().noneMatch(f -> f.status().equals("missing_rows")),
        "the row is refused, not reported absent as well");
  }

  @Test
  void aDuplicatedRowInATabbedLetterIsRefusedNotLoadedTwice() throws Exception {
    String header = "STT\tTên tỉnh, thành phố\tTổng số hồ sơ tiếp nhận, giải quyết\tTổng số hồ sơ xử lý đúng hạn\t"
        + "Tổng số hồ sơ chậm được tiếp nhận\tTổng số hồ sơ giải quyết quá hạn đang xử lý";
    String tabbedLetter = JULY.substring(0, JULY.indexOf("\nSTT\n") + 1) + header + "\n"
        + "1\tUBND Thành phố Cần Thơ\t47.345\t40.528\t182\t953\n"
        + "2\tUBND Thành phố Đà Nẵng\t44.170\t25.399\t1.864\t4,018\n"
        + "2\tUBND Thành phố Đà Nẵng\t44.170\t25.399\t1.864\t4,018\n"
        + "3\tUBND Thành phố Hà Nội\t38.792\t17.616\t8.025\t8,571\n";
    ParsedDocument d = read(tabbedLetter);
    assertEquals(3, d.observations("appendix", "received_processed").size());
    assertEquals(1, d.problems().size(), d.problems().toString());
    assertTrue(d.problems().get(0).reason().contains("row numbered 2 where row 3 was expected"));
  }

  @Test
  void onTimeAboveItsTotalLoadsAsPrintedWithARowLevelFinding() throws Exception {
    // Cần Thơ: 47.345 received and processed; print 97.345 processed on time.
    ParsedDocument d = read(JULY.replace("\nUBND Thành phố Cần Thơ\n47.345\n40.528\n",
        "\nUBND Thành phố Cần Thơ\n47.345\n97.345\n"));
    assertEquals(34, d.observations("appendix", "processed_on_time").size(), "loaded as printed, never fixed");
    List<Finding> f = SeedDocuments.findings(d, "appendix", "part_within_whole");
    assertEquals(1, f.size(), f.toString());
    assertEquals("mismatch", f.get(0).status());
    assertEquals("UBND Thành phố Cần Thơ", f.get(0).scope());
    assertEquals("97345", f.get(0).published());
    assertEquals(34, f.get(0).lineNo(), "the row's first line");
    assertTrue(SeedDocuments.findings(SeedDocuments.parse("000_"), "appendix", "part_within_whole").isEmpty());
  }

  @Test
  void aParseOverItsBudgetIsAbandonedOnADaemonThreadAndTheDocumentQuarantined() throws Exception {
    SourceDocument doc = SeedDocuments.text("slow.txt", JULY);
    AtomicBoolean daemon = new AtomicBoolean();
    CountDownLatch interrupted = new CountDownLatch(1);
    DocumentLimits limits = new DocumentLimits(1 << 20, 1000, Duration.ofMillis(200));
    ParsedDocument d = BudgetedParse.run(doc, limits, source -> {
      daemon.set(Thread.currentThread().isDaemon());
      try {
        new CountDownLatch(1).await(); // a parse that never ends on its own
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
      return null;
    });
    assertEquals(DocumentKind.UNKNOWN, d.identity().kind());
    assertEquals(1, d.problems().size());
    assertTrue(d.problems().get(0).reason().startsWith("parsing took longer than the budget of 200 ms "
        + "(DVCW_PARSE_BUDGET_SECONDS)"), d.problems().get(0).reason());
    assertTrue(daemon.get(), "the worker cannot keep the JVM alive");
    assertTrue(interrupted.await(10, java.util.concurrent.TimeUnit.SECONDS), "the worker is told to stop");
  }
}
