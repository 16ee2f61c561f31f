package vn.dvcw.pipelines.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.dvcw.pipelines.SparkTestBase;

/**
 * The document fault matrix: every bad document we know of (file-level refusals, broken tables, unknown names,
 * over-long lines, a file over the size limit, a link loop, hidden and '_' names, a duplicated or tab-separated
 * row, an on-time count above its total) dropped at once beside the five good documents, loaded in ONE refresh.
 * Each case asserts the run's exit code, its quarantine row (reason, file, line) and that every good row of its
 * document still loaded; the good documents load in full, a broken copy never replaces a clean document, and
 * no input file is changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentFaultMatrixTest extends SparkTestBase {
  /**
   * One case. {@code reason} is a part of the quarantine reason (null: nothing of this file is quarantined);
   * {@code line} the line the entry points to (null: the whole file); {@code number} the document number the
   * file carries, whose observations in silver must number {@code observations} (null: nothing to load).
   */
  record Case(String file, String reason, Integer line, String number, Integer observations) {
    @Override
    public String toString() {
      return file;
    }
  }

  private final List<Case> cases = new ArrayList<>();
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

  /** {@code text} with {@code line} inserted as its third line, among the letter header's lines. */
  private static String withThirdLine(String text, String line) {
    int second = text.indexOf('\n', text.indexOf('\n') + 1);
    return text.substring(0, second + 1) + line + "\n" + text.substring(second + 1);
  }

  /** Row {@code n} of 7260's one-cell-per-line table: its six lines, each with its line break. */
  private static String row(String letter, int n) {
    int from = letter.indexOf("\n" + n + "\nUBND ") + 1;
    int to = from;
    for (int k = 0; k < 6; k++) {
      to = letter.indexOf('\n', to) + 1;
    }
    return letter.substring(from, to);
  }

  private void file(Case c, byte[] bytes) throws IOException {
    Path p = inputs.resolve(c.file());
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
    cases.add(c);
  }

  private void file(Case c, String text) throws IOException {
    file(c, text.getBytes(StandardCharsets.UTF_8));
  }

  private static Case refused(String file, String reason) {
    return new Case(file, reason, null, null, null);
  }

  @BeforeAll
  void refreshGoodAndBadTogether() throws Exception {
    inputs = Files.createTempDirectory("dvcw-faults");
    try (Stream<Path> seeds = Files.list(seedInputs())) {
      for (Path p : seeds.toList()) {
        Files.copy(p, inputs.resolve(p.getFileName()));
      }
    }
    String july = seed("000_");
    // Files that are not text documents.
    file(refused("01-empty.txt", "empty file"), new byte[0]);
    file(refused("02-blank.txt", "no text"), "  \n\t\n ");
    file(refused("03-scan.pdf", "damaged PDF"), new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '4', 0, 0, 1, (byte) 0xe2});
    file(refused("04-chart.png", "not valid UTF-8"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
    file(refused("05-archive.zip", "corrupt ZIP archive"), new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0});
    file(refused("06-latin1.txt", "not valid UTF-8"), "Báo cáo tiếp nhận hồ sơ".getBytes(StandardCharsets.ISO_8859_1));
    file(refused("07-utf16.txt", "not valid UTF-8"), july.getBytes(StandardCharsets.UTF_16));
    file(refused("08-cp1258.txt", "not valid UTF-8"), july.substring(0, 400).getBytes(Charset.forName("windows-1258")));
    file(refused("09-nul.txt", "binary content"),
        ("Công văn\u0000" + july.substring(0, 200)).getBytes(StandardCharsets.UTF_8));
    // Text that is not a document the warehouse knows: recorded in bronze as 'unknown', reported.
    file(refused("10-minutes.txt", "document kind not recognised"), "BIÊN BẢN HỌP\nThành phần: ...\nNội dung: giao ban tuần.\n");
    file(refused("11-data.csv", "document kind not recognised"), "ma_tinh,so_ho_so\n01,100\n79,200\n");
    file(refused("12-data.json", "document kind not recognised"),
        "{\"MaHoSo\": \"000.00.06.H56-231027-0361\", \"KenhThucHien\": \"2\"}\n");
    file(refused("13-page.html", "document kind not recognised"),
        "<html><head><title>Cổng DVC</title></head><body><p>Trang chủ</p></body></html>");
    file(refused("14-article.md", "document kind not recognised"),
        "# Tin tức\n\nHôm nay trời đẹp, không có văn bản nào được nhắc tới.\n");
    // Letters whose table is broken in one way each: that row is refused, every other row loads.
    int cut = july.indexOf("\n10\nUBND tỉnh Cao Bằng\n9.164\n") + 25;
    file(new Case("15-truncated.txt", "table ends inside row 10", 88, "7301/VPCP-KSTT", 36),
        letter("7301/VPCP-KSTT").substring(0, cut));
    file(new Case("16-shifted.txt", "row 5 has 5 cells where the table has 6 (shifted columns)", 58, "7302/VPCP-KSTT", 136),
        letter("7302/VPCP-KSTT").replace("\n5\nUBND Thành phố Hồ Chí Minh\n205.752\n", "\n5\nUBND Thành phố Hồ Chí Minh\n"));
    file(new Case("17-not-a-number.txt", "not a count: '88.O17'", 178, "7304/VPCP-KSTT", 136),
        letter("7304/VPCP-KSTT").replace("\n88.017\n", "\n88.O17\n"));
    file(new Case("18-unknown-province.txt", "unknown province name", 202, "7305/VPCP-KSTT", 136),
        letter("7305/VPCP-KSTT").replace("UBND tỉnh Sơn La", "UBND tỉnh Atlantis"));
    file(new Case("19-former-province.txt", "ceased to exist on 2025-07-01", 208, "7306/VPCP-KSTT", 136),
        letter("7306/VPCP-KSTT").replace("UBND tỉnh Tây Ninh", "UBND tỉnh Long An"));
    file(new Case("20-unknown-column.txt", "column header not recognised", 28, "7307/VPCP-KSTT", 105),
        letter("7307/VPCP-KSTT").replace("Tổng số hồ sơ xử lý đúng hạn", "Số hồ sơ được khen thưởng"));
    file(new Case("21-no-period.txt", "reporting period not found", null, "7308/VPCP-KSTT", 0),
        letter("7308/VPCP-KSTT").replace("từ ngày 01 tháng 7 đến ngày 31 tháng 7 năm 2025", "")
            .replace("Tính từ ngày 01 tháng 7 đến ngày 31 tháng 7 năm 2025", "Trong tháng"));
    file(new Case("22-repeated-row.txt", "row numbered 3 where row 4 was expected", 52, "7309/VPCP-KSTT", 136),
        letter("7309/VPCP-KSTT").replace("\n4\nUBND Thành phố Hải Phòng\n", "\n3\nUBND Thành phố Hải Phòng\n"));
    file(new Case("23-no-table.txt", "appendix table (header 'STT') not found", null, "7310/VPCP-KSTT", 0),
        letter("7310/VPCP-KSTT").substring(0, july.indexOf("\nSTT\n")));
    file(new Case("24-bad-percent.txt", "not a decimal: '83;8%'", 406, "5999/VPCP-KSTT", 248),
        seed("004_").replace("5085/VPCP-KSTT", "5999/VPCP-KSTT").replace("\n83,8%\n", "\n83;8%\n"));
    String tabbed = EditedInputsTest.augustLetter(false, false).replace("7999/VPCP-KSTT", "7311/VPCP-KSTT");
    file(new Case("25-extra-cell.txt", "row 6 has 7 cells where the header has 6", 34, "7311/VPCP-KSTT", 136),
        tabbed.replace("6\tUBND Thành phố Huế\t22.628", "6\tUBND Thành phố Huế\t99\t22.628"));
    String report = seed("002_");
    file(new Case("26-bad-progress.txt", "task progress is not 'done/total'", 127, "21-BCHN/CQTTBCĐ", 1554),
        report.replace("Số 20-BCHN/CQTTBCĐ", "Số 21-BCHN/CQTTBCĐ").replace("7\tLai Châu\t17/17", "7\tLai Châu\t17-17"));
    file(new Case("27-bad-obstacle.txt", "communes affected is not 'n/N (p%)'", 248, "22-BCHN/CQTTBCĐ", 1556),
        report.replace("Số 20-BCHN/CQTTBCĐ", "Số 22-BCHN/CQTTBCĐ").replaceFirst(Pattern.quote("8/102 (7,8%)"), "tám xã"));
    file(new Case("28-unknown-table.txt", "columns are not recognised", 356, "23-BCHN/CQTTBCĐ", 1556),
        report.replace("Số 20-BCHN/CQTTBCĐ", "Số 23-BCHN/CQTTBCĐ")
            .replace("Phụ lục 7\n", "Phụ lục 9\nSTT\tChỉ tiêu lạ\tGiá trị\n1\tMột\t2\n\nPhụ lục 7\n"));
    file(refused("29-directive-no-payment.txt", "threshold for online_payment_rate not found"),
        seed("003_").replace("đạt dưới 30%", "đạt thấp"));
    // A truncated copy of 7260 itself: quarantined, and it must not replace the clean 7260.
    file(new Case("30-7260-truncated.txt", "table ends inside row 10", 88, null, null), july.substring(0, cut));
    file(new Case("31-bad-deadline.txt", "deadline is not a date", 176, "24-BCHN/CQTTBCĐ", 1556),
        report.replace("Số 20-BCHN/CQTTBCĐ", "Số 24-BCHN/CQTTBCĐ").replaceFirst("30/7/2025", "cuối tháng 7"));
    // Over-long lines among a real document's first lines: the line is quarantined, the document loads in full.
    file(new Case("32-letters-line.txt", "line 3 is 200000 characters long, over the limit of 100000 "
        + "(DVCW_MAX_LINE_CHARS)", 3, "5998/VPCP-KSTT", 252),
        withThirdLine(seed("004_").replace("5085/VPCP-KSTT", "5998/VPCP-KSTT"), "Hà Nội ".repeat(200_000 / 7 + 1)
            .substring(0, 200_000)));
    file(new Case("33-digits-line.txt", "line 3 is 150000 characters long", 3, "7330/VPCP-KSTT", 140),
        withThirdLine(letter("7330/VPCP-KSTT"), "1.234.".repeat(25_000)));
    file(new Case("34-ngay-thang-nam-line.txt", "line 3 is 150000 characters long", 3, "25-BCHN/CQTTBCĐ", 1556),
        withThirdLine(report.replace("Số 20-BCHN/CQTTBCĐ", "Số 25-BCHN/CQTTBCĐ"), "ngày tháng năm ".repeat(10_000)));
    // Over the size limit: refused before it is read (its content does not matter).
    file(refused("35-too-large.txt", "is larger than the limit of 20971520 bytes (DVCW_MAX_DOCUMENT_BYTES)"),
        new byte[20 * 1024 * 1024 + 1]);
    // One bad row costs that row, not its letter (issue 17): a duplicated row 2, a row 2 typed on one line with
    // tabs (both once refused the whole letter), a duplicated row in a tab-separated letter (once loaded twice).
    String l7331 = letter("7331/VPCP-KSTT");
    file(new Case("36-duplicated-row.txt", "row numbered 2 where row 3 was expected", 46, "7331/VPCP-KSTT", 140),
        l7331.replace(row(l7331, 2), row(l7331, 2) + row(l7331, 2)));
    String l7332 = letter("7332/VPCP-KSTT");
    file(new Case("37-tab-separated-row.txt", "row 2 is written on one line with tabs", 40, "7332/VPCP-KSTT", 136),
        l7332.replace(row(l7332, 2), row(l7332, 2).strip().replace('\n', '\t') + "\n"));
    String t7333 = EditedInputsTest.augustLetter(false, false).replace("7999/VPCP-KSTT", "7333/VPCP-KSTT");
    String huế = t7333.substring(t7333.indexOf("6\tUBND Thành phố Huế"), t7333.indexOf('\n', t7333.indexOf("6\tUBND Thành phố Huế")) + 1);
    file(new Case("38-tabbed-duplicate.txt", "row numbered 6 where row 7 was expected", 35, "7333/VPCP-KSTT", 140),
        t7333.replace(huế, huế + huế));
    // Names: '_' is loaded like any other; '.' is hidden, listed as refused, never silently skipped.
    file(new Case("_39-underscore.txt", null, null, "7334/VPCP-KSTT", 140), letter("7334/VPCP-KSTT"));
    file(refused(".40-hidden.txt", "hidden file (name starts with '.')"), letter("7336/VPCP-KSTT"));
    // An on-time count above its total loads as printed, with a row-level reconciliation finding (below).
    file(new Case("43-on-time-above-total.txt", null, null, "7335/VPCP-KSTT", 140),
        letter("7335/VPCP-KSTT").replace("\nUBND Thành phố Cần Thơ\n47.345\n40.528\n",
            "\nUBND Thành phố Cần Thơ\n47.345\n97.345\n"));
    // Links: a loop back to the inputs folder, and a link to nothing.
    Files.createSymbolicLink(inputs.resolve("41-loop"), inputs);
    cases.add(refused("41-loop", "symbolic link loop"));
    Files.createSymbolicLink(inputs.resolve("42-dangling.txt"), inputs.resolve("no-such-file.txt"));
    cases.add(refused("42-dangling.txt", "symbolic link that leads nowhere"));
    // Good variants that must load: Windows line ends with a BOM, and a file in a sub-folder.
    Files.writeString(inputs.resolve("50-crlf-bom.txt"),
        "\uFEFF" + letter("7320/VPCP-KSTT").replace("\n", "\r\n"), StandardCharsets.UTF_8);
    cases.add(new Case("50-crlf-bom.txt", null, null, "7320/VPCP-KSTT", 140));
    Files.createDirectories(inputs.resolve("thang-8"));
    Files.writeString(inputs.resolve("thang-8/51-august.txt"), EditedInputsTest.augustLetter(false, false));
    cases.add(new Case("thang-8/51-august.txt", null, null, "7999/VPCP-KSTT", 140));

    checksumsBefore = checksums(inputs);
    Path lakehouse = freshLakehouse();
    result = refresh(spark(), lakehouse, inputs);
    quarantine = rows("SELECT file_path, reason, stage, line_no, raw_text FROM ops.quarantine");
  }

  Stream<Case> cases() {
    return cases.stream();
  }

  private List<Row> quarantineOf(Case c) {
    return quarantine.stream().filter(r -> r.getString(0).endsWith("/" + c.file())).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachCaseExitsThreeIsQuarantinedWithReasonFileAndLineAndItsGoodRowsLoad(Case c) {
    assertEquals(RefreshResult.FINDINGS, result.exitCode());
    List<Row> mine = quarantineOf(c);
    if (c.reason() == null) {
      assertTrue(mine.isEmpty(), c.file() + " loads without quarantine, got " + mine);
    } else {
      List<Row> hits = mine.stream().filter(r -> r.getString(1).contains(c.reason())).toList();
      assertEquals(1, hits.size(), c.file() + " should be quarantined once with '" + c.reason() + "', got " + mine);
      assertEquals(c.line(), hits.get(0).isNullAt(3) ? null : hits.get(0).getInt(3), "line of " + c.file());
      assertTrue(hits.get(0).getString(1).length() < 400, "one readable line: " + hits.get(0).getString(1));
      assertTrue(hits.get(0).isNullAt(4) || hits.get(0).getString(4).length() < 2_000,
          "the quarantine keeps a pointer and a sample, not megabytes");
    }
    if (c.number() != null) {
      assertEquals(c.observations().longValue(), count("SELECT count(*) FROM silver.report_observation o "
          + "JOIN analytics.documents d ON d.doc_id = o.doc_id WHERE d.number = '%s'", c.number()),
          "observations of " + c.number() + " (every good row loaded)");
    }
  }

  @Test
  void everyCaseIsInTheMatrixAndTheRunSaysSoWithExitCodeThree() {
    assertTrue(cases.size() >= 45, "the document fault matrix has " + cases.size() + " cases");
    assertEquals(RefreshResult.FINDINGS, result.exitCode());
    assertTrue(result.quarantinedNew() >= cases.stream().filter(c -> c.reason() != null).count());
  }

  @Test
  void anOnTimeCountAboveItsTotalIsARowLevelFindingNotAShareAboveOne() {
    List<Row> f = rows("SELECT scope, published_value, computed_value, status, line_no FROM analytics.reconciliation "
        + "WHERE document = '7335/VPCP-KSTT' AND `check` = 'part_within_whole'");
    assertEquals(1, f.size(), f.toString());
    assertEquals("UBND Thành phố Cần Thơ", f.get(0).getString(0));
    assertEquals("97345", f.get(0).getString(1));
    assertEquals("47345", f.get(0).getString(2));
    assertEquals("mismatch", f.get(0).getString(3));
    assertEquals(34, f.get(0).getInt(4));
    assertEquals(1, count("SELECT count(*) FROM gold.fact_dossier_receipt "
        + "WHERE source_document = '7335/VPCP-KSTT' AND processed_on_time = 97345"), "loaded as printed");
  }

  @Test
  void aRepeatedRowNumberDoesNotLoseTheRowsAfterIt() {
    assertEquals(33, count("SELECT count(*) FROM gold.fact_dossier_receipt WHERE source_document = '7309/VPCP-KSTT'"));
  }

  @Test
  void goodDocumentsLoadInFullAndABrokenCopyNeverReplacesThem() {
    assertEquals(1_777_005L, count("SELECT sum(received_processed) FROM gold.fact_dossier_receipt f "
        + "WHERE f.source_document = '7260/VPCP-KSTT'"));
    assertEquals(34, count("SELECT count(*) FROM gold.fact_dossier_receipt WHERE source_document = '7260/VPCP-KSTT'"));
    assertEquals(1948, count("SELECT count(*) FROM silver.report_observation o JOIN analytics.documents d "
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
    try (Stream<Path> files = Files.walk(folder)) { // not following links: the loop is the test's own
      all = new ArrayList<>(files.filter(Files::isRegularFile).sorted().toList());
    }
    for (Path p : all) {
      out.put(p, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
    }
    return out;
  }
}
