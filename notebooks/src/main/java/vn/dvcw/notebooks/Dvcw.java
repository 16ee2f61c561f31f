package vn.dvcw.notebooks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.knowm.xchart.internal.chartpart.Chart;
import vn.dvcw.notebooks.display.ChartImages;
import vn.dvcw.notebooks.display.Display;
import vn.dvcw.notebooks.display.ResultTables;
import vn.dvcw.notebooks.display.RichOutput;
import vn.dvcw.notebooks.magic.SqlCell;
import vn.dvcw.storage.LakehouseLocation;
import vn.dvcw.storage.WarehouseConfig;
import vn.dvcw.storage.WarehouseSession;
import vn.dvcw.storage.access.DataFrameWriteBarrier;
import vn.dvcw.storage.access.ReadOnlyGuard;
import vn.dvcw.storage.catalog.CatalogListing;

/**
 * The notebook's facade on the warehouse: the session, SQL, tables shown as HTML, charts shown as PNG.
 * Every notebook starts with {@code dvcw} (this) and {@code spark} (its session) defined.
 *
 * <pre>
 * dvcw.show(dvcw.sql("SELECT * FROM analytics.online_rate_trend"));
 * dvcw.chart(Charts.bar(df, "Online rate", "province_name", "online_rate"));
 * dvcw.catalog();   // every table and view with its layer, row count and description
 * </pre>
 */
public final class Dvcw {
  private static volatile Dvcw current;
  private static volatile Display display = Display.plainText();

  private final SparkSession spark;

  private Dvcw(SparkSession spark) {
    this.spark = spark;
  }

  /** Opens the warehouse on {@code $DVCW_LAKEHOUSE}, else {@code $DVCW_HOME/lakehouse}, else {@code ./lakehouse}. */
  public static Dvcw open() {
    return open(lakehouseFrom(System.getenv()));
  }

  /** Opens the warehouse on a lakehouse URI: every table, SQL function and view is registered. */
  public static Dvcw open(String lakehouse) {
    if (!lakehouse.contains("://") && !Files.isDirectory(Path.of(lakehouse))) {
      throw new IllegalStateException("No lakehouse at " + lakehouse
          + ": run ./dvcw refresh first, or set DVCW_LAKEHOUSE to an existing lakehouse");
    }
    SparkSession spark = WarehouseSession.open(WarehouseConfig.builder()
        .lakehouse(lakehouse).appName("dvcw-notebook").master("local[*]").build());
    return using(spark);
  }

  /**
   * Wraps a session that is already open (a test's, or one on a cluster) and makes it current. The session becomes
   * read-only for DataFrame writes too ({@link DataFrameWriteBarrier}); SQL goes through {@link #sql}.
   */
  public static Dvcw using(SparkSession spark) {
    DataFrameWriteBarrier.install(spark);
    Dvcw dvcw = new Dvcw(spark);
    current = dvcw;
    return dvcw;
  }

  /** The facade the notebook opened; {@code %%sql} cells run through it. */
  public static Dvcw current() {
    Dvcw d = current;
    if (d == null) {
      throw new IllegalStateException("The warehouse is not open: run Dvcw.open() (the kernel does it on start)");
    }
    return d;
  }

  /** The facade if one is open, for the kernel's interrupt; null otherwise. */
  public static Dvcw currentOrNull() {
    return current;
  }

  /** Where rich outputs go; the kernel sets Jupyter's display here when it starts. */
  public static void useDisplay(Display target) {
    display = target;
  }

  static String lakehouseFrom(Map<String, String> env) {
    return LakehouseLocation.resolve(env);
  }

  public SparkSession spark() {
    return spark;
  }

  public String lakehouse() {
    return WarehouseSession.lakehouseOf(spark);
  }

  /**
   * A query's result as a DataFrame, not shown. Read-only, like {@code dvcw sql}: a statement that writes, changes the
   * catalog or reads files by path is refused ({@link vn.dvcw.storage.access.ReadOnlyViolation}, one line naming it).
   */
  public Dataset<Row> sql(String query) {
    return guard().sql(spark, query);
  }

  /** The read-only guard of this session's lakehouse (none attached: no {@code delta.`path`} is inside it). */
  private ReadOnlyGuard guard() {
    scala.Option<String> lakehouse = spark.conf().getOption(WarehouseSession.LAKEHOUSE_CONF);
    return ReadOnlyGuard.forLakehouse(lakehouse.isDefined() ? lakehouse.get() : "");
  }

  /** A table or view by name, e.g. {@code "analytics.online_rate"}. */
  public Dataset<Row> table(String name) {
    return spark.table(name);
  }

  /** What a {@code %%sql} cell does: runs the query, shows it as a table, returns it for the next cells. */
  public Dataset<Row> sqlCell(String query, int limit) {
    Dataset<Row> df = sql(query);
    show(df, limit);
    return df;
  }

  /** Shows a DataFrame as an HTML table of at most {@value SqlCell#DEFAULT_LIMIT} rows, with its row count. */
  public void show(Dataset<Row> df) {
    show(df, SqlCell.DEFAULT_LIMIT);
  }

  public void show(Dataset<Row> df, int limit) {
    display.show(ResultTables.of(df, limit));
  }

  /** Shows an XChart chart as a PNG image. */
  public void chart(Chart<?, ?> chart) {
    display.show(ChartImages.png(chart));
  }

  public void html(String html) {
    display.show(RichOutput.html(html, html.replaceAll("<[^>]+>", "")));
  }

  public void markdown(String markdown) {
    display.show(RichOutput.markdown(markdown));
  }

  /** Every table and view of the warehouse with its layer, type, row count and description. */
  public Dataset<Row> catalog() {
    return CatalogListing.of(spark);
  }

  /** Whether Spark is running a job for this session now. */
  public boolean hasRunningJobs() {
    return spark.sparkContext().statusTracker().getActiveJobIds().length > 0;
  }

  /** Cancels the Spark jobs running now (the notebook's interrupt button). */
  public void cancelRunningJobs() {
    spark.sparkContext().cancelAllJobs();
  }

  /** Stops the session; the kernel calls it on shutdown. */
  public static void closeCurrent() {
    Dvcw d = current;
    current = null;
    if (d != null) {
      d.spark.stop();
    }
  }
}
