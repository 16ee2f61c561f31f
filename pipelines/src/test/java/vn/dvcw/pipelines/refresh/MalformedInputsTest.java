package vn.dvcw.pipelines.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import vn.dvcw.pipelines.SparkTestBase;

/**
 * Thirty-odd malformed inputs dropped beside the five good documents, loaded in one refresh: each one is
 * quarantined with a reason and a pointer to the input, the good documents load in full, a broken copy never
 * replaces a clean document, and no input file is changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputsTest extends SparkTestBase {
  private final Map<String, String> expectedReason = new LinkedHashMap<>();
  private Path inputs;
  private Map<Path, String> checksumsBefore;
  private RefreshResult result;
  private List<Row> quarantine;

  private static String seed(String prefix) throws IOException {
    try (Stream<Path> files = Files.list(seedInputs())) {
      return Files.readString(files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow());
    }
  }

  /** The 7260 letter renumbered, so each broken variant is a document of its own. */
  private static String letter(String number) throws IOException {
    return seed("000_").replace("7260/VPCP-KSTT", number);
  }

  private void file(String name, byte[] bytes, String reason) throws IOException {
    Path p = inputs.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
    expectedReason.put(name, reason);
  }

  private void file(String name, String text, String reason) throws IOException {
    file(name, text.getBytes(StandardCharsets.UTF_8), reason);
  }

  @BeforeAll
  void refreshGoodAndBadTogether() throws Exception {
    inputs = Files.createTempDirectory("dvcw-malformed");
    try (Stream<Path> seeds = Files.list(seedInputs())) {
      for (Path p : seeds.toList()) {
        Files.copy(p, inputs.resolve(p.getFileName()));
      }
    }
    String july = seed("000_");
    // Files that are not text documents.
    file("01-empty.txt", new byte[0], "empty file");
    file("02-blank.txt", "  \n\t\n ", "no text");
    file("03-scan.pdf", new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '4', 0, 0, 1, (byte) 0xe2}, "damaged PDF");
    file("04-chart.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13}, "not valid UTF-8");
    file("05-archive.zip", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0}, "corrupt ZIP archive");
    file("06-latin1.txt", "Báo cáo tiếp nhận hồ sơ".getBytes(StandardCharsets.ISO_8859_1), "not valid UTF-8");
    file("07-utf16.txt", july.getBytes(StandardCharsets.UTF_16), "not valid UTF-8");
    file("08-cp1258.txt", july.substring(0, 400).getBytes(Charset.forName("windows-1258")), "not valid UTF-8");
    file("09-nul.txt", ("Công văn\u0000" + july.substring(0, 200)).getBytes(StandardCharsets.UTF_8), "binary content");
    // Text that is not a document the warehouse knows.
    file("10-minutes.txt", "BIÊN BẢN HỌP\nThành phần: ...\nNội dung: giao ban tuần.\n", "document kind not recognised");
    file("11-data.csv", "ma_tinh,so_ho_so\n01,100\n79,200\n", "document kind not recognised");
    file("12-data.json", "{\"MaHoSo\": \"000.00.06.H56-231027-0361\", \"KenhThucHien\": \"2\"}\n",
        "document kind not recognised");
    file("13-page.html", "<html><head><title>Cổng DVC</title></head><body><p>Trang chủ</p></body></html>",
        "document kind not recognised");
    file("14-article.md", "# Tin tức\n\nHôm nay trời đẹp, không có văn bản nào được nhắc tới.\n",
        "document kind not recognised");
    // Letters whose table is broken in one way each.
    int cut = july.indexOf("\n10\nUBND tỉnh Cao Bằng\n9.164\n") + 25;
    file("15-truncated.txt", letter("7301/VPCP-KSTT").substring(0, cut), "table ends inside row 10");
    file("16-shifted.txt", letter("7302/VPCP-KSTT").replace("\n5\nUBND Thành phố Hồ Chí Minh\n205.752\n",
        "\n5\nUBND Thành phố Hồ Chí Minh\n"), "row 5 has 5 cells where the table has 6 (shifted columns)");
    file("17-not-a-number.txt", letter("7304/VPCP-KSTT").replace("\n88.017\n", "\n88.O17\n"), "not a count: '88.O17'");
    file("18-unknown-province.txt", letter("7305/VPCP-KSTT").replace("UBND tỉnh Sơn La", "UBND tỉnh Atlantis"),
        "unknown province name");
    file("19-former-province.txt", letter("7306/VPCP-KSTT").replace("UBND tỉnh Tây Ninh", "UBND tỉnh Long An"),
        "ceased to exist on 2025-07-01");
    file("20-unknown-column.txt", letter("7307/VPCP-KSTT").replace("Tổng số hồ sơ xử lý đúng hạn",
        "Số hồ sơ được khen thưởng"), "column header not recognised");
    file("21-no-period.txt", letter("7308/VPCP-KSTT").replace("từ ngày 01 tháng 7 đến ngày 31 tháng 7 năm 2025", "")
        .replace("Tính từ ngày 01 tháng 7 đến ngày 31 tháng 7 năm 2025", "Trong tháng"), "reporting period not found");
    file("22-repeated-row.txt", letter("7309/VPCP-KSTT").replace("\n4\nUBND Thành phố Hải Phòng\n",
        "\n3\nUBND Thành phố Hải Phòng\n"), "row numbered 3 where row 4 was expected");
    file("23-no-table.txt", letter("7310/VPCP-KSTT").substring(0, july.indexOf("\nSTT\n")), "appendix table (header 'STT') not found");
    file("24-bad-percent.txt", seed("004_").replace("5085/VPCP-KSTT", "5999/VPCP-KSTT").replace("\n83,8%\n", "\n83;8%\n"),
        "not a decimal: '83;8%'");
    String tabbed = EditedInputsTest.augustLetter(false, false).replace("7999/VPCP-KSTT", "7311/VPCP-KSTT");
    file("25-extra-cell.txt", tabbed.replace("6\tUBND Thành phố Huế\t22.628", "6\tUBND Thành phố Huế\t99\t22.628"),
        "row 6 has 7 cells where the header has 6");
    String report = seed("002_");
    file("26-bad-progress.txt", report.replace("Số 20-BCHN/CQTTBCĐ", "Số 21-BCHN/CQTTBCĐ")
        .replace("7\tLai Châu\t17/17", "7\tLai Châu\t17-17"), "task progress is not 'done/total'");
    file("27-bad-obstacle.txt", report.replace("Số 20-BCHN/CQTTBCĐ", "Số 22-BCHN/CQTTBCĐ")
        .replace("8/102 (7,8%)", "tám xã"), "communes affected is not 'n/N (p%)'");
    file("28-unknown-table.txt", report.replace("Số 20-BCHN/CQTTBCĐ", "Số 23-BCHN/CQTTBCĐ")
        .replace("Phụ lục 7\n", "Phụ lục 9\nSTT\tChỉ tiêu lạ\tGiá trị\n1\tMột\t2\n\nPhụ lục 7\n"),
        "columns are not recognised");
    file("29-directive-no-payment.txt", seed("003_").replace("đạt dưới 30%", "đạt thấp"),
        "threshold for online_payment_rate not found");
    // A truncated copy of 7260 itself: quarantined, and it must not replace the clean 7260.
    file("30-7260-truncated.txt", july.substring(0, cut), "table ends inside row 10");
    file("31-bad-deadline.txt", report.replace("Số 20-BCHN/CQTTBCĐ", "Số 24-BCHN/CQTTBCĐ").replace("30/7/2025",
        "cuối tháng 7"), "deadline is not a date");
    // Good variants that must load: Windows line ends with a BOM, and a file in a sub-folder.
    Files.writeString(inputs.resolve("40-crlf-bom.txt"),
        "\uFEFF" + letter("7320/VPCP-KSTT").replace("\n", "\r\n"), StandardCharsets.UTF_8);
    Files.createDirectories(inputs.resolve("thang-8"));
    Files.writeString(inputs.resolve("thang-8/41-august.txt"), EditedInputsTest.augustLetter(false, false));

    checksumsBefore = checksums(inputs);
    Path lakehouse = freshLakehouse();
    result = refresh(spark(), lakehouse, inputs);
    quarantine = rows("SELECT file_path, reason, stage, line_no, raw_text FROM ops.quarantine");
  }

  @TestFactory
  Stream<DynamicTest> eachMalformedInputIsQuarantinedWithItsReason() {
    assertTrue(expectedReason.size() >= 30, "at least thirty malformed cases");
    return expectedReason.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
      List<Row> mine = quarantine.stream().filter(r -> r.getString(0).endsWith("/" + e.getKey())).toList();
      assertTrue(mine.stream().anyMatch(r -> r.getString(1).contains(e.getValue())),
          e.getKey() + " should be quarantined with '" + e.getValue() + "', got " + mine);
    }));
  }

  @Test
  void aRepeatedRowNumberDoesNotLoseTheRowsAfterIt() {
    assertEquals(33, count("SELECT count(*) FROM gold.fact_dossier_receipt WHERE source_document = '7309/VPCP-KSTT'"));
  }

  @Test
  void theRunSaysSoWithExitCodeThree() {
    assertEquals(RefreshResult.FINDINGS, result.exitCode());
    assertTrue(result.quarantinedNew() >= expectedReason.size());
  }

  @Test
  void goodDocumentsLoadInFullAndABrokenCopyNeverReplacesThem() {
    assertEquals(1_777_005L, count("SELECT sum(received_processed) FROM gold.fact_dossier_receipt f "
        + "WHERE f.source_document = '7260/VPCP-KSTT'"));
    assertEquals(34, count("SELECT count(*) FROM gold.fact_dossier_receipt WHERE source_document = '7260/VPCP-KSTT'"));
    assertEquals(1948 - 0, count("SELECT count(*) FROM silver.report_observation o JOIN analytics.documents d "
        + "ON d.doc_id = o.doc_id WHERE d.number IN ('7260/VPCP-KSTT', '5085/VPCP-KSTT', '20-BCHN/CQTTBCĐ')"
        + " AND d.file_name LIKE '00%'"));
    assertEquals(34, count("SELECT count(*) FROM gold.fact_dossier_receipt WHERE source_document = '7320/VPCP-KSTT'"),
        "CRLF and BOM are fine");
    assertEquals(34, count("SELECT count(*) FROM gold.fact_dossier_receipt WHERE source_document = '7999/VPCP-KSTT'"),
        "files in sub-folders are read");
    assertEquals(33, count("SELECT count(*) FROM gold.fact_dossier_receipt WHERE source_document = '7302/VPCP-KSTT'"),
        "a shifted row is kept out, the rows after it still load");
  }

  @Test
  void everyQuarantineEntryPointsToItsInput() {
    for (Row r : quarantine) {
      assertTrue(r.getString(0) != null && r.getString(1) != null && r.getString(2) != null, r.toString());
    }
  }

  @Test
  void inputsAreNeverModified() throws Exception {
    assertEquals(checksumsBefore, checksums(inputs));
  }

  private static Map<Path, String> checksums(Path folder) throws Exception {
    Map<Path, String> out = new LinkedHashMap<>();
    List<Path> all;
    try (Stream<Path> files = Files.walk(folder)) {
      all = new ArrayList<>(files.filter(Files::isRegularFile).sorted().toList());
    }
    for (Path p : all) {
      out.put(p, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
    }
    return out;
  }
}
