package vn.dvcw.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.knowm.xchart.CategoryChart;

/**
 * DVCQG's 766 service index (Bộ chỉ số 766, Decision 766/QĐ-TTg): totals out of 100, the sum of six group scores.
 * Rows come from analytics.service_index, one snapshot of one period (the report's leaderboard: the latest export
 * of the year to date).
 */
public final class ServiceIndexCharts {
  private ServiceIndexCharts() {}

  public static final String TOTAL = "Tổng điểm / total score";
  public static final String MEAN = "Trung bình các tỉnh / mean of the provinces";

  public static CategoryChart ranked(Dataset<Row> rows) {
    return ranked(rows.collectAsList());
  }

  /**
   * One bar per unit in published rank order (best first), its total score out of 100, and the unweighted mean of
   * the units drawn as a dashed line. Needs unit_name or province_name, rank, total_score.
   */
  public static CategoryChart ranked(List<Row> rows) {
    OnlineRateCharts.requireRows(rows);
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingDouble((Row r) -> RowValues.number(r, "rank")).thenComparing(ServiceIndexCharts::name));
    List<String> names = new ArrayList<>();
    List<Double> totals = new ArrayList<>();
    for (Row r : sorted) {
      names.add(name(r));
      totals.add(RowValues.number(r, "total_score"));
    }
    Provenance p = Provenance.of(rows);
    CategoryChart chart = Bars.chart(p.title("Bộ chỉ số 766: tổng điểm, xếp hạng"),
        "Xếp hạng (cao nhất trước) / ranked, best first", "Điểm (tối đa 100) / points (of 100)", "#0", 1300, 640);
    // The totals sit between about 75 and 95: a floor of 0 would flatten the differences the ranking is about.
    double low = totals.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    chart.getStyler().setYAxisMin(Math.max(0, Math.floor(low / 10) * 10 - 10));
    chart.getStyler().setYAxisMax(100.0);
    Bars.bars(chart, TOTAL, names, totals, ChartStyle.DARK);
    Bars.reference(chart, MEAN, names, totals.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
    return chart;
  }

  /** The province's name on the provinces' ranking, the unit's own name on a province's units. */
  private static String name(Row r) {
    String unitLevel = RowValues.hasColumn(r, "unit_level") ? RowValues.text(r, "unit_level") : "province";
    String column = "province".equals(unitLevel) && RowValues.hasColumn(r, "province_name") ? "province_name"
        : "unit_name";
    return RowValues.text(r, column);
  }
}
