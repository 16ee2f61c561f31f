package vn.dvcw.notebooks.display;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * XChart charts as PNG outputs. PNG, not SVG: nbconvert's HTML export mishandles SVG outputs, and PNG
 * needs no fonts in the reader's browser.
 */
public final class ChartImages {
  private ChartImages() {}

  public static RichOutput png(Chart<?, ?> chart) {
    try {
      byte[] bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
      String title = chart.getTitle() == null || chart.getTitle().isBlank() ? "chart" : chart.getTitle();
      return RichOutput.png(bytes, "[" + title + ", " + chart.getWidth() + "×" + chart.getHeight() + " PNG]");
    } catch (IOException e) {
      throw new UncheckedIOException("could not draw the chart as PNG", e);
    }
  }
}
