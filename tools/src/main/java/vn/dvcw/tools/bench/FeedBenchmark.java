package vn.dvcw.tools.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import vn.dvcw.pipelines.feed.FeedJob;
import vn.dvcw.pipelines.refresh.RefreshJob;
import vn.dvcw.pipelines.refresh.RefreshOptions;
import vn.dvcw.storage.WarehouseSession;
import vn.dvcw.storage.write.CommitTag;

/**
 * {@code dvcw bench}: the dossier feed's speed on generated data, one printed line per figure.
 *
 * <ol>
 *   <li>full build: every generated day but the last into an empty lakehouse; messages and dossiers per second;</li>
 *   <li>the same full build in DuckDB ({@link DuckDbFeedBuild}) on the same files, after Spark, in this process: both
 *       builds' CPU seconds (of the process) and wall seconds and the ratio Spark / DuckDB (target: CPU ≤ 2); then the
 *       totals check ({@link TotalsCheck}): received and online dossiers per month and province must be equal, else
 *       the bench fails;</li>
 *   <li>one-day incremental: the last day loaded on top of the long history (all days) and on top of a short one
 *       (the last {@value #SHORT_HISTORY_DAYS} days only, in a second lakehouse); the ratio long / short (target ≤ 1.3);</li>
 *   <li>a no-op refresh: the documents and every feed file again, nothing new (target: under 15 s);</li>
 *   <li>the public views' query times in the warm session (second run of each);</li>
 *   <li>the peak heap used, against the maximum (target: 10 million dossiers within 4 GiB), and the peak bytes in
 *       Spark's scratch folders ({@link ScratchDiskSampler}).</li>
 * </ol>
 * With {@code fullBuildOnly}, only the first step, then the heap and scratch disk (the 10-million-dossier check).
 * Days are fed by hard-linking the generator's files into per-lakehouse feed folders, so nothing is copied.
 */
public final class FeedBenchmark {
  static final int SHORT_HISTORY_DAYS = 30;
  /** DuckDB's worker threads: the machine's two cores, like Spark's local session on it. */
  static final int DUCKDB_THREADS = 2;
  static final List<String> VIEWS = List.of("analytics.dossier_monthly", "analytics.online_rate",
      "analytics.online_rate_trend", "analytics.dossier_receipt", "analytics.kpi_scorecard");

  private final SparkSession spark;
  private final PrintStream out;

  private final String documents;
  private final boolean fullBuildOnly;

  /**
   * @param documents the bundled documents folder, loaded first for reference data and views
   * @param fullBuildOnly measure Spark's full build only (no DuckDB, incremental or views): the large-feed check of
   *     heap and scratch disk
   */
  public FeedBenchmark(SparkSession spark, PrintStream out, String documents, boolean fullBuildOnly) {
    this.spark = spark;
    this.out = out;
    this.documents = documents;
    this.fullBuildOnly = fullBuildOnly;
  }

  /** Runs the benchmark on the generator's output in {@code generated} ({@code feed/YYYY-MM/dvcqg-DATE-*.jsonl.gz}). */
  public void run(Path generated, Path work) throws IOException {
    HeapSampler heap = new HeapSampler();
    ScratchDiskSampler scratch = new ScratchDiskSampler();
    out.printf("bench machine: %d cores, %.1f GiB RAM, Java %s, max heap %.1f GiB%n",
        Runtime.getRuntime().availableProcessors(), totalMemoryGiB(), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / 1073741824.0);
    List<Path> files = feedFiles(generated);
    List<LocalDate> days = files.stream().map(FeedBenchmark::dayOf).distinct().sorted().toList();
    if (days.size() < 2) {
      throw new IllegalArgumentException("the generated feed in " + generated + " has fewer than two days");
    }
    LocalDate last = days.get(days.size() - 1);
    LocalDate shortFrom = last.minusDays(SHORT_HISTORY_DAYS);
    out.printf("bench data: %d files, %d days (%s to %s), %.0f MB compressed%n", files.size(), days.size(),
        days.get(0), last, files.stream().mapToLong(FeedBenchmark::size).sum() / 1e6);

    Path longLake = work.resolve("lakehouse-long");
    Path longFeed = work.resolve("feed-long");
    link(files, f -> dayOf(f).isBefore(last), generated, longFeed);
    // Reference data and the views come with a refresh of the bundled documents (not timed).
    attach(longLake);
    new RefreshJob(spark, new PrintStream(java.io.OutputStream.nullOutputStream())).run(new RefreshOptions(documents));
    attach(longLake);
    BenchClock sparkClock = BenchClock.start();
    FeedJob.Result full = feed(longLake, longFeed, "bench-full");
    BenchClock.Span sparkTime = sparkClock.elapsed();
    long dossiers = spark.table("silver.dossier").count();
    out.printf("full build: %,d messages (%,d refused), %,d dossiers in %.1f s (CPU %.1f s) = %,.0f messages/s, "
        + "%,.0f dossiers/s%n", full.messages(), full.quarantined(), dossiers, sparkTime.wallSeconds(),
        sparkTime.cpuSeconds(), full.messages() / sparkTime.wallSeconds(), dossiers / sparkTime.wallSeconds());
    out.printf("lakehouse after the full build: %.2f GiB on disk%n",
        ScratchDiskSampler.bytesUnder(longLake) / 1073741824.0);
    if (fullBuildOnly) {
      printResources(heap, scratch);
      return;
    }
    ProvinceMonthTotals sparkTotals = ProvinceMonthTotals.ofSpark(spark);
    compareWithDuckDb(feedFiles(longFeed), work.resolve("duckdb-full"), sparkTime, sparkTotals);

    Path shortLake = work.resolve("lakehouse-short");
    Path shortFeed = work.resolve("feed-short");
    link(files, f -> dayOf(f).isBefore(last) && !dayOf(f).isBefore(shortFrom), generated, shortFeed);
    attach(shortLake);
    feed(shortLake, shortFeed, "bench-short-history");

    link(files, f -> dayOf(f).equals(last), generated, shortFeed);
    long t1 = System.nanoTime();
    FeedJob.Result shortDay = feed(shortLake, shortFeed, "bench-day-short");
    double shortSeconds = seconds(t1);
    out.printf("incremental, 1 day on a %d-day history: %.1f s (%,d messages, %d gold months rebuilt)%n",
        SHORT_HISTORY_DAYS, shortSeconds, shortDay.messages(), shortDay.monthsRebuilt().size());

    link(files, f -> dayOf(f).equals(last), generated, longFeed);
    attach(longLake);
    long t2 = System.nanoTime();
    FeedJob.Result longDay = feed(longLake, longFeed, "bench-day-long");
    double longSeconds = seconds(t2);
    out.printf("incremental, 1 day on a %d-day history: %.1f s (%,d messages, %d gold months rebuilt)%n",
        days.size() - 1, longSeconds, longDay.messages(), longDay.monthsRebuilt().size());
    out.printf("incremental ratio long/short: %.2f (target <= 1.3)%n", longSeconds / shortSeconds);

    noOpRefresh(longLake, longFeed);

    WarehouseSession.attach(spark, longLake.toString());
    for (String view : VIEWS) {
      String q = "SELECT * FROM " + view;
      spark.sql(q).collectAsList();
      long t = System.nanoTime();
      int rows = spark.sql(q).collectAsList().size();
      out.printf("view %s: %.2f s warm (%,d rows)%n", view, seconds(t), rows);
    }

    printResources(heap, scratch);
  }

  private void printResources(HeapSampler heap, ScratchDiskSampler scratch) {
    out.println(heap.report());
    out.println(scratch.report());
    heap.close();
    scratch.close();
  }

  /**
   * The same full build in DuckDB ({@link DuckDbFeedBuild}) on the files Spark loaded, after Spark, in this process:
   * both builds' CPU and wall seconds and their ratio, DuckDB's steps, then the totals check (which throws on a
   * difference).
   */
  private void compareWithDuckDb(List<Path> files, Path output, BenchClock.Span sparkTime,
      ProvinceMonthTotals sparkTotals) throws IOException {
    DuckDbFeedBuild.Result duck;
    try {
      duck = new DuckDbFeedBuild(output, DUCKDB_THREADS).run(files);
    } catch (SQLException e) {
      throw new IllegalStateException("the DuckDB build failed: " + e.getMessage(), e);
    }
    BenchClock.Span duckTime = duck.total();
    out.printf("full build in DuckDB: %,d messages (%,d refused), %,d dossiers in %.1f s (CPU %.1f s); steps: %s%n",
        duck.messages(), duck.refused(), duck.dossiers(), duckTime.wallSeconds(), duckTime.cpuSeconds(),
        duck.stepSummary());
    out.printf("full build ratio Spark/DuckDB: CPU %.1f s / %.1f s = %.2f (target <= 2), wall %.1f s / %.1f s = %.2f%n",
        sparkTime.cpuSeconds(), duckTime.cpuSeconds(), sparkTime.cpuSeconds() / duckTime.cpuSeconds(),
        sparkTime.wallSeconds(), duckTime.wallSeconds(), sparkTime.wallSeconds() / duckTime.wallSeconds());
    TotalsCheck.verify(sparkTotals, duck.totals(), out);
  }

  /**
   * The whole refresh (documents and feed) once more on inputs it has all loaded, in this warm JVM: the first run
   * records what a refresh records of the feed's tables (the bench loaded them through the feed job alone), the
   * second is the no-op re-run that is timed (target: under 15 s once the JVM is up).
   */
  private void noOpRefresh(Path lakehouse, Path feed) {
    RefreshOptions options = new RefreshOptions(documents, feed.toString());
    attach(lakehouse);
    new RefreshJob(spark, new PrintStream(java.io.OutputStream.nullOutputStream())).run(options);
    BenchClock clock = BenchClock.start();
    int exit = new RefreshJob(spark, new PrintStream(java.io.OutputStream.nullOutputStream())).run(options).exitCode();
    BenchClock.Span noOp = clock.elapsed();
    out.printf("no-op refresh (the documents and every feed file again, nothing new): %.1f s (CPU %.1f s), exit %d "
        + "(target < 15 s once the JVM is up)%n", noOp.wallSeconds(), noOp.cpuSeconds(), exit);
  }

  /**
   * The feed job alone on {@code feed}, its commits tagged as a refresh's ({@link CommitTag}): the lakehouse then
   * holds what a refresh would have written, and the no-op refresh after it finds no foreign commit to report.
   */
  private FeedJob.Result feed(Path lakehouse, Path feed, String runId) {
    try (CommitTag tag = CommitTag.of(spark, runId)) {
      return new FeedJob(spark, lakehouse.toString(), line -> out.println("  " + line)).run(feed.toString(), runId);
    }
  }

  private void attach(Path lakehouse) {
    WarehouseSession.attach(spark, lakehouse.toString());
  }


  /** The generator's feed files under {@code folder}/feed, in path order. */
  static List<Path> feedFiles(Path folder) throws IOException {
    try (Stream<Path> s = Files.walk(folder.resolve("feed"))) {
      return s.filter(p -> p.getFileName().toString().matches("dvcqg-\\d{4}-\\d{2}-\\d{2}.*\\.jsonl(\\.gz)?"))
          .sorted(Comparator.naturalOrder()).toList();
    }
  }

  static LocalDate dayOf(Path file) {
    return LocalDate.parse(file.getFileName().toString().substring(6, 16));
  }

  private static void link(List<Path> files, java.util.function.Predicate<Path> which, Path from, Path to)
      throws IOException {
    for (Path f : files) {
      if (which.test(f)) {
        Path target = to.resolve(from.relativize(f));
        if (!Files.exists(target)) {
          Files.createDirectories(target.getParent());
          Files.createLink(target, f);
        }
      }
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /**
   * Samples the heap every 200 ms: the most it held (live data plus garbage not yet collected, which G1 lets grow
   * toward the maximum) and the most it held right after a collection (the live data: what must fit).
   */
  static final class HeapSampler implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;
    private long peakUsed;
    private long peakAfterGc;

    HeapSampler() {
      thread = new Thread(() -> {
        while (running) {
          sample();
          try {
            Thread.sleep(200);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "bench-heap-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    private synchronized void sample() {
      peakUsed = Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
      long afterGc = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
          afterGc += pool.getCollectionUsage().getUsed();
        }
      }
      peakAfterGc = Math.max(peakAfterGc, afterGc);
    }

    synchronized String report() {
      sample();
      return String.format("heap: max %.2f GiB; peak used %.2f GiB (with garbage not yet collected); "
          + "peak after a collection %.2f GiB; no OutOfMemoryError", Runtime.getRuntime().maxMemory() / 1073741824.0,
          peakUsed / 1073741824.0, peakAfterGc / 1073741824.0);
    }

    @Override
    public void close() {
      running = false;
      thread.interrupt();
    }
  }

  private static double totalMemoryGiB() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean m ? m.getTotalMemorySize() / 1073741824.0 : 0;
  }

}
