package vn.dvcw.app.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dvcw runs}: the latest refreshes from ops.refresh_run. */
@Command(name = "runs", mixinStandardHelpOptions = true,
    description = {"Show the latest refresh runs: status, exit code, inputs, findings.",
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
    SqlCommand.print(spark.sql("SELECT run_id, status, exit_code, started_at, "
        + "CAST(unix_timestamp(ended_at) - unix_timestamp(started_at) AS INT) AS seconds, inputs_seen, inputs_new, "
        + "quarantined_new, mismatches, mismatches_new, size(warnings) AS warnings "
        + "FROM ops.refresh_run ORDER BY started_at DESC LIMIT " + Math.max(1, last)), format, -1, System.out);
    return 0;
  }
}
