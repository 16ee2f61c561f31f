package vn.dvcw.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dvcw.charts.ChartData;
import vn.dvcw.charts.DossierCharts;
import vn.dvcw.charts.IntegrationCharts;
import vn.dvcw.charts.KpiCharts;
import vn.dvcw.charts.OnlineRateCharts;
import vn.dvcw.pipelines.SparkTestBase;

/** The report rendered from the seed lakehouse: every chart there, carrying the views' numbers. */
class ReportTest extends SparkTestBase {
  static final List<String> FIGURES = List.of("online-rate-ranked", "online-rate-trend-span", "online-rate-trend-day",
      "integration-ranked", "dossier-overdue-late", "kpi-breaches-online_rate", "kpi-breaches-overdue_rate",
      "readiness-coverage", "readiness-criteria", "reconciliation-status");
  private static ReportModel model;

  @BeforeAll
  static void build() {
    useSeedLakehouse();
    model = new PolicyReport(spark()).build();
  }

  @BeforeEach
  void attach() {
    useSeedLakehouse();
  }

  private static ReportFigure figure(String id) {
    return model.figure(id).orElseThrow(() -> new AssertionError("no figure " + id));
  }

  @Test
  void everyChartStatesTitleUnitsPeriodGeographyAndDatedSources() throws IOException {
    assertEquals(List.of("online-rate", "integration", "dossiers", "kpi-breaches", "readiness", "data-quality",
            "dossier-feed", "service-index"),
        model.sections().stream().map(ReportSection::id).toList());
    for (String id : FIGURES) {
      ReportFigure f = figure(id);
      assertFalse(f.title().isBlank(), id);
      assertFalse(f.units().isBlank(), id);
      assertTrue(f.period().matches("\\d\\d/\\d\\d/\\d{4}( – \\d\\d/\\d\\d/\\d{4})?"), id + ": " + f.period());
      assertTrue(f.geography().contains(id.startsWith("reconciliation") ? "từng văn bản" : "34 tỉnh"),
          id + ": " + f.geography());
      assertFalse(f.sources().isEmpty(), id);
      // Every source is matched to its document; only the reconciliation chart names undated ones (the article).
      String dated = id.startsWith("reconciliation") ? ".*\\((ban hành \\d\\d/\\d\\d/\\d{4}|không ghi ngày ban hành).*"
          : ".*\\(ban hành \\d\\d/\\d\\d/\\d{4}; số liệu đến \\d\\d/\\d\\d/\\d{4}\\)";
      assertTrue(f.sources().stream().allMatch(s -> s.matches(dated)), id + " sources carry dates: " + f.sources());
      assertFalse(f.synthetic(), id + ": the seed documents are real");
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(f.png()));
      assertNotNull(img, id + " is a PNG");
      assertTrue(img.getWidth() >= 900 && img.getHeight() >= 450, id + " " + img.getWidth() + "x" + img.getHeight());
    }
    assertEquals(FIGURES.size(), model.sections().stream().mapToInt(s -> s.figures().size()).sum());
  }

  @Test
  void rankedOnlineRateIsTheViewsLatestPeriod() {
    ReportFigure f = figure("online-rate-ranked");
    assertEquals("01/07/2025 – 09/08/2025", f.period());
    assertEquals(0.333414, f.value(OnlineRateCharts.BELOW, "Sơn La"), 0);
    List<Row> view = rows("SELECT province_name, online_rate, meets_target FROM analytics.online_rate_trend "
        + "WHERE level = 'all' AND period_start = DATE'2025-07-01' AND period_end = DATE'2025-08-09'");
    assertEquals(34, view.size());
    for (Row r : view) {
      String series = r.getBoolean(2) ? OnlineRateCharts.MEETS : OnlineRateCharts.BELOW;
      assertEquals(r.getDecimal(1).doubleValue(), f.value(series, r.getString(0)), 0, r.getString(0));
      assertEquals(0.70, f.value("Mục tiêu 70% / target", r.getString(0)), 1e-12);
    }
    List<ChartData.Point> below = f.series().get(OnlineRateCharts.BELOW);
    assertEquals("Sơn La", below.get(0).x(), "lowest first");
    assertEquals(count("SELECT count(*) FROM analytics.online_rate_trend WHERE level = 'all' "
        + "AND period_start = DATE'2025-07-01' AND NOT meets_target"), below.size());
  }

  @Test
  void trendsFollowTheNationRateAndTheLowestProvincesWithTheReorganisationMarked() {
    ReportFigure span = figure("online-rate-trend-span");
    double national = ((Number) scalar("SELECT sum(online) / sum(total) FROM analytics.online_rate_trend "
        + "WHERE level = 'all' AND period_kind = 'span' AND period_end = DATE'2025-08-09'")).doubleValue();
    assertEquals(national, span.value(OnlineRateCharts.NATIONAL, "2025-08-09"), 1e-9);
    assertEquals(0.333414, span.value("Sơn La", "2025-08-09"), 0);
    assertEquals(2 + OnlineRatePage.TREND_PROVINCES + 1, span.series().size(), "nation, 5 provinces, target, marker");
    assertEquals(List.of(new ChartData.Point("2025-07-01", 0), new ChartData.Point("2025-07-01", 1)),
        span.series().get(OnlineRateCharts.REORGANISATION_SERIES));
    ReportFigure day = figure("online-rate-trend-day");
    assertEquals("09/08/2025", day.period());
    assertEquals(((Number) scalar("SELECT online_rate FROM analytics.online_rate_trend WHERE level = 'all' "
        + "AND period_kind = 'day' AND province_name = 'Sơn La'")).doubleValue(), day.value("Sơn La", "2025-08-09"), 0);
  }

  @Test
  void integrationIsRolledUpToTodaysProvinces() {
    ReportFigure f = figure("integration-ranked");
    assertEquals(4816.0 / 5469, f.value(IntegrationCharts.INTEGRATED, "Hồ Chí Minh"), 5e-7);
    assertEquals(34, f.series().get(IntegrationCharts.INTEGRATED).size());
    for (Row r : rows("SELECT province_name, integrated_share FROM analytics.integration_progress "
        + "WHERE geography = 'current'")) {
      assertEquals(r.getDecimal(1).doubleValue(), f.value(IntegrationCharts.INTEGRATED, r.getString(0)), 0);
      assertEquals(1.0, f.value("Mục tiêu 100% / target", r.getString(0)), 0);
    }
    ReportTable t = model.table("integration-table").orElseThrow();
    assertTrue(t.rows().contains(List.of("Hồ Chí Minh", "5.469", "4.816", "653", "88,06%", "3")), t.rows().toString());
  }

  @Test
  void overdueAndLateSharesAreTheLettersPerProvince() {
    ReportFigure f = figure("dossier-overdue-late");
    List<Row> view = rows("SELECT province_name, overdue_share, received_late_share FROM analytics.dossier_receipt "
        + "WHERE geography = 'current' AND period_end = DATE'2025-07-31'");
    assertEquals(view.size(), f.series().get(DossierCharts.OVERDUE).size());
    for (Row r : view) {
      assertEquals(r.getDecimal(1).doubleValue(), f.value(DossierCharts.OVERDUE, r.getString(0)), 0);
      assertEquals(r.getDecimal(2).doubleValue(), f.value(DossierCharts.LATE, r.getString(0)), 0);
    }
    double ceiling = ((Number) scalar("SELECT max(threshold) FROM ref.kpi_target WHERE kpi = 'overdue_rate'"))
        .doubleValue();
    assertTrue(f.series().keySet().stream().anyMatch(k -> k.startsWith("Ngưỡng quá hạn")), f.series().keySet().toString());
    assertTrue(f.series().entrySet().stream().filter(e -> e.getKey().startsWith("Ngưỡng quá hạn"))
        .allMatch(e -> e.getValue().stream().allMatch(p -> p.y() == ceiling)));
  }

  @Test
  void breachListsAreTheViewsListsInRankOrder() {
    long breaches = count("SELECT count(*) FROM analytics.kpi_breaches WHERE geography = 'current'");
    List<ReportTable> lists = model.sections().get(3).tables();
    assertEquals(breaches, lists.stream().mapToLong(t -> t.rows().size()).sum());
    ReportTable online = model.table("kpi-list-online_rate-2025-07-01-2025-08-09-all").orElseThrow();
    assertEquals(List.of("1", "Sơn La", "33,34%", "70,00%", "-36,66", "27.558 / 82.654"), online.rows().get(0));
    ReportFigure gaps = figure("kpi-breaches-online_rate");
    List<Row> view = rows("SELECT province_name, gap_pct FROM analytics.kpi_breaches WHERE geography = 'current' "
        + "AND kpi = 'online_rate' AND level = 'all' AND period_start = DATE'2025-07-01' ORDER BY rank_in_kpi");
    assertEquals(view.stream().map(r -> new ChartData.Point(r.getString(0), r.getDecimal(1).doubleValue())).toList(),
        gaps.series().get(KpiCharts.GAP));
    assertTrue(model.sections().get(3).notes().stream().anyMatch(n -> n.contains("Tỷ lệ thanh toán trực tuyến")),
        "KPIs without data are named: " + model.sections().get(3).notes());
  }

  @Test
  void readinessHeatMapsCarryEveryPrintedShareAndNoInventedOnes() {
    ReportFigure coverage = figure("readiness-coverage");
    for (Row r : rows("SELECT indicator_label, province_name, share FROM analytics.commune_readiness "
        + "WHERE indicator NOT LIKE 'crit%'")) {
      assertEquals(r.getDecimal(2).doubleValue(), coverage.value(r.getString(0), r.getString(1)), 0);
    }
    assertEquals(4, coverage.series().size());
    ReportFigure criteria = figure("readiness-criteria");
    assertEquals(16, criteria.series().size());
    long cells = count("SELECT count(*) FROM analytics.commune_readiness WHERE indicator LIKE 'crit%'");
    assertEquals(cells, criteria.series().values().stream().mapToLong(List::size).sum(), "missing rows stay empty");
  }

  @Test
  void dataQualityShowsEveryFindingAndTheQuarantine() {
    ReportFigure f = figure("reconciliation-status");
    Map<String, Double> byStatus = f.series().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        e -> e.getValue().stream().mapToDouble(ChartData.Point::y).sum()));
    assertFalse(byStatus.containsKey("match"), "matches are counted in words, not drawn");
    for (Row r : rows("SELECT status, count(*) FROM analytics.reconciliation WHERE status <> 'match' GROUP BY status")) {
      assertEquals(r.getLong(1), byStatus.get(r.getString(0)), 0, r.getString(0));
    }
    assertEquals(8.0, byStatus.get("mismatch"), 0);
    long matches = count("SELECT count(*) FROM analytics.reconciliation WHERE status = 'match'");
    assertTrue(model.sections().get(5).notes().get(0).startsWith(matches + " phép kiểm khớp"),
        model.sections().get(5).notes().toString());
    assertEquals(count("SELECT count(*) FROM analytics.reconciliation WHERE status <> 'match'"),
        model.table("reconciliation-findings").orElseThrow().rows().size());
    assertEquals(count("SELECT count(*) FROM ops.quarantine"), model.table("quarantine").orElseThrow().rows().size());
  }

  @Test
  void withoutA766ExportTheIndexPageSaysSoAndDrawsNothing() {
    assertEquals(0, count("SELECT count(*) FROM analytics.service_index"), "the seed documents hold no 766 export");
    ReportSection page = model.section(ServiceIndexPage.ID).orElseThrow();
    assertEquals(List.of(), page.figures());
    assertEquals(List.of(), page.tables());
    assertEquals(1, page.notes().size());
    assertTrue(page.notes().get(0).contains("no 766 export loaded"), page.notes().toString());
  }

  @Test
  void theReportSaysWhichLakehouseVersionItShows() {
    Row run = rows("SELECT run_id, table_versions FROM ops.refresh_run ORDER BY started_at DESC LIMIT 1").get(0);
    assertEquals(run.getString(0), model.version().runId());
    Map<String, Object> versions = run.getJavaMap(1);
    assertEquals(versions.size(), model.version().tableVersions().size());
    versions.forEach((k, v) -> assertEquals(((Number) v).longValue(), model.version().tableVersions().get(k), k));
  }

  @Test
  void theHtmlIsOneSelfContainedFile(@TempDir Path dir) throws IOException {
    Path written = Path.of(new PolicyReport(spark()).write(model, dir.toString()).toUri());
    assertEquals(dir.resolve(ReportOutput.fileName(model.version().runId())), written);
    String html = Files.readString(written, StandardCharsets.UTF_8);
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("<meta charset=\"utf-8\">"));
    for (ReportSection s : model.sections()) {
      assertTrue(html.contains("<h2 id=\"" + s.id() + "\">" + HtmlReport.esc(s.heading())), s.id());
    }
    Matcher img = Pattern.compile("<img [^>]*src=\"([^\"]*)\"").matcher(html);
    int images = 0;
    while (img.find()) {
      assertTrue(img.group(1).startsWith("data:image/png;base64,"), "embedded image");
      images++;
    }
    assertEquals(FIGURES.size(), images);
    assertFalse(html.contains("<script"), "no script to fail offline");
    assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no external reference");
    assertTrue(html.contains(model.version().runId()));
    assertTrue(html.contains("Sơn La"));
    assertFalse(Files.exists(dir.resolve("." + written.getFileName() + ".tmp")), "temporary file renamed away");
  }

  @Test
  void syntheticFiguresAreLabelledOnThePage() {
    ReportFigure real = figure("integration-ranked");
    ReportFigure synthetic = new ReportFigure("x", real.title(), real.units(), real.period(), real.geography(),
        List.of("synthetic test source"), true, real.series(), real.png());
    ReportModel m = new ReportModel(model.builtAt(), model.lakehouse(), model.version(), List.of(
        new ReportSection("s", "Thử", "Test", List.of(), List.of(synthetic), List.of())));
    String html = HtmlReport.render(m);
    assertTrue(m.usesSyntheticData());
    assertTrue(html.contains("class=\"synthetic\""));
    assertTrue(html.contains("<dt>Lưu ý:</dt><dd>DỮ LIỆU TỔNG HỢP (synthetic data)</dd>"), html);
    assertFalse(HtmlReport.render(model).contains("class=\"synthetic\""), "the seed report has no synthetic data");
  }

  @Test
  void theHeaderSaysHowFreshEachPagesSourcesAre() {
    // Tests count ages to 2025-08-10 (SparkTestBase): the integration letter of 09/6 is exactly at its limit.
    assertEquals("5085/VPCP-KSTT: số liệu đến 09/06/2025, 62 ngày / days, còn mới / fresh (giới hạn / limit 62 ngày)",
        model.freshness("integration").orElseThrow());
    assertEquals("20-BCHN/CQTTBCĐ: số liệu đến 09/08/2025, 1 ngày / days, còn mới / fresh (giới hạn / limit 3 ngày)",
        model.freshness("readiness").orElseThrow());
    assertEquals("không dẫn nguồn có ngày / no dated source cited", model.freshness("dossier-feed").orElseThrow());
    String html = HtmlReport.render(model);
    assertTrue(html.contains("<span id=\"freshness-integration\">5085/VPCP-KSTT: số liệu đến 09/06/2025"),
        "the header carries each page's line");
  }
}
