package vn.dvcw.pipelines.feed;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import vn.dvcw.core.calendar.WorkingCalendar;
import vn.dvcw.core.feed.AgencyDirectory;
import vn.dvcw.core.feed.FeedFile;
import vn.dvcw.core.feed.FeedParser;
import vn.dvcw.core.feed.FeedReadFailure;
import vn.dvcw.core.feed.Pseudonymiser;
import vn.dvcw.core.geo.ProvinceDirectory;
import vn.dvcw.pipelines.JobContext;
import vn.dvcw.storage.catalog.CatalogRegistrar;
import vn.dvcw.storage.catalog.WarehouseTables;
import vn.dvcw.storage.write.TableWriter;

/**
 * Loads the dossier feed: new feed files → bronze (raw messages) → silver (dossiers' latest state, events) →
 * gold.dossier_daily, touching only what the new files affect. A run is seven numbered steps ({@link FeedStep}):
 *
 * <ol>
 *   <li>Files ({@link FeedFiles}, {@link FeedFileLedger}): the files bronze.feed_file has not loaded are marked
 *       'loading'; the same bytes under another path are recorded as duplicates.</li>
 *   <li>Parse ({@link FeedReader}): their messages, parsed in parallel, go to a staging folder of the run.</li>
 *   <li>Bronze ({@link FeedBronze}): every message into bronze.feed_record (partitioned by ingest day, the only
 *       table with personal data), the refused ones into ops.quarantine.</li>
 *   <li>Events ({@link DossierEvents}): silver.dossier_event gains the events it does not have.</li>
 *   <li>Fold ({@link DossierFold}): the batch's records and events are folded with the stored state of the same
 *       dossiers only; event time, never arrival order, decides.</li>
 *   <li>Gold ({@link DailyFacts}): gold.dossier_daily is rebuilt for the months whose dossiers changed and those
 *       where an open dossier passed its due day since the last run.</li>
 *   <li>As-of and ledger ({@link FeedAsOf}, {@link FeedFileLedger}): the new as-of time, then the files 'loaded'.</li>
 * </ol>
 * Every step is idempotent, which is what makes a crash safe: a file left 'loading' is loaded again by the next run,
 * which first deletes what the crashed run appended to bronze; the other tables are written by key (events inserted
 * when new, dossiers upserted by content, gold months compared before they are replaced), so repeating a step
 * changes nothing. The cost of a run follows the size of the new files and the months they touch, not the length
 * of the history. All SQL is in model files ({@link Models}), with values bound, never pasted.
 */
public final class FeedJob {
  private final SparkSession spark;
  private final String lakehouse;
  private final Consumer<String> log;
  private final FeedStep.Listener listener;
  private final int maxLineBytes;
  private final TableWriter writer;

  /** The longest feed line read when {@value #MAX_LINE_MB_ENV} is not set: far below any heap the job runs in. */
  public static final int DEFAULT_MAX_LINE_MB = 8;
  /** The environment variable setting the longest feed line read, in MiB. */
  public static final String MAX_LINE_MB_ENV = "DVCW_FEED_MAX_LINE_MB";

  /** A job writing to {@code lakehouse}, reporting progress to {@code log}. */
  public FeedJob(SparkSession spark, String lakehouse, Consumer<String> log) {
    this(spark, lakehouse, log, FeedStep.Listener.NONE, maxLineBytesFromEnvironment());
  }

  private FeedJob(SparkSession spark, String lakehouse, Consumer<String> log, FeedStep.Listener listener,
      int maxLineBytes) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.lakehouse = Objects.requireNonNull(lakehouse, "lakehouse");
    this.log = Objects.requireNonNull(log, "log");
    this.listener = Objects.requireNonNull(listener, "listener");
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("the feed line limit must be positive, not " + maxLineBytes + " bytes");
    }
    this.maxLineBytes = maxLineBytes;
    this.writer = new TableWriter(spark, lakehouse);
  }

  /**
   * The line limit of {@value #MAX_LINE_MB_ENV} (whole MiB, default {@value #DEFAULT_MAX_LINE_MB}). A line (or a
   * {@code .json} document, or an item of a JSON array) longer than this is quarantined unread: it must stay well
   * below the heap, as parsing one line takes a few times its size.
   */
  static int maxLineBytesFromEnvironment() {
    String v = System.getenv(MAX_LINE_MB_ENV);
    if (v == null || v.isBlank()) {
      return DEFAULT_MAX_LINE_MB << 20;
    }
    try {
      int mb = Integer.parseInt(v.strip());
      if (mb >= 1 && mb <= 1024) {
        return mb << 20;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException(MAX_LINE_MB_ENV + " must be a whole number of MiB from 1 to 1024, not '"
        + v + "'");
  }

  /** The feed job of a context: its steps are announced to the context's hook as job {@code "feed"}, 1 to 7. */
  public static FeedJob of(JobContext ctx, Consumer<String> log) {
    return new FeedJob(ctx.spark(), ctx.lakehouse(), log)
        .withStepListener(step -> ctx.step("feed", step.ordinal() + 1));
  }

  /** The same job, telling {@code listener} when each step of a run completes (tests use it to inject crashes). */
  public FeedJob withStepListener(FeedStep.Listener listener) {
    return new FeedJob(spark, lakehouse, log, listener, maxLineBytes);
  }

  /** The same job with another line limit (tests use a small one). */
  public FeedJob withMaxLineBytes(int maxLineBytes) {
    return new FeedJob(spark, lakehouse, log, listener, maxLineBytes);
  }

  /** What a feed run did. */
  public record Result(int filesSeen, int filesLoaded, int duplicates, long messages, long quarantined,
      long quarantinedNew, long eventsNew, long dossiersChanged, List<String> monthsRebuilt, Timestamp asOf,
      Map<String, Long> rowsWritten, Map<String, Long> tableVersions) {

    public Result {
      monthsRebuilt = List.copyOf(monthsRebuilt);
      rowsWritten = Collections.unmodifiableMap(new LinkedHashMap<>(rowsWritten));
      tableVersions = Collections.unmodifiableMap(new LinkedHashMap<>(tableVersions));
    }

    public String summary() {
      return String.format("%d feed files (%d loaded, %d duplicates); %,d messages, %,d quarantined (%,d new); "
          + "%,d new events; %,d dossiers changed; gold months rebuilt: %s; as of %s", filesSeen, filesLoaded,
          duplicates, messages, quarantined, quarantinedNew, eventsNew, dossiersChanged,
          monthsRebuilt.isEmpty() ? "none" : compact(monthsRebuilt), asOf == null ? "-" : asOf.toInstant());
    }

    /** The months, or for more than four the first, the last and how many. */
    static String compact(List<String> months) {
      return months.size() <= 4 ? String.join(", ", months)
          : months.iterator().next() + " … " + months.get(months.size() - 1) + " (" + months.size() + ")";
    }
  }

  /**
   * Creates the feed's silver and gold tables, empty, when absent: the views read them whether or not a feed was
   * loaded.
   */
  public void ensureTables() {
    writer.createIfAbsent(WarehouseTables.DOSSIER);
    writer.createIfAbsent(WarehouseTables.DOSSIER_EVENT);
    writer.createIfAbsent(WarehouseTables.DOSSIER_AS_OF);
    writer.createIfAbsent(WarehouseTables.FEED_FILE); // analytics.freshness names the latest file loaded
    if (!writer.exists(WarehouseTables.DOSSIER_DAILY)) {
      writer.createIfAbsent(WarehouseTables.DOSSIER_DAILY, dailyFacts(new WriteTally()).schema());
    }
    new CatalogRegistrar(spark, lakehouse).registerAll();
  }

  /** Loads the new files of {@code folder} as run {@code runId}. */
  public Result run(String folder, String runId) {
    Pseudonymiser pseudonyms = Pseudonymiser.fromEnvironment();
    ensureTables();
    WriteTally tally = new WriteTally();
    FeedRun run = new FeedRun(spark, lakehouse, new Models(spark), writer, tally);
    FeedAsOf asOf = new FeedAsOf(run);
    asOf.requireSameSecret(pseudonyms);
    Timestamp now = Timestamp.from(Instant.now());

    // 1. files
    FeedFileLedger ledger = new FeedFileLedger(run);
    FeedFiles files = new FeedFiles(spark.sparkContext().hadoopConfiguration());
    List<FeedFiles.Listed> listed = files.list(folder);
    FeedFiles.Plan plan = files.plan(listed, ledger.known());
    log.accept(String.format("feed %s: %d files, %d new, %d already loaded, %d duplicates", folder, listed.size(),
        plan.load().size(), plan.unchanged(), plan.duplicates().size()));
    ledger.markDuplicates(plan, runId, now);
    Timestamp before = asOf.read().orElse(null);
    if (plan.load().isEmpty()) {
      return new Result(listed.size(), 0, plan.duplicates().size(), 0, 0, 0, 0, 0, List.of(), before,
          tally.rowsWritten(), tally.tableVersions());
    }
    ledger.markLoading(plan.load(), runId, now);
    completed(FeedStep.FILES_MARKED_LOADING);

    Path staging = new Path(lakehouse + "/_staging/feed-" + runId);
    try (FeedViews views = new FeedViews(spark); ShufflePartitions partitions = new ShufflePartitions(spark)) {

      // 2. parse to staging
      long t = System.nanoTime();
      stage(plan.load(), pseudonyms, staging, views);
      log.accept(String.format("parsed %d files (%.1f s)", plan.load().size(), since(t)));
      completed(FeedStep.STAGED);

      // 3. bronze and quarantine
      t = System.nanoTime();
      FeedBronze.Loaded bronze = new FeedBronze(run).write(plan, runId, now);
      log.accept(String.format("bronze: %,d messages from %d files, %,d refused (%,d new in the quarantine) (%.1f s)",
          bronze.messages(), plan.load().size(), bronze.quarantined(), bronze.quarantinedNew(), since(t)));
      completed(FeedStep.BRONZE_WRITTEN);
      if (partitions.sizeFor(bronze.messages())) {
        log.accept(String.format("%,d shuffle partitions for %,d messages", partitions.current(), bronze.messages()));
      }

      // 4. events
      t = System.nanoTime();
      long eventsBefore = writer.version(WarehouseTables.DOSSIER_EVENT);
      long newEvents = new DossierEvents(run.withViews(views)).merge();
      completed(FeedStep.EVENTS_MERGED);

      // 5. fold
      DossierFold.Folded folded = new DossierFold(run.withViews(views))
          .fold(plan.load().stream().map(FeedFile::fileId).toList(), eventsBefore);
      log.accept(String.format("silver: %,d new events, %,d dossiers changed (%.1f s)", newEvents, folded.changed(),
          since(t)));
      completed(FeedStep.DOSSIERS_FOLDED);

      // 6. gold
      t = System.nanoTime();
      Timestamp after = latest(before, batchLatest(run.models()));
      List<String> rebuilt = after == null ? List.of()
          : rebuildGold(goldMonthsOf(folded, plan), before, after, tally);
      log.accept(String.format("gold: dossier_daily months rebuilt: %s (%.1f s)",
          rebuilt.isEmpty() ? "none" : Result.compact(rebuilt), since(t)));
      completed(FeedStep.GOLD_REBUILT);

      // 7. as-of, then the files are loaded
      if (after != null) {
        asOf.write(after, pseudonyms, runId);
      }
      ledger.markLoaded(plan.load(), bronze.perFile(), runId, now);
      completed(FeedStep.FILES_MARKED_LOADED);
      return new Result(listed.size(), plan.load().size(), plan.duplicates().size(), bronze.messages(),
          bronze.quarantined(), bronze.quarantinedNew(), newEvents, folded.changed(), rebuilt, after,
          tally.rowsWritten(), tally.tableVersions());
    } finally {
      deleteQuietly(staging);
    }
  }

  private void completed(FeedStep step) {
    listener.completed(step);
  }

  /** Parses {@code files} into the staging folder and registers it as {@link FeedViews#STAGED}. */
  private void stage(List<FeedFile> files, Pseudonymiser pseudonyms, Path staging, FeedViews views) {
    FeedParser parser = new FeedParser(new AgencyDirectory(ProvinceDirectory.fromClasspath()),
        WorkingCalendar.vietnam(), pseudonyms, Instant.now());
    try {
      FeedReader.read(spark, files, parser, maxLineBytes).write().mode("overwrite").parquet(staging.toString());
    } catch (RuntimeException e) {
      // Spark wraps a task's failure in its own messages: the operator gets the reader's one line instead.
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof FeedReadFailure f) {
          throw new FeedReadFailure(f.getMessage(), e);
        }
      }
      throw e;
    }
    views.register(FeedViews.STAGED, spark.read().parquet(staging.toString()));
  }

  /** The latest valid time in the batch (batch_latest.sql): what the facts are as of once it is loaded. */
  private static Timestamp batchLatest(Models models) {
    return models.run("silver/feed/batch_latest").head().getAs("latest_at");
  }

  /**
   * The gold months the fold may have changed: its located months when a dossier changed. When the run retries
   * files of a crashed run, also when none changed now: the crashed run may have folded them and died before
   * gold, and gold only rewrites months whose facts differ, so recomputing is safe.
   */
  private static List<String> goldMonthsOf(DossierFold.Folded folded, FeedFiles.Plan plan) {
    return folded.changed() > 0 || !plan.retried().isEmpty() ? folded.months() : List.of();
  }

  /**
   * Rebuilds {@code foldedMonths} and, when the as-of day moved on, the months where an open dossier passed its due
   * day.
   */
  private List<String> rebuildGold(List<String> foldedMonths, Timestamp before, Timestamp after, WriteTally tally) {
    DailyFacts daily = dailyFacts(tally);
    TreeSet<String> months = new TreeSet<>(foldedMonths);
    if (before == null || after.after(before)) {
      months.addAll(daily.monthsPassingDue(FeedParser.localDate(after)));
    }
    return daily.rebuild(new ArrayList<>(months), FeedParser.localDate(after));
  }

  private DailyFacts dailyFacts(WriteTally tally) {
    return new DailyFacts(new FeedRun(spark, lakehouse, new Models(spark), writer, tally));
  }

  private static Timestamp latest(Timestamp a, Timestamp b) {
    return a == null ? b : b == null ? a : a.after(b) ? a : b;
  }

  private static double since(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private void deleteQuietly(Path p) {
    try {
      p.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(p, true);
    } catch (IOException e) {
      log.accept("note: could not delete the staging folder " + p + ": " + e.getMessage());
    }
  }
}
