package vn.dvcw.charts;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import vn.dvcw.core.geo.Era;

/**
 * Online submission rate (online / total dossiers) per province against the KPI target (70%, Công văn
 * 585/BKHCN-CĐSQG). Rows come from analytics.online_rate_trend (or analytics.online_rate, current geography).
 */
public final class OnlineRateCharts {
  private OnlineRateCharts() {}

  /** The day the 63 provinces became 34 (Resolution 202/2025/QH15): marked on every trend. */
  public static final LocalDate REORGANISATION = Era.REORGANISATION_DATE;
  public static final String BELOW = "Chưa đạt mục tiêu / below target";
  public static final String MEETS = "Đạt mục tiêu / meets target";
  public static final String NATIONAL = "Cả nước / all provinces";
  public static final String REORGANISATION_SERIES = "Sắp xếp ĐVHC 01/7/2025 / reorganisation";

  public static CategoryChart ranked(Dataset<Row> rows) {
    return ranked(rows.collectAsList());
  }

  /**
   * One period and level, provinces ranked lowest rate first; bars below the target dark, those meeting it light;
   * the target as a dashed line. Needs province_name, online_rate, target.
   */
  public static CategoryChart ranked(List<Row> rows) {
    requireRows(rows);
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingDouble((Row r) -> RowValues.number(r, "online_rate"))
        .thenComparing(r -> RowValues.text(r, "province_name")));
    double target = RowValues.number(sorted.get(0), "target");
    List<String> names = new ArrayList<>();
    List<Double> below = new ArrayList<>();
    List<Double> meets = new ArrayList<>();
    for (Row r : sorted) {
      double rate = RowValues.number(r, "online_rate");
      names.add(RowValues.text(r, "province_name"));
      below.add(rate < target ? rate : null);
      meets.add(rate >= target ? rate : null);
    }
    Provenance p = Provenance.of(rows);
    CategoryChart chart = Bars.chart(p.title("Tỷ lệ hồ sơ nộp trực tuyến theo tỉnh, thành phố"),
        "Tỉnh, thành phố (thấp nhất trước) / province, lowest first",
        "Tỷ lệ trực tuyến (% hồ sơ) / online share (% of dossiers)", "#0%", 1300, 640);
    Bars.bars(chart, BELOW, names, below, ChartStyle.DARK);
    Bars.bars(chart, MEETS, names, meets, ChartStyle.LIGHT);
    Bars.reference(chart, targetName(target), names, target);
    return chart;
  }

  public static XYChart trend(Dataset<Row> rows, List<String> provinceCodes) {
    return trend(rows.collectAsList(), provinceCodes);
  }

  /**
   * The rate over time, each period drawn at its last day: the national rate (re-computed from summed counts,
   * never averaged) and the named provinces, with the target and the 1 July 2025 reorganisation marked. Pass rows
   * of one level and one period kind (days, or cumulative spans): mixing them would draw a day beside a month.
   * Needs province_code, province_name, period_end, online, total, target.
   */
  public static XYChart trend(List<Row> rows, List<String> provinceCodes) {
    requireRows(rows);
    Map<LocalDate, long[]> national = new TreeMap<>();
    Map<String, TreeMap<LocalDate, Double>> provinces = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (String code : provinceCodes) {
      provinces.put(code, new TreeMap<>());
    }
    for (Row r : rows) {
      LocalDate end = RowValues.date(r, "period_end");
      long[] sums = national.computeIfAbsent(end, d -> new long[2]);
      sums[0] += RowValues.count(r, "online");
      sums[1] += RowValues.count(r, "total");
      String code = RowValues.text(r, "province_code");
      if (provinces.containsKey(code)) {
        provinces.get(code).put(end, RowValues.number(r, "online_rate"));
        names.put(code, RowValues.text(r, "province_name"));
      }
    }
    double target = RowValues.number(rows.get(0), "target");
    Provenance p = Provenance.of(rows);
    XYChart chart = new XYChartBuilder().width(1300).height(600)
        .title(p.title("Diễn biến tỷ lệ hồ sơ nộp trực tuyến"))
        .xAxisTitle("Ngày cuối kỳ số liệu / last day of the period")
        .yAxisTitle("Tỷ lệ trực tuyến (% hồ sơ) / online share (%)").build();
    ChartStyle.apply(chart.getStyler());
    chart.getStyler().setYAxisDecimalPattern("#0%");
    chart.getStyler().setDatePattern("dd/MM/yyyy");
    chart.getStyler().setTimezone(java.util.TimeZone.getTimeZone("UTC")); // dates are built at UTC midnight
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(1.0);

    List<Date> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    national.forEach((d, s) -> {
      xs.add(date(d));
      ys.add(s[1] > 0 ? (double) s[0] / s[1] : Double.NaN);
    });
    int i = 0;
    style(chart.addSeries(NATIONAL, xs, ys), i++);
    for (Map.Entry<String, TreeMap<LocalDate, Double>> e : provinces.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      List<Date> px = e.getValue().keySet().stream().map(OnlineRateCharts::date).toList();
      style(chart.addSeries(names.get(e.getKey()), px, new ArrayList<>(e.getValue().values())), i++);
    }
    LocalDate first = national.keySet().iterator().next();
    LocalDate last = ((TreeMap<LocalDate, long[]>) national).lastKey();
    LocalDate from = first.isBefore(REORGANISATION) ? first : REORGANISATION.minusDays(1);
    // A few days' margin so the first and last points do not sit on the plot border.
    chart.getStyler().setXAxisMin((double) date(from.minusDays(2)).getTime());
    chart.getStyler().setXAxisMax((double) date(last.plusDays(3)).getTime());
    reference(chart, targetName(target), List.of(date(from), date(last)), List.of(target, target));
    XYSeries marker = reference(chart, REORGANISATION_SERIES, List.of(date(REORGANISATION), date(REORGANISATION)),
        List.of(0.0, 1.0));
    marker.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DOT_DOT);
    return chart;
  }

  static String targetName(double target) {
    return String.format("Mục tiêu %.0f%% / target", target * 100);
  }

  private static void style(XYSeries s, int i) {
    s.setLineColor(ChartStyle.SERIES[i % ChartStyle.SERIES.length]);
    s.setMarkerColor(ChartStyle.SERIES[i % ChartStyle.SERIES.length]);
    s.setMarker(ChartStyle.MARKERS[i % ChartStyle.MARKERS.length]);
    s.setLineStyle(ChartStyle.LINES[i % ChartStyle.LINES.length]);
  }

  private static XYSeries reference(XYChart chart, String name, List<Date> x, List<Double> y) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setLineColor(ChartStyle.REFERENCE);
    s.setLineStyle(ChartStyle.REFERENCE_LINE);
    s.setMarker(SeriesMarkers.NONE);
    return s;
  }

  private static Date date(LocalDate d) {
    return Date.from(d.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  static void requireRows(List<Row> rows) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("no rows to chart");
    }
  }
}
