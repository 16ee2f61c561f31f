package vn.dvcw.storage;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import vn.dvcw.storage.SqlFunctions;
import vn.dvcw.storage.catalog.CatalogRegistrar;
import vn.dvcw.storage.catalog.Layer;
import vn.dvcw.storage.models.ViewLoader;

/**
 * Opens a SparkSession on the lakehouse with every table, SQL function and view registered, so that the
 * CLI, jobs, tests and notebooks all see the same schema-qualified names with no set-up.
 *
 * <p>The catalog is Spark's in-memory one, rebuilt in each session from the folders of the lakehouse:
 * there is no metastore process, so any number of readers can open the lakehouse beside the one writer.
 */
public final class WarehouseSession {
  private WarehouseSession() {}

  /** Settings every session gets; user settings from the config win over these. */
  static Map<String, String> defaults(WarehouseConfig config) {
    return Map.ofEntries(
        Map.entry("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension"),
        Map.entry("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog"),
        Map.entry("spark.sql.catalogImplementation", "in-memory"),
        Map.entry("spark.sql.warehouse.dir", config.lakehouse() + "/_spark_warehouse"),
        Map.entry("spark.sql.session.timeZone", "UTC"),
        Map.entry("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS"),
        // The warehouse's documents are small; 200 shuffle partitions would only add task overhead.
        Map.entry("spark.sql.shuffle.partitions", "4"),
        Map.entry("spark.sql.adaptive.enabled", "true"),
        Map.entry("spark.databricks.delta.snapshotPartitions", "2"),
        // VACUUM lists files with this many tasks (Spark's default is 10,000): far too many for one machine.
        Map.entry("spark.sql.sources.parallelPartitionDiscovery.parallelism", "8"),
        Map.entry("spark.ui.enabled", "false"),
        Map.entry("spark.ui.showConsoleProgress", "false"),
        Map.entry("spark.sql.ansi.enabled", "false"));
  }

  /**
   * Opens (or reuses) the session and registers the catalog, SQL functions and views.
   *
   * @return the ready session
   * @throws IllegalArgumentException if the config is unusable
   */
  public static SparkSession open(WarehouseConfig config) {
    SparkSession spark = start(config);
    if (config.views()) {
      attach(spark, config.lakehouse());
    } else {
      attachTables(spark, config.lakehouse());
    }
    return spark;
  }

  /**
   * Opens (or reuses) the session with only what {@code statement} reads registered: the tables and views it names
   * and the tables and views those views read ({@link StatementNames}); a fresh JVM's first answer does not wait
   * for the 30-odd tables and 21 views it does not use. A statement that is not a query (SHOW, DESCRIBE, …) gets
   * everything, as {@link #open} does.
   */
  public static SparkSession openFor(WarehouseConfig config, String statement) {
    SparkSession spark = start(config);
    Optional<Set<String>> names = StatementNames.ofQuery(statement);
    if (names.isEmpty()) {
      attach(spark, config.lakehouse());
      return spark;
    }
    spark.conf().set(LAKEHOUSE_CONF, config.lakehouse());
    ViewLoader views = ViewLoader.fromClasspath().only(names.get());
    Set<String> tables = new TreeSet<>(names.get());
    views.files().values().forEach(sql -> tables.addAll(views.reads(sql)));
    new CatalogRegistrar(spark, config.lakehouse()).registerPresent(tables);
    SqlFunctions.register(spark);
    views.createAll(spark); // a view whose tables are absent stays absent: the query's error names it
    return spark;
  }

  private static SparkSession start(WarehouseConfig config) {
    SparkSession.Builder builder = SparkSession.builder().appName(config.appName());
    if (config.master() != null && !hasMasterFromSubmit()) {
      builder.master(config.master());
      builder.config("spark.driver.host", "127.0.0.1");
      builder.config("spark.driver.bindAddress", "127.0.0.1");
    }
    defaults(config).forEach(builder::config);
    // Opt-in OpenLineage listener (dvcw.lineage); nothing when off. spark-submit's own listeners are kept.
    LineageConfig.fromEnvironment().sparkConf(new org.apache.spark.SparkConf().get("spark.extraListeners", ""))
        .forEach(builder::config);
    config.sparkConf().forEach(builder::config);
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }

  /**
   * Registers the warehouse's names in an existing session: schemas, the Delta tables found in the
   * lakehouse, the SQL functions and the views of {@code sql/}.
   *
   * @return the view loader's report of which views were created and which could not be (yet)
   */
  public static ViewLoader.Report attach(SparkSession spark, String lakehouse) {
    attachTables(spark, lakehouse);
    return ViewLoader.fromClasspath().createAll(spark);
  }

  /**
   * Registers the schemas, the Delta tables found in the lakehouse and the SQL functions, but not the views: for
   * jobs, which create the views themselves once they have written (creating 19 views costs seconds of analysis,
   * and a refresh would otherwise do it twice).
   */
  public static void attachTables(SparkSession spark, String lakehouse) {
    String previous = spark.conf().getOption(LAKEHOUSE_CONF).getOrElse(() -> null);
    if (previous != null && !previous.equals(lakehouse)) {
      // The session moves to another lakehouse: forget the names that point into the old one.
      // Tables are external, so dropping their names leaves their data where it is.
      for (Layer layer : Layer.values()) {
        spark.sql("DROP DATABASE IF EXISTS " + layer.schema() + " CASCADE");
      }
    }
    spark.conf().set(LAKEHOUSE_CONF, lakehouse);
    new CatalogRegistrar(spark, lakehouse).registerAll();
    SqlFunctions.register(spark);
  }

  /** The lakehouse a session was attached to. */
  public static String lakehouseOf(SparkSession spark) {
    return spark.conf().get(LAKEHOUSE_CONF);
  }

  /** Session setting that remembers the lakehouse root. */
  public static final String LAKEHOUSE_CONF = "dvcw.lakehouse";

  private static boolean hasMasterFromSubmit() {
    return System.getProperty("spark.master") != null;
  }
}
