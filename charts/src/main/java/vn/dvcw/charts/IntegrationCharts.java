package vn.dvcw.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.knowm.xchart.CategoryChart;

/**
 * Online public services integrated on DVCQG (Cổng Dịch vụ công quốc gia) per province, against 100%. Rows come
 * from analytics.integration_progress, one snapshot and one geography (the report uses 'current': the former
 * provinces' counts summed over the lineage, shares recomputed).
 */
public final class IntegrationCharts {
  private IntegrationCharts() {}

  public static final String INTEGRATED = "Đã tích hợp trên DVCQG / integrated";

  public static CategoryChart ranked(Dataset<Row> rows) {
    return ranked(rows.collectAsList());
  }

  /** Provinces ranked lowest integrated share first. Needs province_name, integrated_share. */
  public static CategoryChart ranked(List<Row> rows) {
    OnlineRateCharts.requireRows(rows);
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingDouble((Row r) -> RowValues.number(r, "integrated_share"))
        .thenComparing(r -> RowValues.text(r, "province_name")));
    List<String> names = new ArrayList<>();
    List<Double> shares = new ArrayList<>();
    for (Row r : sorted) {
      names.add(RowValues.text(r, "province_name"));
      shares.add(RowValues.number(r, "integrated_share"));
    }
    Provenance p = Provenance.of(rows);
    CategoryChart chart = Bars.chart(p.title("Tỷ lệ dịch vụ công trực tuyến đã tích hợp trên DVCQG"),
        "Tỉnh, thành phố (thấp nhất trước) / province, lowest first",
        "Đã tích hợp (% số DVC trực tuyến) / integrated (% of services)", "#0%", 1300, 640);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(1.05);
    Bars.bars(chart, INTEGRATED, names, shares, ChartStyle.DARK);
    Bars.reference(chart, "Mục tiêu 100% / target", names, 1.0);
    return chart;
  }
}
