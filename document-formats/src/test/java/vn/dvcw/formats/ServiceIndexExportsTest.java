package vn.dvcw.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.dvcw.core.documents.DocumentKind;
import vn.dvcw.core.documents.DocumentReader;
import vn.dvcw.core.documents.Finding;
import vn.dvcw.core.documents.ParsedDocument;
import vn.dvcw.core.documents.ServiceIndexPeriod;
import vn.dvcw.core.documents.ServiceIndexScore;
import vn.dvcw.core.documents.SourceDocument;

/**
 * The real 766 service index exports bundled in inputs/service-index (An Giang's report workbooks of 11, 15 and
 * 16 October 2025) read as the portal published them: snapshot from the workbook's properties, periods from the
 * sheet names and the file name, provinces from the DVCQG codes, float artefacts read as the decimals meant, and
 * the checks of groups against totals and ranks against scores.
 */
@Tag("fast")
class ServiceIndexExportsTest {
  private static final Path FOLDER = Path.of("..", "inputs", "service-index", "an-giang");

  private static ParsedDocument read(String name) throws Exception {
    Path p = FOLDER.resolve(name);
    return DocumentReader.read(DocumentFiles.read(p.toString(), Files.readAllBytes(p)).document());
  }

  private static List<ServiceIndexScore> sheet(ParsedDocument d, String sheet) {
    return d.scores().stream().filter(s -> s.tableId().equals(sheet)).toList();
  }

  @Test
  void aReportWorkbookLoadsEverySheetWithItsSnapshotAndPeriod() throws Exception {
    ParsedDocument d = read("bao_cao_T10_2025.7c5e62b5.xlsx");
    assertEquals(DocumentKind.SERVICE_INDEX, d.identity().kind());
    assertEquals(List.of(), d.problems());
    Map<String, Long> rows = d.scores().stream()
        .collect(Collectors.groupingBy(ServiceIndexScore::tableId, Collectors.counting()));
    assertEquals(Map.of("Điểm năm", 34L, "Điểm tháng", 34L, "Xu hướng tháng", 3L, "Xu hướng quý", 4L, "Sở Ban", 15L,
        "Xã Phường", 102L), rows);
    ServiceIndexScore first = sheet(d, "Điểm năm").get(0);
    assertEquals(Instant.parse("2025-10-16T04:52:57Z"), first.snapshotAt());
    assertEquals("workbook_properties", first.snapshotSource());
    assertEquals(new ServiceIndexPeriod("year", 2025, null), first.period());
    assertEquals(new ServiceIndexPeriod("month", 2025, 10), sheet(d, "Điểm tháng").get(0).period());
    assertEquals(java.time.LocalDate.of(2025, 10, 16), d.identity().dataDate());
    ServiceIndexScore anGiang = sheet(d, "Điểm năm").stream().filter(s -> s.unitCode().equals("H01")).findFirst()
        .orElseThrow();
    assertEquals(new BigDecimal("87.86"), anGiang.totalScore());
    assertEquals(9, anGiang.rank());
    assertEquals("province", anGiang.unitLevel());
    // The agencies and communes do not say their period: left for service-index-periods.tsv, with the reason.
    ServiceIndexScore agency = sheet(d, "Sở Ban").get(0);
    assertNull(agency.period());
    assertTrue(agency.periodNote().contains("does not say whether it covers the year, a quarter or a month"),
        agency.periodNote());
    assertEquals("agency", agency.unitLevel());
    assertEquals("H01", agency.provinceDvcqgCode());
    assertEquals("commune", sheet(d, "Xã Phường").get(0).unitLevel());
  }

  @Test
  void theExportersTrendSheetsAreTheProvincesTotalsWithTheirFloatArtefactsRead() throws Exception {
    ParsedDocument d = read("bao_cao_T10_2025.99c31e5f.xlsx");
    List<ServiceIndexScore> quarters = sheet(d, "Xu hướng quý");
    assertEquals(List.of("37.2", "52", "84.1", "80.6"),
        quarters.stream().map(s -> s.totalScore().toPlainString()).toList());
    ServiceIndexScore q3 = quarters.get(2);
    assertEquals(new ServiceIndexPeriod("quarter", 2025, 3), q3.period());
    assertEquals("H01", q3.unitCode());
    assertEquals("exporter_trend", q3.source());
    assertNull(q3.rank());
    assertEquals(new ServiceIndexPeriod("month", 2025, 8), sheet(d, "Xu hướng tháng").get(0).period());
  }

  @Test
  void agencyAndCommuneRowsReadAsTheSheetPrintsThem() throws Exception {
    ParsedDocument d = read("bao_cao_T10_2025.99c31e5f.xlsx");
    ServiceIndexScore tourism = sheet(d, "Sở Ban").get(0);
    assertEquals(List.of("H01.15", "Sở Du lịch - tỉnh An Giang", "20", "18", "16.44", "10", "10", "18", "92.44"),
        List.of(tourism.unitCode(), tourism.unitName(), tourism.scoreProgress().toPlainString(),
            tourism.scoreSatisfaction().toPlainString(), tourism.scoreDigitisation().toPlainString(),
            tourism.scoreOnlinePayment().toPlainString(), tourism.scoreOnlineService().toPlainString(),
            tourism.scoreTransparency().toPlainString(), tourism.totalScore().toPlainString()));
    assertEquals(1, tourism.rank());
    ServiceIndexScore honDat = sheet(d, "Xã Phường").get(0);
    assertEquals("H01.164 UBND xã Hòn Đất - tỉnh An Giang 93.24 2", honDat.unitCode() + " " + honDat.unitName()
        + " " + honDat.totalScore().toPlainString() + " " + honDat.rank());
  }

  @Test
  void langSonsLongUnitCodeGivesItsProvince() throws Exception {
    ServiceIndexScore langSon = read("bao_cao_T10_2025.ebd4e73e.xlsx").scores().stream()
        .filter(s -> s.unitCode().endsWith("H37")).findFirst().orElseThrow();
    assertEquals("000.00.00.H37", langSon.unitCode());
    assertEquals("H37", langSon.provinceDvcqgCode());
  }

  @Test
  void groupsAreCheckedAgainstTotalsAndRanksAgainstScores() throws Exception {
    ParsedDocument d = read("bao_cao_T10_2025.ebd4e73e.xlsx");
    Map<String, Long> groupChecks = d.findings().stream().filter(f -> f.check().equals("groups_sum_to_total"))
        .collect(Collectors.groupingBy(Finding::status, Collectors.counting()));
    assertEquals(34 + 34 + 15 + 102, groupChecks.values().stream().mapToLong(Long::longValue).sum());
    assertEquals(null, groupChecks.get("mismatch"), "no row's groups miss its total by more than 0.03");
    assertTrue(d.findings().stream().anyMatch(f -> f.check().equals("rank_follows_score")
        && f.tableId().equals("Điểm năm") && f.status().equals("match")));
    // In this capture the agencies and communes are one response: one ranking of 117 units.
    Finding one = d.findings().stream().filter(f -> f.check().equals("one_ranking")).findFirst().orElseThrow();
    assertEquals("match", one.status(), one.detail());
    // Four days later the exporter asked for the agencies' month and the communes' year: two rankings.
    Finding two = read("bao_cao_T10_2025.99c31e5f.xlsx").findings().stream()
        .filter(f -> f.check().equals("one_ranking")).findFirst().orElseThrow();
    assertEquals("note", two.status());
    assertTrue(two.detail().contains("different responses"), two.detail());
  }

  @Test
  void theWorkbookNamedForTheMonthHoldsASheetThatDoesNotSayItsPeriod() throws Exception {
    ParsedDocument d = read("bao_cao_thang_10_2025.ebd4e73e.xlsx");
    assertEquals(34, d.scores().size());
    assertTrue(d.scores().stream().allMatch(s -> s.period() == null));
    assertEquals(Instant.parse("2025-10-11T08:37:29Z"), d.scores().get(0).snapshotAt());
  }

  @Test
  void anApiResponseInItsEnvelopeTakesSnapshotAndPeriodFromIt() {
    String json = "{\"captured_at\": \"2025-10-16T11:52:00\", \"params\": {\"p_nam\": \"2025\", \"p_thang\": 10,"
        + " \"p_quy\": 0, \"p_6thang\": 0, \"p_tinh_id\": 0}, \"data\": ["
        + "{\"ID\":\"401621\",\"TEN\":\"UBND tỉnh Bắc Ninh\",\"MA_COQUAN\":\"H05\",\"LOAI_COQUAN\":\"1\","
        + "\"TDGQ\":\"19.35\",\"MDHL\":\"12\",\"MDSH\":\"18.67\",\"TTTT\":\"9.29\",\"CLGQ\":\"8.08\",\"CKMB\":\"18\","
        + "\"TONG_SCORE\":\"85.39\",\"ROW_STT\":\"1\"},"
        + "{\"ID\":\"6715\",\"TEN\":\"UBND tỉnh Quảng Trị\",\"MA_COQUAN\":\"H50\",\"LOAI_COQUAN\":\"1\","
        + "\"TDGQ\":19.07,\"MDHL\":12,\"MDSH\":18.68,\"TTTT\":8.42,\"CLGQ\":7.69,\"CKMB\":18,"
        + "\"TONG_SCORE\":83.86000000000001,\"ROW_STT\":2}]}";
    ParsedDocument d = DocumentReader.read(SourceDocument.stored("/in/766.json", "ab".repeat(32), json));
    assertEquals(List.of(), d.problems());
    assertEquals(2, d.scores().size());
    ServiceIndexScore quangTri = d.scores().get(1);
    assertEquals(Instant.parse("2025-10-16T04:52:00Z"), quangTri.snapshotAt());
    assertEquals("api_envelope", quangTri.snapshotSource());
    assertEquals(new ServiceIndexPeriod("month", 2025, 10), quangTri.period());
    assertEquals(new BigDecimal("83.86"), quangTri.totalScore());
  }

  @Test
  void aBareResponseWithoutADatedNameLoadsNothingAndSaysWhy() {
    String json = "[{\"ID\":\"1\",\"TEN\":\"UBND tỉnh Bắc Ninh\",\"MA_COQUAN\":\"H05\",\"LOAI_COQUAN\":\"1\","
        + "\"TONG_SCORE\":\"85.39\",\"ROW_STT\":\"1\"}]";
    ParsedDocument undated = DocumentReader.read(SourceDocument.stored("/in/766.json", "cd".repeat(32), json));
    assertEquals(0, undated.scores().size());
    assertTrue(undated.problems().get(0).reason().contains("without a snapshot time"),
        undated.problems().toString());
    ParsedDocument named = DocumentReader.read(
        SourceDocument.stored("/in/766_T10_2025_20251016-1152.json", "ef".repeat(32), json));
    assertEquals(Instant.parse("2025-10-16T04:52:00Z"), named.scores().get(0).snapshotAt());
    assertEquals(new ServiceIndexPeriod("month", 2025, 10), named.scores().get(0).period());
  }

  @Test
  void aRowThatIsNotAScoreIsRefusedWithItsReasonAndTheRestLoads() {
    String text = "Sheet: Điểm năm\nID\tTEN\tMA_COQUAN\tLOAI_COQUAN\tTONG_SCORE\tROW_STT\n"
        + "1\tUBND tỉnh Bắc Ninh\tH05\t1\t91.69\t1\n2\tUBND tỉnh X\tH55\t1\tN/A\t2\n3\tUBND tỉnh Y\tH19\t7\t90\t3\n";
    ParsedDocument d = DocumentReader.read(
        SourceDocument.stored("/in/nam_2025_20251016-1152.txt", "01".repeat(32), text));
    assertEquals(1, d.scores().size());
    assertEquals(2, d.problems().size());
    assertTrue(d.problems().get(0).reason().contains("not a score: N/A"), d.problems().toString());
    assertTrue(d.problems().get(1).reason().contains("LOAI_COQUAN '7'"), d.problems().toString());
    assertEquals(new String("Điểm năm".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
        d.problems().get(0).tableId());
  }
}
