package vn.dvcw.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.knowm.xchart.CategoryChart;

/** How far each breaching province is from a KPI threshold. Rows: analytics.kpi_breaches, one KPI list. */
public final class KpiCharts {
  private KpiCharts() {}

  public static final String GAP = "Chênh lệch so với ngưỡng (điểm %) / gap to threshold (pp)";

  public static CategoryChart breachGaps(Dataset<Row> rows, String kpiLabel) {
    return breachGaps(rows.collectAsList(), kpiLabel);
  }

  /**
   * One bar per breaching province in rank order (worst first), the gap in percentage points (negative: short of a
   * floor; positive: over a ceiling). Needs province_name, gap_pct, rank_in_kpi.
   */
  public static CategoryChart breachGaps(List<Row> rows, String kpiLabel) {
    OnlineRateCharts.requireRows(rows);
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingLong((Row r) -> RowValues.count(r, "rank_in_kpi")));
    List<String> names = new ArrayList<>();
    List<Double> gaps = new ArrayList<>();
    for (Row r : sorted) {
      names.add(RowValues.text(r, "province_name"));
      gaps.add(RowValues.number(r, "gap_pct"));
    }
    Provenance p = Provenance.of(rows);
    CategoryChart chart = Bars.chart(p.title("Vi phạm chỉ tiêu: " + kpiLabel),
        "Tỉnh, thành phố (xa ngưỡng nhất trước) / province, furthest first", "Điểm phần trăm / percentage points",
        "#0.0", 1000, 520);
    Bars.bars(chart, GAP, names, gaps, ChartStyle.DARK);
    return chart;
  }
}
