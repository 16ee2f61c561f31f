package vn.dvcw.notebooks.display;

import org.knowm.xchart.internal.chartpart.Chart;

/**
 * XChart charts as PNG outputs. PNG, not SVG: nbconvert's HTML export mishandles SVG outputs, and PNG
 * needs no fonts in the reader's browser. The encoding is the report's own (vn.dvcw.charts.ChartImages).
 */
public final class ChartImages {
  private ChartImages() {}

  public static RichOutput png(Chart<?, ?> chart) {
    byte[] bytes = vn.dvcw.charts.ChartImages.png(chart);
    String title = chart.getTitle() == null || chart.getTitle().isBlank() ? "chart" : chart.getTitle();
    return RichOutput.png(bytes, "[" + title + ", " + chart.getWidth() + "×" + chart.getHeight() + " PNG]");
  }
}
