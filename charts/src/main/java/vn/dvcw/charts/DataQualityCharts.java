package vn.dvcw.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

/**
 * Reconciliation of each document: how many of its printed totals, rates and claims do not match their rows, by
 * result. Rows: (document, status, checks) counted from analytics.reconciliation (pass the statuses to draw).
 */
public final class DataQualityCharts {
  private DataQualityCharts() {}

  /** Statuses in reading order, each with a fill whose lightness sets it apart in greyscale. */
  private static final Map<String, Color> STATUS = new LinkedHashMap<>();

  static {
    STATUS.put("mismatch", ChartStyle.DARK);
    STATUS.put("missing_rows", new Color(0xA63603));
    STATUS.put("rounding", ChartStyle.MIDDLE);
    STATUS.put("unverifiable", new Color(0x737373));
    STATUS.put("note", new Color(0xBDBDBD));
    STATUS.put("match", ChartStyle.LIGHT);
  }

  /** Documents without a number are named by their title: cut it so the axis label stays on the chart. */
  static String shortName(String document) {
    return document.length() <= 32 ? document : document.substring(0, 31) + "…";
  }

  public static CategoryChart reconciliationStatus(Dataset<Row> rows) {
    return reconciliationStatus(rows.collectAsList());
  }

  /** Stacked bars, one per document, a segment per status. Needs document, status, checks. */
  public static CategoryChart reconciliationStatus(List<Row> rows) {
    OnlineRateCharts.requireRows(rows);
    TreeSet<String> documents = new TreeSet<>();
    TreeSet<String> statuses = new TreeSet<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Row r : rows) {
      String doc = shortName(RowValues.text(r, "document"));
      String status = RowValues.text(r, "status");
      documents.add(doc);
      statuses.add(status);
      counts.merge(doc + "\u0000" + status, RowValues.count(r, "checks"), Long::sum);
    }
    CategoryChart chart = new CategoryChartBuilder().width(1100).height(520)
        .title("Đối soát số liệu: phát hiện theo văn bản / reconciliation findings by document")
        .xAxisTitle("Văn bản / document").yAxisTitle("Số phát hiện / findings (count)").build();
    ChartStyle.apply(chart.getStyler());
    chart.getStyler().setStacked(true);
    chart.getStyler().setYAxisDecimalPattern("#,##0");
    chart.getStyler().setLabelsVisible(false);
    List<String> x = new ArrayList<>(documents);
    List<String> ordered = new ArrayList<>();
    STATUS.keySet().stream().filter(statuses::contains).forEach(ordered::add);
    statuses.stream().filter(s -> !STATUS.containsKey(s)).forEach(ordered::add);
    for (String status : ordered) {
      List<Long> y = x.stream().map(doc -> counts.getOrDefault(doc + "\u0000" + status, 0L)).toList();
      CategorySeries s = chart.addSeries(status, x, y);
      Color c = STATUS.getOrDefault(status, Color.GRAY);
      s.setFillColor(c);
      s.setLineColor(c.darker());
    }
    return chart;
  }
}
