package vn.dvcw.pipelines.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import vn.dvcw.pipelines.SparkTestBase;

/**
 * Next month's letter dropped into an inputs folder, with a layout change and a broken row; a corrected
 * re-issue; files that are not documents. Good rows load, bad ones are quarantined with a reason.
 */
class EditedInputsTest extends SparkTestBase {

  /** 7260 rewritten as an August letter: new number, new month, appendix as tab-separated rows. */
  static String augustLetter(boolean brokenRow, boolean mergedAwayName) throws IOException {
    String text = Files.readString(seedInputs().resolve("000_f45c6a0f6911e2f4.txt"));
    text = text.replace("7260/VPCP-KSTT", "7999/VPCP-KSTT")
        .replace("trong tháng 7/2025", "trong tháng 8/2025")
        .replace("Hà Nội, ngày 05 tháng 8 năm 2025", "Hà Nội, ngày 04 tháng 9 năm 2025")
        .replace("từ ngày 01 tháng 7 đến ngày 31 tháng 7 năm 2025", "từ ngày 01 tháng 8 đến ngày 31 tháng 8 năm 2025");
    List<String> lines = List.of(text.split("\n", -1));
    int stt = lines.indexOf("STT");
    int total = lines.indexOf("Tổng số");
    StringBuilder sb = new StringBuilder(String.join("\n", lines.subList(0, stt))).append('\n');
    sb.append(String.join("\t", lines.subList(stt, stt + 6))).append('\n');
    for (int i = stt + 6; i < total; i += 6) {
      List<String> cells = new java.util.ArrayList<>(lines.subList(i, i + 6));
      if (brokenRow && cells.get(0).equals("3")) {
        cells.set(2, "38.79x");
      }
      if (mergedAwayName && cells.get(0).equals("4")) {
        cells.set(1, "UBND tỉnh Hải Dương");
      }
      sb.append(String.join("\t", cells)).append('\n');
    }
    sb.append(String.join("\t", lines.subList(total, total + 5))).append('\n');
    sb.append(String.join("\n", lines.subList(total + 5, lines.size())));
    return sb.toString();
  }

  @Test
  void nextMonthsLetterInAnotherLayoutLoadsWithNoCodeChange() throws Exception {
    Path inputs = Files.createTempDirectory("dvcw-inputs");
    Files.writeString(inputs.resolve("thang8.txt"), augustLetter(false, false));
    Path lakehouse = freshLakehouse();
    RefreshResult r = refresh(spark(), lakehouse, inputs);
    assertEquals(RefreshResult.OK, r.exitCode(), r.summary().toString());
    Row hn = rows("SELECT source_document, period_start, period_end, received_processed, overdue_in_processing "
        + "FROM gold.fact_dossier_receipt WHERE province_code = '01'").get(0);
    assertEquals("7999/VPCP-KSTT", hn.getString(0));
    assertEquals("2025-08-01", hn.get(1).toString());
    assertEquals("2025-08-31", hn.get(2).toString());
    assertEquals(38_792L, hn.getLong(3));
    assertEquals(8_571L, hn.getLong(4));
    assertEquals(0, count("SELECT count(*) FROM analytics.reconciliation WHERE status <> 'match'"));
  }

  @Test
  void brokenRowAndUnresolvableNameAreQuarantinedTheRestLoads() throws Exception {
    Path inputs = Files.createTempDirectory("dvcw-inputs");
    Files.writeString(inputs.resolve("thang8-loi.txt"), augustLetter(true, true));
    Files.write(inputs.resolve("scan.pdf"), new byte[] {'%', 'P', 'D', 'F', 0, 1, 2, (byte) 0xff, (byte) 0xfe});
    Files.writeString(inputs.resolve("empty.txt"), "");
    Files.writeString(inputs.resolve("minutes.txt"), "Biên bản họp giao ban tuần\nKhông có bảng số liệu.\n");
    Files.write(inputs.resolve("latin1.txt"), "Báo cáo tháng".getBytes(StandardCharsets.ISO_8859_1));
    Path lakehouse = freshLakehouse();
    RefreshResult r = refresh(spark(), lakehouse, inputs);
    assertEquals(RefreshResult.FINDINGS, r.exitCode(), "quarantined inputs are findings");
    List<Row> q = rows("SELECT stage, reason, raw_text, line_no FROM ops.quarantine ORDER BY stage, reason");
    String all = q.toString();
    assertTrue(all.contains("not a count: '38.79x'"), all);
    assertTrue(all.contains("Hải Dương"), all);
    assertTrue(all.contains("ceased to exist on 2025-07-01"), all);
    assertTrue(all.contains("binary content") || all.contains("not valid UTF-8"), all);
    assertTrue(all.contains("empty file"), all);
    assertTrue(all.contains("document kind not recognised"), all);
    // 34 rows printed, 2 quarantined: 32 loaded; the total now differs from the loaded rows, and says so.
    assertEquals(32, count("SELECT count(*) FROM gold.fact_dossier_receipt"));
    assertTrue(count("SELECT count(*) FROM analytics.reconciliation WHERE check = 'total_vs_rows' "
        + "AND status = 'mismatch'") > 0);
    // Every quarantined row points back to its input.
    assertEquals(0, count("SELECT count(*) FROM ops.quarantine WHERE file_path IS NULL OR reason IS NULL"));
    // The unknown document is still recorded in bronze.
    assertEquals(1, count("SELECT count(*) FROM bronze.document WHERE kind = 'unknown'"));
    RefreshResult again = refresh(spark(), lakehouse, inputs);
    assertEquals(RefreshResult.OK, again.exitCode(), "the same findings are not new on a re-run");
    assertEquals(q.size(), count("SELECT count(*) FROM ops.quarantine"));
  }

  @Test
  void aCorrectedReissueSupersedesAndTheOldVersionStaysQueryable() throws Exception {
    Path inputs = Files.createTempDirectory("dvcw-inputs");
    String original = augustLetter(false, false);
    Files.writeString(inputs.resolve("7999.txt"), original);
    Path lakehouse = freshLakehouse();
    refresh(spark(), lakehouse, inputs);
    // The re-issue corrects Cần Thơ's on-time count and the total that includes it.
    String corrected = original.replace("47.345\t40.528", "47.345\t40.600").replace("1.352.412", "1.352.484");
    Files.writeString(inputs.resolve("7999-dinh-chinh.txt"), corrected);
    RefreshResult r = refresh(spark(), lakehouse, inputs);
    assertEquals(RefreshResult.OK, r.exitCode(), r.summary().toString());
    assertEquals(2, count("SELECT count(*) FROM analytics.documents WHERE number = '7999/VPCP-KSTT'"));
    assertEquals(1, count("SELECT count(*) FROM analytics.documents WHERE number = '7999/VPCP-KSTT' AND is_current"));
    assertEquals(40_600L, count("SELECT processed_on_time FROM analytics.dossier_receipt WHERE province_code = '92'"));
    assertEquals(34, count("SELECT count(*) FROM gold.fact_dossier_receipt"));
    assertEquals(2, count("SELECT count(DISTINCT doc_id) FROM silver.report_observation"), "both versions stay queryable");
    assertEquals(40_528L, count("SELECT o.value FROM silver.report_observation o JOIN analytics.documents d "
        + "ON d.doc_id = o.doc_id WHERE NOT d.is_current AND o.measure = 'processed_on_time' AND o.province_code = '92'"));
  }
}
