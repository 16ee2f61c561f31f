package vn.dvcw.charts;

import java.awt.Color;
import java.util.Collections;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The bar chart every per-province page uses: one bar per province, labels rotated, a reference line. */
final class Bars {
  private Bars() {}

  static CategoryChart chart(String title, String xTitle, String yTitle, String yPattern, int width,
      int height) {
    CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    ChartStyle.apply(chart.getStyler());
    chart.getStyler().setXAxisLabelRotation(90);
    chart.getStyler().setXAxisTickMarkSpacingHint(10); // the default (74 px) skips every other province name
    chart.getStyler().setYAxisDecimalPattern(yPattern);
    chart.getStyler().setAvailableSpaceFill(0.75);
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setLabelsVisible(false);
    return chart;
  }

  static CategorySeries bars(CategoryChart chart, String name, List<String> x, List<Double> y, Color colour) {
    CategorySeries s = chart.addSeries(name, x, y);
    s.setFillColor(colour);
    s.setLineColor(colour.darker());
    return s;
  }

  /** A horizontal reference (a target or a ceiling) drawn as a dashed black line across every category. */
  static CategorySeries reference(CategoryChart chart, String name, List<String> x, double value) {
    CategorySeries s = chart.addSeries(name, x, Collections.nCopies(x.size(), value));
    s.setChartCategorySeriesRenderStyle(CategorySeriesRenderStyle.Line);
    s.setLineColor(ChartStyle.REFERENCE);
    s.setLineStyle(ChartStyle.REFERENCE_LINE);
    s.setLineWidth(2f);
    s.setMarker(SeriesMarkers.NONE);
    s.setOverlapped(true);
    return s;
  }
}
