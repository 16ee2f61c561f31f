package vn.dvcw.app.cli;

import io.delta.tables.DeltaTable;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.dvcw.lakehouse.WarehouseSession;
import vn.dvcw.lakehouse.catalog.TableSpec;
import vn.dvcw.lakehouse.catalog.WarehouseTables;

/**
 * {@code dvcw maintain}: compacts small files and removes files older than the retention. Delta keeps every
 * version within the retention, so any figure published in that window can be reproduced with --as-of.
 */
@Command(name = "maintain", mixinStandardHelpOptions = true,
    description = {"Compact small files and vacuum files older than the retention (default 30 days).",
        "Versions inside the retention stay queryable with 'dvcw sql --as-of'."})
public final class MaintainCommand implements Callable<Integer> {
  /** Below this, time travel to a published figure would break: refuse. */
  static final int MIN_RETENTION_DAYS = 30;

  @Mixin LakehouseOptions lakehouse;

  @Option(names = "--retention-days", defaultValue = "30",
      description = "Keep files needed by versions younger than this (at least 30; default 30)")
  int retentionDays;

  @Override
  public Integer call() {
    if (retentionDays < MIN_RETENTION_DAYS) {
      System.err.println("dvcw maintain: --retention-days must be at least " + MIN_RETENTION_DAYS
          + " so that published figures stay reproducible");
      return 2;
    }
    SparkSession spark = lakehouse.open("dvcw-maintain");
    String root = WarehouseSession.lakehouseOf(spark);
    for (TableSpec spec : WarehouseTables.ALL) {
      String path = spec.path(root);
      if (!DeltaTable.isDeltaTable(spark, path)) {
        continue;
      }
      long started = System.nanoTime();
      DeltaTable table = DeltaTable.forPath(spark, path);
      org.apache.spark.sql.Row metrics = table.optimize().executeCompaction().select("metrics.numFilesRemoved",
          "metrics.numFilesAdded").head();
      table.vacuum(retentionDays * 24.0);
      System.out.printf("%-36s %d small files compacted into %d; vacuumed files older than %d days (%.1f s)%n",
          spec.qualifiedName(), metrics.getLong(0), metrics.getLong(1), retentionDays,
          (System.nanoTime() - started) / 1e9);
    }
    return 0;
  }
}
