package vn.dvcw.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import vn.dvcw.app.cli.RefreshCommand;
import vn.dvcw.storage.WarehouseConfig;
import vn.dvcw.storage.WarehouseSession;
import vn.dvcw.tools.bench.FeedBenchmark;
import vn.dvcw.tools.bench.TotalsCheck;

/**
 * {@code dvcw bench}: generates a two-year feed of the given size (2024-01-01 to 2025-12-31, both eras) and
 * measures the dossier feed on it (see {@link FeedBenchmark}). Timings are printed, never asserted; the Spark and
 * DuckDB builds' totals are, and a difference exits 1 with one line.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Measure the dossier feed on generated data: full build (and the same build in DuckDB, whose",
        "received and online totals must equal Spark's), one-day incremental on a short and a long history,",
        "warm view queries. One line per figure; exit 1 when the two builds' totals differ."})
public final class BenchCommand implements Callable<Integer> {
  /** Scale 1 is about 70 million dossiers a year: two years hold about 140 million. */
  static final double DOSSIERS_PER_SCALE_TWO_YEARS = 140_000_000.0;

  @Option(names = "--dossiers", defaultValue = "1000000",
      description = "Approximate number of dossiers over the two years (default 1,000,000; 10,000,000 for the 4 GiB check)")
  long dossiers;

  @Option(names = "--seed", defaultValue = "7", description = "Generator seed (default 7)")
  long seed;

  @Option(names = "--work", paramLabel = "DIR", description = "Working folder (default ./bench-work; emptied first)")
  Path work;

  @Option(names = "--full-build-only",
      description = "Only Spark's full build, its heap and scratch disk (no DuckDB, incremental or views): "
          + "the large-feed check")
  boolean fullBuildOnly;

  @Option(names = "--keep", description = "Keep the generated data and lakehouses afterwards")
  boolean keep;

  @Override
  public Integer call() throws Exception {
    Path dir = work != null ? work : Path.of(System.getenv().getOrDefault("DVCW_HOME", "."), "bench-work");
    deleteTree(dir);
    Files.createDirectories(dir);
    Path generated = dir.resolve("generated");
    double scale = dossiers / DOSSIERS_PER_SCALE_TWO_YEARS;
    long t = System.nanoTime();
    int generatedExit = new CommandLine(new GenerateCommand()).execute("--from", "2024-01-01", "--to",
        "2025-12-31", "--scale", Double.toString(scale), "--seed", Long.toString(seed), "--out", generated.toString());
    if (generatedExit != 0) {
      System.err.println("dvcw bench: the generator failed (exit " + generatedExit + ")");
      return 1;
    }
    System.out.printf("bench generate: scale %.5f in %.1f s%n", scale, (System.nanoTime() - t) / 1e9);
    SparkSession spark = WarehouseSession.open(WarehouseConfig.builder().lakehouse(dir.resolve("lakehouse-long")
        .toAbsolutePath().toString()).appName("dvcw-bench").build());
    try {
      new FeedBenchmark(spark, System.out, RefreshCommand.defaultInputs(), fullBuildOnly).run(generated.toAbsolutePath(), dir.toAbsolutePath());
    } catch (TotalsCheck.Mismatch e) {
      System.err.println("dvcw bench: " + e.getMessage());
      return 1;
    } finally {
      if (!keep) {
        deleteTree(dir);
      }
    }
    return 0;
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
