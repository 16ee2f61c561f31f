package vn.dvcw.app.cli;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;
import vn.dvcw.lakehouse.WarehouseConfig;
import vn.dvcw.lakehouse.WarehouseSession;

/** The options every command shares: where the lakehouse is and how Spark runs. */
final class LakehouseOptions {
  @Option(names = "--lakehouse", paramLabel = "URI",
      description = "Lakehouse root: a folder, hdfs://… or s3a://… (default: $DVCW_LAKEHOUSE, else ./lakehouse)")
  String lakehouse;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: local[*]; ignored under spark-submit)")
  String master = "local[*]";

  SparkSession open(String appName) {
    String uri = lakehouse != null ? lakehouse : defaultLakehouse();
    return WarehouseSession.open(WarehouseConfig.builder().lakehouse(uri).master(master).appName(appName).build());
  }

  /** $DVCW_LAKEHOUSE, else the lakehouse folder of the repository dvcw runs from, else ./lakehouse. */
  static String defaultLakehouse() {
    String env = System.getenv(WarehouseConfig.LAKEHOUSE_ENV);
    if (env != null && !env.isBlank()) {
      return env;
    }
    String home = System.getenv("DVCW_HOME");
    return home != null ? home + "/lakehouse" : WarehouseConfig.defaultLakehouse();
  }
}
