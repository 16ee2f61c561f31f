package vn.dvcw.app.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.dvcw.app.report.ReportQueries;

/** {@code dvcw runs}: the latest refreshes from ops.refresh_run. */
@Command(name = "runs", mixinStandardHelpOptions = true,
    description = {"Show the latest refresh runs: status, exit code, inputs, findings; then any commit to a table",
        "that no refresh made since the last good one (see 'dvcw refresh --verify').",
        "Each run id can be given to 'dvcw sql --as-of' to query the tables as that run left them."})
public final class RunsCommand implements Callable<Integer> {
  @Mixin LakehouseOptions lakehouse;

  @Option(names = "--last", defaultValue = "10", description = "How many runs (default: 10)")
  int last;

  @Option(names = "--format", defaultValue = "table", description = "table, csv or json")
  SqlCommand.OutputFormat format;

  @Override
  public Integer call() {
    SparkSession spark = lakehouse.open("dvcw-runs");
    if (!spark.catalog().tableExists("ops.refresh_run")) {
      System.err.println("dvcw runs: no refresh has run on this lakehouse yet; run 'dvcw refresh' first");
      return 1;
    }
    SqlCommand.print(ReportQueries.run(spark, "refresh_runs", Map.of("run_count", Math.max(1, last))),
        format, -1, System.out);
    // Commits no refresh made since the last good one (an operator's UPDATE, another engine): shown until healed.
    var foreign = new vn.dvcw.pipelines.refresh.IntegrityCheck(spark,
        vn.dvcw.storage.WarehouseSession.lakehouseOf(spark)).quick().problems();
    if (!foreign.isEmpty() && format == SqlCommand.OutputFormat.table) {
      System.out.println();
      foreign.forEach(f -> System.out.println(f.line()));
      System.out.println(foreign.size() + " commits or tables no refresh made; see 'dvcw refresh --verify'");
    }
    return 0;
  }
}
