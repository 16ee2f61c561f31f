package vn.dvcw.app.cli;

import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.dvcw.app.report.PolicyReport;

/** {@code dvcw report}: the policymakers' charts as one self-contained HTML file. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Render the trend charts for policymakers from the public views into one HTML file",
        "(charts embedded; opens offline in any browser). Default: <lakehouse>/reports/dvcw-report-<run id>.html.",
        "Exit 0: written (the path is printed). Exit 1: failure, e.g. no refresh has run yet."})
public final class ReportCommand implements Callable<Integer> {
  @Mixin LakehouseOptions lakehouse;

  @Option(names = "--out", paramLabel = "PATH",
      description = "Where to write: a file, or a folder for the default name; a local path or any Hadoop URI")
  String out;

  @Override
  public Integer call() {
    SparkSession spark = lakehouse.open("dvcw-report");
    Path written = render(spark, out);
    System.out.println("report written: " + written);
    return 0;
  }

  /** Also used by {@code dvcw refresh --report}. */
  static Path render(SparkSession spark, String out) {
    return new PolicyReport(spark).render(out);
  }
}
