package vn.dvcw.pipelines.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.dvcw.pipelines.SparkTestBase;

/**
 * Golden files pin every public view to the numbers of the seed documents: for each
 * {@code src/test/resources/golden/NAME.sql} the exact expected output is {@code NAME.out} beside it
 * (a header line, then one line per row, cells separated by " | ").
 *
 * <p>To regenerate after an intended change, run
 * {@code DVCW_REGENERATE_GOLDENS=1 mvn -pl pipelines -am test -Dtest=ViewGoldenTest -Dsurefire.failIfNoSpecifiedTests=false}
 * and review the diff of the .out files before committing them.
 */
class ViewGoldenTest extends SparkTestBase {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  @BeforeEach
  void attach() {
    useSeedLakehouse();
  }

  @TestFactory
  Stream<DynamicTest> everyViewMatchesItsGoldenFile() throws IOException {
    List<Path> queries;
    try (Stream<Path> files = Files.list(GOLDEN)) {
      queries = files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
    assertTrue(queries.size() >= 14, "a golden query per view");
    boolean regenerate = System.getenv("DVCW_REGENERATE_GOLDENS") != null;
    return queries.stream().map(q -> DynamicTest.dynamicTest(q.getFileName().toString(), () -> {
      String actual = render(sql(Files.readString(q)));
      Path out = Path.of(q.toString().replaceAll("\\.sql$", ".out"));
      if (regenerate) {
        Files.writeString(out, actual, StandardCharsets.UTF_8);
      }
      assertEquals(Files.readString(out), actual, "output of " + q + " differs from " + out);
    }));
  }

  static String render(Dataset<Row> df) {
    StringBuilder sb = new StringBuilder(String.join(" | ", df.columns())).append('\n');
    for (Row r : df.collectAsList()) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        Object v = r.get(i);
        cells.add(v == null ? "NULL" : v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v));
      }
      sb.append(String.join(" | ", cells)).append('\n');
    }
    return sb.toString();
  }
}
