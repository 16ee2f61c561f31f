package vn.dvcw.charts;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The steering committee's commune readiness figures as a heat map: provinces down, indicators across, the
 * share of communes in each cell. Rows come from analytics.commune_readiness for one report date. A province
 * the report printed no figure for has an empty cell, never a zero.
 */
public final class ReadinessCharts {
  private ReadinessCharts() {}

  public static HeatMapChart heatMap(Dataset<Row> rows, String subject) {
    return heatMap(rows.collectAsList(), subject);
  }

  /**
   * Columns in the order the indicators first appear in the rows (sort the rows by indicator to choose), provinces
   * alphabetical by code. Needs province_code, province_name, indicator_label, share.
   */
  public static HeatMapChart heatMap(List<Row> rows, String subject) {
    OnlineRateCharts.requireRows(rows);
    Map<String, Integer> columns = new LinkedHashMap<>();
    TreeMap<String, String> provinces = new TreeMap<>();
    for (Row r : rows) {
      columns.putIfAbsent(RowValues.text(r, "indicator_label"), columns.size());
      provinces.put(RowValues.text(r, "province_code"), RowValues.text(r, "province_name"));
    }
    // Heat maps draw row 0 at the bottom: list provinces in reverse so the first code reads at the top.
    List<String> codes = new ArrayList<>(provinces.descendingKeySet());
    List<String> names = codes.stream().map(provinces::get).toList();
    List<Number[]> cells = new ArrayList<>();
    for (Row r : rows) {
      double share = RowValues.number(r, "share");
      if (!Double.isNaN(share)) {
        cells.add(new Number[] {columns.get(RowValues.text(r, "indicator_label")),
            codes.indexOf(RowValues.text(r, "province_code")), share});
      }
    }
    Provenance p = Provenance.of(rows);
    HeatMapChart chart = new HeatMapChartBuilder().width(Math.max(1150, 200 + 70 * columns.size())) // the title needs ~1100 px
        .height(320 + 24 * codes.size()).title(p.title(subject))
        .xAxisTitle("Chỉ tiêu / indicator").yAxisTitle("Tỉnh, thành phố / province").build();
    ChartStyle.apply(chart.getStyler());
    chart.getStyler().setXAxisLabelRotation(60);
    chart.getStyler().setXAxisTickMarkSpacingHint(10); // name every indicator and every province, none skipped
    chart.getStyler().setYAxisTickMarkSpacingHint(10);
    chart.getStyler().setRangeColors(ChartStyle.HEAT);
    chart.getStyler().setMin(0.0);
    chart.getStyler().setMax(1.0);
    chart.getStyler().setShowValue(true);
    chart.getStyler().setValueFont(ChartStyle.font(Font.PLAIN, 10));
    chart.getStyler().setValueFontColor(Color.BLACK);
    chart.getStyler().setHeatMapValueDecimalPattern("#0%");
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setPlotContentSize(1.0);
    chart.addSeries("% xã / % of communes", new ArrayList<>(columns.keySet()), names, cells);
    return chart;
  }
}
