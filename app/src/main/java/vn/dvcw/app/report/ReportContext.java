package vn.dvcw.app.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.dvcw.charts.Provenance;

/** What every page builder needs: the session to read the views and the catalogue that dates their sources. */
record ReportContext(SparkSession spark, SourceCatalog catalog) {
  /**
   * The source kind of published documents. Pages 1 to 6 show these only: the dossier feed and synthetic data
   * have page 7 to themselves, so the policy pages never mix generated figures with printed ones.
   */
  static final String PUBLISHED_REPORTS = "report";

  /** The rows of {@code models/report/<model>.sql} with {@code params} bound to its markers (see ReportQueries). */
  List<Row> rows(String model, Map<String, Object> params) {
    return ReportQueries.run(spark, model, params).collectAsList();
  }

  ReportFigure figure(String id, org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, String units, List<Row> rows) {
    return ReportFigure.of(id, chart, units, rows, catalog);
  }

  ReportTable table(String id, String caption, List<String> headers, List<List<String>> cells, List<Row> rows) {
    Provenance p = Provenance.of(rows);
    String label = p.synthetic() ? "[" + Provenance.SYNTHETIC_LABEL + "] " : "";
    return new ReportTable(id, label + caption, headers, cells, catalog.dated(p.sources()), p.synthetic());
  }

  static String pct(double fraction, int decimals) {
    return Double.isNaN(fraction) ? "" : String.format(Locale.ROOT, "%." + decimals + "f%%", fraction * 100)
        .replace('.', ',');
  }

  /** Vietnamese thousands separator, as the documents print counts ("1.777.005"). */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n).replace(',', '.');
  }
}
