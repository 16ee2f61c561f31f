package vn.dvcw.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dvcw.app.CliTestBase;
import vn.dvcw.pipelines.SparkTestBase;

/** {@code dvcw report} and {@code dvcw refresh --report}: where the file goes, exit codes, messages. */
class ReportCommandTest extends CliTestBase {
  /** The shared session first: a CLI run must not be what creates it (SparkTestBase would re-attach later). */
  @BeforeEach
  void session() {
    useSeedLakehouse();
  }

  @AfterEach
  void reattach() {
    useSeedLakehouse();
  }

  @Test
  void writesToOutAndPrintsThePath(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bao-cao.html");
    assertEquals(0, run("report", "--lakehouse", seedLakehouse(), "--out", file.toString()), err);
    assertTrue(out.contains("report written: file:" + file), out);
    assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("id=\"data-quality\""));
  }

  @Test
  void aLakehouseNeverRefreshedIsExitOneWithWhatToDo(@TempDir Path dir) {
    assertEquals(1, run("report", "--lakehouse", dir.resolve("empty").toString()));
    assertTrue(err.contains("run 'dvcw refresh' first"), err);
  }

  /**
   * A fresh lakehouse refreshed from an empty inputs folder (quick, and the report must still render, saying there
   * are no figures): first with the reports folder blocked by a file, then free.
   */
  @Test
  void refreshWithReportWritesIntoTheLakehousesReportsFolder(@TempDir Path dir) throws IOException {
    Path lakehouse = dir.resolve("lakehouse");
    Path inputs = Files.createDirectories(dir.resolve("no-inputs"));
    Files.createDirectories(lakehouse);
    Files.writeString(lakehouse.resolve(ReportOutput.REPORTS_FOLDER), "not a folder");
    assertEquals(1, run("refresh", "--report", "--lakehouse", lakehouse.toString(), "--inputs", inputs.toString()), out);
    assertTrue(err.contains("the refresh succeeded (exit 0) but the report failed"), err);
    assertTrue(err.contains("run 'dvcw report' to retry"), err);

    Files.delete(lakehouse.resolve(ReportOutput.REPORTS_FOLDER));
    assertEquals(0, run("refresh", "--report", "--lakehouse", lakehouse.toString(), "--inputs", inputs.toString()), err);
    String runId = (String) scalar("SELECT run_id FROM ops.refresh_run ORDER BY started_at DESC LIMIT 1");
    Path report = lakehouse.resolve(ReportOutput.REPORTS_FOLDER).resolve(ReportOutput.fileName(runId));
    assertTrue(out.contains("report written: file:" + report), out);
    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertTrue(html.contains(runId));
    assertTrue(html.contains("Chưa có số liệu tỷ lệ hồ sơ trực tuyến"), "an empty lakehouse says so");
    try (Stream<Path> files = Files.list(report.getParent())) {
      assertEquals(1, files.count(), "no temporary or checksum files left beside the report");
    }
  }
}
