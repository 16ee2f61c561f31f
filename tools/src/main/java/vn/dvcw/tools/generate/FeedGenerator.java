package vn.dvcw.tools.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import vn.dvcw.core.calendar.WorkingCalendar;
import vn.dvcw.core.geo.ProvinceDirectory;

/**
 * {@code dvcw generate}: synthetic DVCQG dossier feeds for both eras of the 2025 reorganisation.
 *
 * <h2>Output (the contract the ingestion relies on)</h2>
 *
 * <pre>
 * DIR/manifest.json                                   written last: its presence means the run completed
 * DIR/feed/YYYY-MM/dvcqg-YYYY-MM-DD-dossiers.jsonl.gz  records (DongBoHoSoMC), bare JSON lines
 * DIR/feed/YYYY-MM/dvcqg-YYYY-MM-DD-events.jsonl.gz    event envelopes (CapNhatTienDoHoSoMC)
 * DIR/truth/monthly.csv                               the truth ({@link TruthTable})
 * </pre>
 *
 * Both files exist for every day from --from to --to (possibly empty gzip). A day's files hold exactly
 * the messages that arrived that day, in arrival order; loading days ≤ D gives the state at the end of
 * D, except for the messages the injections deliver late ({@link Injection}). A dossier's state is its
 * record of highest {@link MessageKind#rank precedence} (ties: last arrived). Every record and event
 * envelope carries {@code "_synthetic":"1"}; all values are strings; timestamps are
 * {@code yyyyMMddHHmmss} in Asia/Ho_Chi_Minh, {@code ""} for none. Units, agency codes and the name →
 * level convention: {@link UnitCatalogue}. Fields: {@link RecordRenderer}, {@link EventRenderer}.
 *
 * <p>{@code manifest.json}: {@code synthetic, generator, format (1), seed, scale, from, to, dossiers
 * (dossiers with at least one record in the files), files, records (all lines: records and event
 * envelopes, injected copies included), injected {kind: count}}, plus {@code dossier_records,
 * event_lines, events (events inside envelopes), bytes (of feed/), parts}. Every injection kind is
 * listed, zero or not.
 *
 * <h2>Determinism and speed</h2>
 *
 * The same arguments give byte-identical output: no wall-clock time is written, no hash-order iteration
 * reaches the output, every random draw comes from a stream seeded by what it decides ({@link Mix}), and
 * gzip blocks are cut by message count. Dossiers are planned day by day on all cores; their messages
 * wait as 8-byte keys ({@link ArrivalKey}, spilled to disk past a budget: {@link ArrivalSchedule}) and
 * are rendered on their arrival day by rebuilding the dossier from its key, straight into UTF-8 bytes,
 * compressed pigz-style in parallel ({@link ParallelGzip}).
 */
public final class FeedGenerator {
  /** Messages per render block (≈ 1 MB of records and 0.7 MB of event envelopes). */
  static final int BLOCK = 1500;
  /** Message keys kept in memory before far days are spilled (16 M keys = 128 MiB). */
  static final long KEY_BUDGET = 16L << 20;

  private final GenerateOptions options;
  private final Consumer<String> progress;
  private long keyBudget = KEY_BUDGET;

  public FeedGenerator(GenerateOptions options, Consumer<String> progress) {
    this.options = options;
    this.progress = progress;
  }

  /** Overrides the in-memory key budget (tests force spilling with a tiny one). */
  FeedGenerator keyBudget(long keys) {
    this.keyBudget = keys;
    return this;
  }

  /** Runs the generation. */
  public GenerationSummary run() throws IOException {
    long started = System.nanoTime();
    WorkingCalendar calendar = WorkingCalendar.vietnam();
    LocalDate from = options.from();
    LocalDate to = options.to();
    if (!calendar.covers(from) || !calendar.covers(to)) {
      throw new IllegalArgumentException("--from and --to must lie within the working calendar, "
          + calendar.firstDay() + " to " + calendar.lastDay());
    }
    Path out = options.out();
    FeedFolder.prepare(out, options.force());
    WorkTime time = new WorkTime(calendar);
    ProcedureCatalogue catalogue = ProcedureCatalogue.load();
    UnitCatalogue directory = UnitCatalogue.build(ProvinceDirectory.fromClasspath(), Calibration.load(), catalogue);
    DayVolume volume = new DayVolume(time, from, to, options.scale());
    long fromDay = from.toEpochDay();
    long toDay = to.toEpochDay();
    DossierFactory factory = new DossierFactory(options.seed(), time, volume, catalogue);
    Delivery delivery = new Delivery(options.seed(), toDay);

    List<TruthTable> tables = Collections.synchronizedList(new ArrayList<>());
    ThreadLocal<TruthTable> truth = ThreadLocal.withInitial(() -> {
      TruthTable t = new TruthTable(from, to);
      tables.add(t);
      return t;
    });
    ThreadLocal<MessageRenderer> renderers = ThreadLocal.withInitial(() -> new MessageRenderer(factory, directory));
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), daemonThreads());
    long[] injected = new long[Injection.COUNT];
    AtomicLong events = new AtomicLong();
    long dossiers = 0;
    long files = 0;
    long recordLines = 0;
    long eventLines = 0;
    long bytes = 0;
    try (ArrivalSchedule schedule = new ArrivalSchedule(fromDay, (int) (toDay - fromDay + 1), keyBudget,
        out.resolve(".spill"))) {
      DayPlanner planner = new DayPlanner(factory, delivery, directory, pool, truth, options.threads() * 4);
      long monthDossiers = 0;
      long monthLines = 0;
      long monthBytes = 0;
      long monthStarted = System.nanoTime();
      for (long day = fromDay; day <= toDay; day++) {
        long planned = planner.plan(day, schedule);
        dossiers += planned;
        monthDossiers += planned;
        schedule.limit(day);
        long[] keys = schedule.take(day);
        long dayRecords = 0;
        for (long k : keys) {
          if (MessageKind.isRecord(ArrivalKey.kind(k))) {
            dayRecords++;
          }
          injected[ArrivalKey.variant(k)]++;
        }
        LocalDate date = LocalDate.ofEpochDay(day);
        Path folder = out.resolve("feed").resolve(YearMonth.from(date).toString());
        Files.createDirectories(folder);
        long written = writeDay(folder.resolve("dvcqg-" + date + "-dossiers.jsonl.gz"),
            folder.resolve("dvcqg-" + date + "-events.jsonl.gz"), keys, day, pool, renderers, events);
        files += 2;
        recordLines += dayRecords;
        eventLines += keys.length - dayRecords;
        bytes += written;
        monthLines += keys.length;
        monthBytes += written;
        if (day == toDay || LocalDate.ofEpochDay(day + 1).getDayOfMonth() == 1) {
          progress.accept(String.format("%s  dossiers %,d  lines %,d  %.1f MB  (%.1f s)", YearMonth.from(date),
              monthDossiers, monthLines, monthBytes / 1e6, (System.nanoTime() - monthStarted) / 1e9));
          monthDossiers = 0;
          monthLines = 0;
          monthBytes = 0;
          monthStarted = System.nanoTime();
        }
      }
    } finally {
      pool.shutdownNow();
      try {
        pool.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    TruthTable total = new TruthTable(from, to);
    synchronized (tables) {
      tables.forEach(total::addAll);
    }
    Files.createDirectories(out.resolve("truth"));
    try (Writer w = Files.newBufferedWriter(out.resolve("truth").resolve("monthly.csv"), StandardCharsets.UTF_8)) {
      total.write(w, directory.provinces(false), directory.provinces(true));
    }
    Map<String, Long> injectedByName = new LinkedHashMap<>();
    for (int v = 1; v < Injection.COUNT; v++) {
      injectedByName.put(Injection.NAMES.get(v), injected[v]);
    }
    GenerationSummary summary = new GenerationSummary(dossiers, files, recordLines + eventLines, recordLines,
        eventLines, events.get(), bytes, Collections.unmodifiableMap(injectedByName),
        (System.nanoTime() - started) / 1e9);
    FeedFolder.writeManifest(out.resolve("manifest.json"), options, summary);
    return summary;
  }

  /**
   * Writes one day's two files. The day's keys (in arrival order) are cut into blocks of
   * {@link #BLOCK} messages; each block is rendered once on the pool into its records and its event
   * envelopes (so a dossier rebuilt for one is cached for the other), and each part is compressed as
   * its own gzip stream.
   */
  private static long writeDay(Path records, Path envelopes, long[] keys, long day, ExecutorService pool,
      ThreadLocal<MessageRenderer> renderers, AtomicLong events) throws IOException {
    int window = 4 * Math.max(2, Runtime.getRuntime().availableProcessors());
    ParallelGzip recordGz = new ParallelGzip(records, pool, window);
    ParallelGzip eventGz = new ParallelGzip(envelopes, pool, window);
    try {
      for (int start = 0; start < keys.length; start += BLOCK) {
        int from = start;
        int to = Math.min(keys.length, start + BLOCK);
        CompletableFuture<byte[][]> rendered = CompletableFuture.supplyAsync(() -> {
          MessageRenderer r = renderers.get();
          byte[][] parts = r.renderBlock(keys, from, to, day);
          events.addAndGet(r.lastEventCount());
          return parts;
        }, pool);
        recordGz.add(rendered.thenApply(p -> p[0]));
        eventGz.add(rendered.thenApply(p -> p[1]));
      }
      return recordGz.finish() + eventGz.finish();
    } finally {
      recordGz.close();
      eventGz.close();
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "dvcw-generate-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Convenience for tests: runs and wraps I/O errors. */
  static GenerationSummary generate(GenerateOptions options) {
    try {
      return new FeedGenerator(options, line -> { }).run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
