package vn.dvcw.app.cli;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;
import vn.dvcw.storage.LakehouseLocation;
import vn.dvcw.storage.WarehouseConfig;
import vn.dvcw.storage.WarehouseSession;

/** The options every command shares: where the lakehouse is and how Spark runs. */
final class LakehouseOptions {
  @Option(names = "--lakehouse", paramLabel = "URI",
      description = "Lakehouse root: a folder, hdfs://… or s3a://… (default: $DVCW_LAKEHOUSE, else ./lakehouse)")
  String lakehouse;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: local[*]; ignored under spark-submit)")
  String master = "local[*]";

  /** A session for queries: tables, functions and views. */
  SparkSession open(String appName) {
    return WarehouseSession.open(config(appName).build());
  }

  /** A session for one query: only the tables and views it names, and what those views read. */
  SparkSession openFor(String appName, String query) {
    return WarehouseSession.openFor(config(appName).build(), query);
  }

  /** A session for a job that writes: tables and functions only; the job creates the views when it ends. */
  SparkSession openForJob(String appName) {
    return openTablesOnly(appName);
  }

  /** A session with the tables and functions but no views: for commands that read no view. */
  SparkSession openTablesOnly(String appName) {
    return WarehouseSession.open(config(appName).views(false).build());
  }

  private WarehouseConfig.Builder config(String appName) {
    return WarehouseConfig.builder().lakehouse(LakehouseLocation.resolve(lakehouse)).master(master).appName(appName);
  }
}
