package vn.dvcw.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;

/** The chart builders on hand-made rows: which series carry which values, and what the title states. */
@Tag("fast")
class OnlineRateChartsTest {
  private static final StructType TREND = StructType.fromDDL("province_code STRING, province_name STRING, "
      + "period_start DATE, period_end DATE, level STRING, online BIGINT, total BIGINT, online_rate DECIMAL(9,6), "
      + "target DECIMAL(9,4), geography STRING, sources STRING");

  private static Row trend(String code, String name, String start, String end, long online, long total, String source) {
    return new GenericRowWithSchema(new Object[] {code, name, Date.valueOf(start), Date.valueOf(end), "all", online,
        total, BigDecimal.valueOf(Math.round(online * 1e6 / total), 6), new BigDecimal("0.7000"), "current", source},
        TREND);
  }

  private final List<Row> rows = List.of(
      trend("14", "Sơn La", "2025-07-01", "2025-08-09", 27558, 82654, "report 20-BCHN dossiers_cumulative"),
      trend("01", "Hà Nội", "2025-07-01", "2025-08-09", 800, 1000, "report 20-BCHN dossiers_cumulative"),
      trend("14", "Sơn La", "2025-06-01", "2025-06-30", 10, 100, "report 19-BCHN dossiers_cumulative"),
      trend("01", "Hà Nội", "2025-06-01", "2025-06-30", 30, 100, "report 19-BCHN dossiers_cumulative"));

  @Test
  void rankedSplitsBelowAndAboveTargetAndDrawsTheTarget() {
    CategoryChart chart = OnlineRateCharts.ranked(rows.subList(0, 2));
    Map<String, List<ChartData.Point>> s = ChartData.series(chart);
    assertEquals(List.of(new ChartData.Point("Sơn La", 0.333414)), s.get(OnlineRateCharts.BELOW));
    assertEquals(List.of(new ChartData.Point("Hà Nội", 0.8)), s.get(OnlineRateCharts.MEETS));
    assertEquals(List.of(0.7, 0.7), s.get("Mục tiêu 70% / target").stream().map(ChartData.Point::y).toList());
    assertTrue(chart.getTitle().contains("01/07/2025 – 09/08/2025"), chart.getTitle());
    assertFalse(chart.getTitle().contains(Provenance.SYNTHETIC_LABEL));
  }

  @Test
  void trendRecomputesTheNationalRateFromSumsAndMarksTheReorganisation() {
    XYChart chart = OnlineRateCharts.trend(rows, List.of("14"));
    Map<String, List<ChartData.Point>> s = ChartData.series(chart);
    // (27558 + 800) / (82654 + 1000), not the mean of 0.333414 and 0.8
    assertEquals(28358.0 / 83654, ChartData.value(s, OnlineRateCharts.NATIONAL, "2025-08-09"), 1e-12);
    assertEquals(40.0 / 200, ChartData.value(s, OnlineRateCharts.NATIONAL, "2025-06-30"), 1e-12);
    assertEquals(0.333414, ChartData.value(s, "Sơn La", "2025-08-09"), 1e-12);
    assertFalse(s.containsKey("Hà Nội"), "only the named provinces get a line");
    assertEquals(List.of("2025-07-01", "2025-07-01"),
        s.get(OnlineRateCharts.REORGANISATION_SERIES).stream().map(ChartData.Point::x).toList());
    assertTrue(chart.getTitle().contains("01/06/2025 – 09/08/2025"), chart.getTitle());
  }

  @Test
  void syntheticRowsAreLabelledInTheTitleAndFooter() throws IOException {
    List<Row> synthetic = List.of(rows.get(0),
        trend("01", "Hà Nội", "2025-07-01", "2025-08-09", 800, 1000, "synthetic generator v1"));
    CategoryChart chart = OnlineRateCharts.ranked(synthetic);
    assertTrue(chart.getTitle().startsWith("[" + Provenance.SYNTHETIC_LABEL + "]"), chart.getTitle());
    Provenance p = Provenance.of(synthetic);
    assertTrue(p.synthetic());
    assertTrue(p.footer(List.of()).stream().anyMatch(l -> l.startsWith(Provenance.SYNTHETIC_LABEL)));
    byte[] plain = ChartImages.png(chart);
    byte[] withFooter = ChartImages.png(chart, p.footer(List.of()));
    BufferedImage a = ImageIO.read(new ByteArrayInputStream(plain));
    BufferedImage b = ImageIO.read(new ByteArrayInputStream(withFooter));
    assertEquals(chart.getWidth(), a.getWidth());
    assertEquals(chart.getHeight(), a.getHeight());
    assertTrue(b.getHeight() > a.getHeight(), "the footer adds lines under the plot");
  }

  @Test
  void heatMapLeavesMissingCellsEmptyRatherThanZero() {
    StructType schema = StructType.fromDDL("as_of_date DATE, province_code STRING, province_name STRING, "
        + "geography STRING, indicator STRING, indicator_label STRING, share DECIMAL(9,6), source STRING");
    Date d = Date.valueOf("2025-08-09");
    List<Row> cells = List.of(
        new GenericRowWithSchema(new Object[] {d, "01", "Hà Nội", "current", "a", "Tiêu chí A", new BigDecimal("0.5"), "r"}, schema),
        new GenericRowWithSchema(new Object[] {d, "01", "Hà Nội", "current", "b", "Tiêu chí B", new BigDecimal("1"), "r"}, schema),
        new GenericRowWithSchema(new Object[] {d, "14", "Sơn La", "current", "a", "Tiêu chí A", new BigDecimal("0.25"), "r"}, schema));
    HeatMapChart chart = ReadinessCharts.heatMap(cells, "Thử");
    Map<String, List<ChartData.Point>> s = ChartData.series(chart);
    assertEquals(0.25, ChartData.value(s, "Tiêu chí A", "Sơn La"));
    assertEquals(0.5, ChartData.value(s, "Tiêu chí A", "Hà Nội"));
    assertEquals(List.of(new ChartData.Point("Hà Nội", 1.0)), s.get("Tiêu chí B"));
    assertTrue(ChartImages.png(chart).length > 1000);
  }
}
