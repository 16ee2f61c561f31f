package vn.dvcw.app.report;

import java.time.Instant;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import vn.dvcw.storage.WarehouseSession;

/**
 * The policymakers' report (issue 8): reads the public views of the attached lakehouse, builds the model of its
 * eight pages, and writes it as one self-contained HTML file.
 */
public final class PolicyReport {
  private final SparkSession spark;

  public PolicyReport(SparkSession spark) {
    this.spark = spark;
  }

  /** The report's content, stamped with the latest refresh run it was built from. */
  public ReportModel build() {
    LakehouseVersion version = LakehouseVersion.latest(spark);
    SourceCatalog catalog = new SourceCatalog(spark);
    ReportContext ctx = new ReportContext(spark, catalog);
    List<ReportSection> sections = List.of(OnlineRatePage.build(ctx), IntegrationPage.build(ctx),
        DossierPage.build(ctx), KpiBreachPage.build(ctx), ReadinessPage.build(ctx), DataQualityPage.build(ctx),
        FeedPage.build(ctx), ServiceIndexPage.build(ctx));
    return new ReportModel(Instant.now(), WarehouseSession.lakehouseOf(spark), version, sections,
        new PageFreshness(spark, catalog).lines(sections));
  }

  /** Builds and writes the report; {@code out} null means the lakehouse's reports folder. Returns where it went. */
  public Path render(String out) {
    return write(build(), out);
  }

  /** Writes a built report as HTML to {@code out} (null: {@code <lakehouse>/reports/}). */
  public Path write(ReportModel model, String out) {
    try {
      var conf = spark.sparkContext().hadoopConfiguration();
      Path target = out != null ? ReportOutput.resolve(out, model.version().runId(), conf)
          : new Path(ReportOutput.defaultTarget(model.lakehouse(), model.version().runId()));
      target = target.getFileSystem(conf).makeQualified(target); // print where it went: file:/…, hdfs://…
      ReportOutput.write(target, HtmlReport.render(model), conf);
      return target;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
