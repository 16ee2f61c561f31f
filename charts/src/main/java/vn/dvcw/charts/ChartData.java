package vn.dvcw.charts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapSeries;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.Series;

/**
 * The numbers a chart actually draws, read back from the XChart objects: series name → points. Tests and the
 * report model assert on these, so a chart cannot silently draw something other than the view's figures.
 */
public final class ChartData {
  private ChartData() {}

  /** One drawn value: x as text (category, ISO date, or a heat map row), y as the plotted number. */
  public record Point(String x, double y) {}

  /**
   * Series name → points in drawing order. Dates print as yyyy-MM-dd; NaN (no value) points are left out. A
   * heat map becomes one series per column (x category), with a point per row (y category).
   */
  public static Map<String, List<Point>> series(Chart<?, ?> chart) {
    Map<String, List<Point>> out = new LinkedHashMap<>();
    for (Series s : chart.getSeriesCollection()) {
      if (s instanceof XYSeries xy) {
        boolean dates = xy.getxAxisDataType() == Series.DataType.Date;
        double[] xs = xy.getXData();
        double[] ys = xy.getYData();
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
          if (!Double.isNaN(ys[i])) {
            String x = dates ? Instant.ofEpochMilli((long) xs[i]).atZone(ZoneOffset.UTC).toLocalDate().toString()
                : Double.toString(xs[i]);
            points.add(new Point(x, ys[i]));
          }
        }
        out.put(s.getName(), points);
      } else if (s instanceof CategorySeries cat) {
        List<Point> points = new ArrayList<>();
        Iterator<?> xs = cat.getXData().iterator();
        for (double y : cat.getYData()) {
          String x = String.valueOf(xs.next());
          if (!Double.isNaN(y)) {
            points.add(new Point(x, y));
          }
        }
        out.put(s.getName(), points);
      } else if (s instanceof HeatMapSeries heat) {
        List<?> xs = heat.getXData();
        List<?> ys = heat.getYData();
        for (Number[] cell : heat.getHeatData()) {
          String column = String.valueOf(xs.get(cell[0].intValue()));
          out.computeIfAbsent(column, k -> new ArrayList<>())
              .add(new Point(String.valueOf(ys.get(cell[1].intValue())), cell[2].doubleValue()));
        }
      }
    }
    return out;
  }

  /** The y of the point at x in a series, or NaN. */
  public static double value(Map<String, List<Point>> series, String name, String x) {
    return series.getOrDefault(name, List.of()).stream().filter(p -> p.x().equals(x)).mapToDouble(Point::y)
        .findFirst().orElse(Double.NaN);
  }
}
