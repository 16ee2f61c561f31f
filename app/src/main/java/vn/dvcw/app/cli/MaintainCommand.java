package vn.dvcw.app.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.dvcw.pipelines.Pipelines;
import vn.dvcw.pipelines.maintenance.MaintenanceJob;

/**
 * {@code dvcw maintain}: compacts small files and removes files older than the retention. Delta keeps every
 * version within the retention, so any figure published in that window can be reproduced with --as-of.
 */
@Command(name = "maintain", mixinStandardHelpOptions = true,
    description = {"Compact small files and vacuum files older than the retention (default 30 days).",
        "Versions inside the retention stay queryable with 'dvcw sql --as-of'."})
public final class MaintainCommand implements Callable<Integer> {
  @Mixin LakehouseOptions lakehouse;

  @Option(names = "--retention-days", defaultValue = "30",
      description = "Keep files needed by versions younger than this (at least 30; default 30)")
  int retentionDays;

  @Override
  public Integer call() {
    if (retentionDays < MaintenanceJob.MIN_RETENTION_DAYS) {
      System.err.println("dvcw maintain: --retention-days must be at least " + MaintenanceJob.MIN_RETENTION_DAYS
          + " so that published figures stay reproducible");
      return 2;
    }
    SparkSession spark = lakehouse.openForJob("dvcw-maintain");
    Pipelines.get(spark).maintenance().run(retentionDays, t -> System.out.printf(
        "%-36s %d small files compacted into %d; vacuumed files older than %d days (%.1f s)%n",
        t.table(), t.filesRemoved(), t.filesAdded(), retentionDays, t.seconds()));
    return 0;
  }
}
