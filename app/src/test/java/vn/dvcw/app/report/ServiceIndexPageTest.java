package vn.dvcw.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvcw.charts.ChartData;
import vn.dvcw.charts.ServiceIndexCharts;
import vn.dvcw.pipelines.SparkTestBase;
import vn.dvcw.pipelines.refresh.RefreshResult;
import vn.dvcw.storage.WarehouseSession;

/**
 * Page 8 on the real 766 exports (inputs/service-index: An Giang's workbooks of 11, 15 and 16 October 2025),
 * refreshed once into a lakehouse of their own: the latest year-to-date ranking of the 34 provinces, the changes
 * since the export of 15 October, and the months compared where the exports carry the month before.
 */
class ServiceIndexPageTest extends SparkTestBase {
  private static Path lakehouse;
  private static ReportModel model;

  @BeforeAll
  static void refreshTheExports() throws IOException {
    lakehouse = Files.createTempDirectory("dvcw-766-report");
    Path exports = Path.of("..", "inputs", "service-index").toAbsolutePath().normalize();
    RefreshResult r = refresh(spark(), lakehouse, exports);
    assertTrue(r.exitCode() == 0 || r.exitCode() == 3, "refresh exit " + r.exitCode()); // 3: the exports are stale
    model = new PolicyReport(spark()).build();
  }

  @BeforeEach
  void attach() {
    if (!lakehouse.toString().equals(WarehouseSession.lakehouseOf(spark()))) {
      WarehouseSession.attach(spark(), lakehouse.toString());
    }
  }

  @AfterAll
  static void backToTheSeed() {
    useSeedLakehouse();
  }

  private static ReportTable leaderboard() {
    return model.table("service-index-leaderboard").orElseThrow();
  }

  private static List<String> rowOf(String province) {
    return leaderboard().rows().stream().filter(r -> r.get(1).equals(province)).findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + province));
  }

  @Test
  void theLeaderboardIsTheLatestYearExportOfTheThirtyFourProvincesInRankOrder() {
    List<List<String>> rows = leaderboard().rows();
    assertEquals(34, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(String.valueOf(i + 1), rows.get(i).get(0), "ranks 1 to 34 in order");
    }
    // The view's latest year-to-date rows, read independently of the page's query.
    Map<String, Row> view = rows("SELECT province_name, total_score, rank, total_change, rank_change "
        + "FROM analytics.service_index WHERE unit_level = 'province' AND period_kind = 'year' AND is_latest")
        .stream().collect(Collectors.toMap(r -> r.getString(0), Function.identity()));
    assertEquals(34, view.size());
    for (List<String> row : rows) {
      Row v = view.get(row.get(1));
      assertEquals(String.valueOf(v.getInt(2)), row.get(0), row.get(1));
      assertEquals(ServiceIndexPage.score(v.getDecimal(1)), row.get(2), row.get(1));
      assertEquals(ServiceIndexPage.change(v.getDecimal(3)), row.get(3), row.get(1));
      assertEquals(ServiceIndexPage.rankChange(v.getInt(4)), row.get(4), row.get(1));
    }
  }

  @Test
  void anGiangAndBacNinhAsTheExportOf16OctoberHasThem() {
    // An Giang: 9th with 87.86, 0.02 lower than on 15 October but one place up; its October score 86.74 against
    // the exporter's September total 80.80; only its digitisation is below the provinces' mean.
    assertEquals(List.of("9", "An Giang", "87,86", "-0,02", "+1", "86,74", "+5,94", "Số hoá hồ sơ"), rowOf("An Giang"));
    // Bắc Ninh: first, 0.01 up, same place; no September score in the exports, so no monthly change.
    assertEquals(List.of("1", "Bắc Ninh", "91,70", "+0,01", "0", "91,52", "—", "—"), rowOf("Bắc Ninh"));
    assertEquals("Điểm tháng 10/2025", leaderboard().headers().get(5));
    long withMonthBefore = leaderboard().rows().stream().filter(r -> !r.get(6).equals("—")).count();
    assertEquals(1, withMonthBefore, "only An Giang's own trend sheet carries a month before");
  }

  @Test
  void groupsBelowTheMeanAreTheOnesUnderTheProvincesAverage() {
    double meanDigitisation = ((Number) scalar("SELECT avg(score_digitisation) FROM analytics.service_index "
        + "WHERE unit_level = 'province' AND period_kind = 'year' AND is_latest")).doubleValue();
    long below = count("SELECT count(*) FROM analytics.service_index WHERE unit_level = 'province' "
        + "AND period_kind = 'year' AND is_latest AND score_digitisation < %s", meanDigitisation);
    assertEquals(below, leaderboard().rows().stream().filter(r -> r.get(7).contains("Số hoá hồ sơ")).count());
    List<String> digitisation = model.table("service-index-group-means").orElseThrow().rows().get(2);
    assertEquals(List.of("Số hoá hồ sơ", "22", String.format(java.util.Locale.ROOT, "%.2f", meanDigitisation)
        .replace('.', ','), below + "/34"), digitisation);
  }

  @Test
  void theChartDrawsEveryTotalInRankOrderAndSaysWhichExportItIs() {
    ReportFigure f = model.figure("service-index-ranked").orElseThrow();
    List<ChartData.Point> totals = f.series().get(ServiceIndexCharts.TOTAL);
    assertEquals(34, totals.size());
    assertEquals(new ChartData.Point("Bắc Ninh", 91.70), totals.get(0));
    assertEquals(87.86, f.value(ServiceIndexCharts.TOTAL, "An Giang"), 1e-9);
    assertEquals("01/01/2025 – 16/10/2025", f.period(), "the year to the export's day");
    assertEquals(List.of("Bộ chỉ số 766, Cổng DVCQG: bao_cao_T10_2025.7c5e62b5.xlsx (ban hành 16/10/2025; số liệu đến "
        + "16/10/2025)"), f.sources(), "the export, dated from analytics.documents");
    ReportSection page = model.section(ServiceIndexPage.ID).orElseThrow();
    assertTrue(page.notes().get(0).contains("11:52:57 ngày 16/10/2025"), page.notes().get(0));
    assertTrue(page.notes().get(0).contains("bao_cao_T10_2025.7c5e62b5.xlsx, bảng “Điểm năm”"), page.notes().get(0));
    assertTrue(page.notes().get(0).contains("08:46:24 ngày 15/10/2025"), "the export compared with");
    assertTrue(model.freshness(ServiceIndexPage.ID).orElseThrow().startsWith("bao_cao_T10_2025.7c5e62b5.xlsx"),
        model.freshness(ServiceIndexPage.ID).orElseThrow());
  }

  @Test
  void theOtherPagesSayTheyHaveNoFiguresAndTheHtmlCarriesThePage() {
    assertTrue(model.section(IntegrationPage.ID).orElseThrow().figures().isEmpty());
    String html = HtmlReport.render(model);
    assertTrue(html.contains("<h2 id=\"service-index\">8. Bộ chỉ số 766"), "the page's heading");
    assertTrue(html.contains("<table id=\"service-index-leaderboard\">"));
    assertFalse(html.contains("no 766 export loaded"));
  }
}
