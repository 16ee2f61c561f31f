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

  SparkSession open(String appName) {
    String uri = LakehouseLocation.resolve(lakehouse);
    return WarehouseSession.open(WarehouseConfig.builder().lakehouse(uri).master(master).appName(appName).build());
  }
}
