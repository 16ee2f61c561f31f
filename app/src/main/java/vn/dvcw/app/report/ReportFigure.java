package vn.dvcw.app.report;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.knowm.xchart.internal.chartpart.Chart;
import vn.dvcw.charts.ChartData;
import vn.dvcw.charts.ChartImages;
import vn.dvcw.charts.Provenance;

/**
 * One chart of the report: what it claims (title, units, period, geography, dated sources, synthetic flag), the
 * numbers it draws (read back from the chart), and its PNG with the same statements printed under the plot.
 */
public record ReportFigure(String id, String title, String units, String period, String geography,
    List<String> sources, boolean synthetic, Map<String, List<ChartData.Point>> series, byte[] png) {

  static ReportFigure of(String id, Chart<?, ?> chart, String units, List<Row> rows, SourceCatalog catalog) {
    Provenance p = Provenance.of(rows);
    List<String> sources = catalog.dated(p.sources());
    return new ReportFigure(id, chart.getTitle(), units, p.period(), p.geographyLabel(), sources, p.synthetic(),
        ChartData.series(chart), ChartImages.png(chart, p.footer(sources)));
  }

  /** The plotted y at x in a series (NaN when absent). */
  public double value(String seriesName, String x) {
    return ChartData.value(series, seriesName, x);
  }
}
