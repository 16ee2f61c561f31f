package vn.dvcw.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.knowm.xchart.CategoryChart;

/**
 * Online dossiers from DVCQG that went wrong, per province: overdue in processing and received late (not
 * accepted within one working day), as shares of dossiers received and processed. Rows come from
 * analytics.dossier_receipt, one period and geography.
 */
public final class DossierCharts {
  private DossierCharts() {}

  public static final String OVERDUE = "Quá hạn đang xử lý / overdue in processing";
  public static final String LATE = "Tiếp nhận muộn / received late";

  public static CategoryChart overdueAndLate(Dataset<Row> rows, Double overdueCeiling) {
    return overdueAndLate(rows.collectAsList(), overdueCeiling);
  }

  /**
   * Provinces by overdue share, worst first, the late-received share beside it, and the overdue KPI ceiling
   * (from ref.kpi_target) as a dashed line when given. Needs province_name, overdue_share, received_late_share.
   */
  public static CategoryChart overdueAndLate(List<Row> rows, Double overdueCeiling) {
    OnlineRateCharts.requireRows(rows);
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingDouble((Row r) -> -RowValues.number(r, "overdue_share"))
        .thenComparing(r -> RowValues.text(r, "province_name")));
    List<String> names = new ArrayList<>();
    List<Double> overdue = new ArrayList<>();
    List<Double> late = new ArrayList<>();
    for (Row r : sorted) {
      names.add(RowValues.text(r, "province_name"));
      overdue.add(RowValues.number(r, "overdue_share"));
      late.add(RowValues.number(r, "received_late_share"));
    }
    Provenance p = Provenance.of(rows);
    CategoryChart chart = Bars.chart(p.title("Hồ sơ trực tuyến từ DVCQG quá hạn và tiếp nhận muộn"),
        "Tỉnh, thành phố (quá hạn nhiều nhất trước) / province, most overdue first",
        "% hồ sơ đã tiếp nhận và xử lý / % of dossiers received and processed", "#0.0%", 1300, 640);
    chart.getStyler().setOverlapped(false);
    Bars.bars(chart, OVERDUE, names, overdue, ChartStyle.DARK);
    Bars.bars(chart, LATE, names, late, ChartStyle.LIGHT);
    if (overdueCeiling != null) {
      Bars.reference(chart, String.format("Ngưỡng quá hạn %.0f%% / overdue ceiling", overdueCeiling * 100), names,
          overdueCeiling);
    }
    return chart;
  }
}
