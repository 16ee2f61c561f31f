package vn.dvcw.notebooks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Small XChart builders from DataFrames, for notebooks: a bar per category, a line per series, a target
 * line. Show one with {@code dvcw.chart(chart)}. The DataFrame is collected: aggregate it first.
 */
public final class Charts {
  private Charts() {}

  static final int WIDTH = 960;
  static final int WIDE = 1400;
  static final int HEIGHT = 520;

  /** One bar per row: categories from one column, one series per value column, in the DataFrame's order. */
  public static CategoryChart bar(Dataset<Row> df, String title, String category, String... values) {
    List<Row> rows = df.select(category, values).collectAsList();
    List<String> categories = rows.stream().map(r -> String.valueOf(r.<Object>getAs(category))).toList();
    CategoryChart chart = base(title, category, values.length == 1 ? values[0] : "", categories.size());
    for (String value : values) {
      chart.addSeries(value, categories, rows.stream().map(r -> number(r.<Object>getAs(value))).toList());
    }
    chart.getStyler().setLegendVisible(values.length > 1);
    return chart;
  }

  /** One line per distinct value of {@code series}, over the sorted values of {@code x}; gaps where absent. */
  public static CategoryChart lines(Dataset<Row> df, String title, String x, String y, String series) {
    List<Row> rows = df.select(x, y, series).collectAsList();
    TreeSet<String> xs = new TreeSet<>();
    Map<String, Map<String, Number>> bySeries = new LinkedHashMap<>();
    for (Row r : rows) {
      String xv = String.valueOf(r.<Object>getAs(x));
      xs.add(xv);
      bySeries.computeIfAbsent(String.valueOf(r.<Object>getAs(series)), k -> new LinkedHashMap<>())
          .put(xv, number(r.<Object>getAs(y)));
    }
    List<String> categories = new ArrayList<>(xs);
    CategoryChart chart = base(title, x, y, categories.size());
    for (var e : bySeries.entrySet()) {
      List<Number> ys = new ArrayList<>();
      categories.forEach(c -> ys.add(e.getValue().get(c)));
      CategorySeries s = chart.addSeries(e.getKey(), categories, ys);
      s.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
    }
    return chart;
  }

  /** Adds a horizontal line at a target (e.g. the 70% online-rate KPI) across the chart's categories. */
  public static CategoryChart withTarget(CategoryChart chart, String label, double target) {
    Collection<?> categories = chart.getSeriesCollection().iterator().next().getXData();
    List<Number> level = new ArrayList<>();
    categories.forEach(c -> level.add(target));
    CategorySeries s = chart.addSeries(label, new ArrayList<>(categories), level);
    s.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    chart.getStyler().setLegendVisible(true);
    return chart;
  }

  /** Shows the y axis as percentages, for rates and shares stored as fractions in [0, 1]. */
  public static CategoryChart percent(CategoryChart chart) {
    chart.getStyler().setYAxisDecimalPattern("#%");
    return chart;
  }

  private static CategoryChart base(String title, String xTitle, String yTitle, int categories) {
    // Wider for the 34 or 63 provinces, so XChart has room to print every name.
    CategoryChart chart = new CategoryChartBuilder().width(categories > 20 ? WIDE : WIDTH).height(HEIGHT)
        .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    var styler = chart.getStyler();
    styler.setLegendPosition(Styler.LegendPosition.OutsideS); // inside, it hides the tallest bars
    styler.setChartBackgroundColor(java.awt.Color.WHITE);
    styler.setPlotGridVerticalLinesVisible(false);
    if (categories > 12) {
      styler.setXAxisLabelRotation(90);
    }
    return chart;
  }

  private static Number number(Object v) {
    return v == null ? null : ((Number) v).doubleValue();
  }
}
