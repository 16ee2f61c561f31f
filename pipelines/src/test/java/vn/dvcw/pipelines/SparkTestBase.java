package vn.dvcw.pipelines;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import vn.dvcw.pipelines.refresh.RefreshJob;
import vn.dvcw.pipelines.refresh.RefreshOptions;
import vn.dvcw.pipelines.refresh.RefreshResult;
import vn.dvcw.storage.WarehouseConfig;
import vn.dvcw.storage.WarehouseSession;

/**
 * One local Spark session for the whole test JVM, and one lakehouse refreshed once from the bundled seed
 * documents, shared by every test that only reads it. Tests that write use {@link #freshLakehouse}.
 */
@Tag("spark")
public abstract class SparkTestBase {
  private static SparkSession spark;
  private static Path seedLakehouse;
  private static RefreshResult seedRefresh;
  /** spark-testing-base's DataFrame comparisons, used as a plain helper (its JUnit 4 hooks are not needed). */
  protected static final JavaDataFrameSuiteBase DATA_FRAMES = new JavaDataFrameSuiteBase();

  static {
    // Dossier feeds need a pseudonymisation secret; tests use a fixed one (never a real deployment's).
    System.setProperty(vn.dvcw.core.feed.Pseudonymiser.PROPERTY, "test-only-secret-0123456789abcdef0123456789");
  }

  /** The session setting analytics.freshness counts ages to (unset in production: the current date). */
  protected static final String TODAY_CONF = vn.dvcw.pipelines.refresh.FreshnessCheck.TODAY_CONF;
  /**
   * "Today" for every test: the day after the bundled documents' latest data date (20-BCHN, 09/8/2025), when every
   * bundled source is fresh. Tests never depend on the wall clock; FreshnessTest moves the day on purpose.
   */
  protected static final String SEED_TODAY = "2025-08-10";

  /** The shared session; on first use it refreshes the seed lakehouse. Attach with {@link #useSeedLakehouse}. */
  protected static synchronized SparkSession spark() {
    if (spark == null) {
      try {
        seedLakehouse = Files.createTempDirectory("dvcw-seed-lakehouse");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      spark = WarehouseSession.open(WarehouseConfig.builder().lakehouse(seedLakehouse.toString()).master("local[2]")
          .appName("dvcw-tests").sparkConf("spark.sql.shuffle.partitions", "1")
          .sparkConf(TODAY_CONF, SEED_TODAY).build());
      seedRefresh = refresh(spark, seedLakehouse, seedInputs());
    }
    return spark;
  }

  /** Points the shared session's names (silver.x, analytics.y) at the seed lakehouse. */
  protected static void useSeedLakehouse() {
    spark();
    if (!seedLakehouse.toString().equals(WarehouseSession.lakehouseOf(spark))) {
      WarehouseSession.attach(spark, seedLakehouse.toString());
    }
  }

  /** The result of the seed lakehouse's first refresh. */
  protected static RefreshResult seedRefresh() {
    spark();
    return seedRefresh;
  }

  protected static String seedLakehouse() {
    spark();
    return seedLakehouse.toString();
  }

  /** The repository's bundled documents (tests run with the module folder as working directory). */
  protected static Path seedInputs() {
    Path p = Path.of("..", "inputs", "documents").toAbsolutePath().normalize();
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("bundled inputs not found at " + p);
    }
    return p;
  }

  /** Runs a refresh of {@code inputs} into {@code lakehouse}, output captured. */
  protected static RefreshResult refresh(SparkSession s, Path lakehouse, Path inputs) {
    WarehouseSession.attachTables(s, lakehouse.toString());
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    return new RefreshJob(s, new PrintStream(buf, true, StandardCharsets.UTF_8))
        .run(new RefreshOptions(inputs.toString()));
  }

  /** Runs a refresh of {@code inputs} into {@code lakehouse} whose steps call {@code hook}, output captured. */
  protected static RefreshResult refresh(SparkSession s, Path lakehouse, Path inputs, StepHook hook) {
    WarehouseSession.attachTables(s, lakehouse.toString());
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    return Pipelines.get(s).withHook(hook).refresh(new PrintStream(buf, true, StandardCharsets.UTF_8))
        .run(new RefreshOptions(inputs.toString()));
  }

  /** Runs a refresh of {@code inputs} and the dossier feed in {@code feed} into {@code lakehouse}; returns the output. */
  protected static String refreshWithFeed(Path lakehouse, Path inputs, Path feed, RefreshResult[] result) {
    WarehouseSession.attach(spark(), lakehouse.toString());
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    result[0] = new RefreshJob(spark(), new PrintStream(buf, true, StandardCharsets.UTF_8))
        .run(new RefreshOptions(inputs.toString(), feed.toString()));
    return buf.toString(StandardCharsets.UTF_8);
  }

  /** A new empty lakehouse folder, with the shared session attached to it. */
  protected static Path freshLakehouse() throws IOException {
    Path p = Files.createTempDirectory("dvcw-lakehouse");
    WarehouseSession.attach(spark(), p.toString());
    return p;
  }

  protected static Dataset<Row> sql(String fmt, Object... args) {
    return spark().sql(args.length == 0 ? fmt : String.format(fmt, args));
  }

  protected static List<Row> rows(String fmt, Object... args) {
    return sql(fmt, args).collectAsList();
  }

  /** The single value of a one-row, one-column query. */
  protected static Object scalar(String fmt, Object... args) {
    List<Row> r = rows(fmt, args);
    if (r.size() != 1) {
      throw new AssertionError("expected one row, got " + r.size() + " for " + String.format(fmt, args));
    }
    return r.get(0).get(0);
  }

  protected static long count(String fmt, Object... args) {
    return ((Number) scalar(fmt, args)).longValue();
  }
}
