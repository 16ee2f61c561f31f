package vn.dvcw.pipelines.refresh;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import vn.dvcw.core.calendar.WorkingCalendar;
import vn.dvcw.core.documents.ParsedDocument;
import vn.dvcw.core.geo.ProvinceDirectory;
import vn.dvcw.pipelines.JobContext;
import vn.dvcw.pipelines.Progress;
import vn.dvcw.pipelines.QuarantineEntry;
import vn.dvcw.pipelines.StepHook;
import vn.dvcw.pipelines.documents.DocumentsJob;
import vn.dvcw.pipelines.feed.FeedJob;
import vn.dvcw.pipelines.gold.GoldJob;
import vn.dvcw.pipelines.reconciliation.ReconciliationJob;
import vn.dvcw.storage.LineageConfig;
import vn.dvcw.storage.WarehouseSession;
import vn.dvcw.storage.catalog.TableSpec;
import vn.dvcw.storage.catalog.WarehouseTables;
import vn.dvcw.storage.models.ViewLoader;
import vn.dvcw.storage.write.TableWriter;

/**
 * The main job: loads everything in the inputs folder into the lakehouse and rebuilds what derives from it, under
 * the lakehouse's refresh lock. Each step is a job of its own; this class runs them in order and keeps the record.
 *
 * <ol>
 *   <li>reference data: provinces of both eras, their status history and lineage, the working-day calendar;</li>
 *   <li>and 3. documents ({@link DocumentsJob}): bronze by content hash, then silver, provinces resolved;</li>
 *   <li value="4">gold facts of current documents ({@link GoldJob});</li>
 *   <li>the dossier feed, when one is given ({@link FeedJob});</li>
 *   <li>reconciliation of every published figure ({@link ReconciliationJob});</li>
 *   <li>quarantine: every input that could not be loaded, recorded once;</li>
 *   <li>views: every model of {@code models/} created; one that cannot be is a failed refresh;</li>
 *   <li>freshness: each source's age against its cadence, stale ones alerted once ({@link FreshnessCheck});</li>
 *   <li>the run record in {@code ops.refresh_run}.</li>
 * </ol>
 * Every write goes through {@link TableWriter} by each table's declared mode: a re-run on the same inputs commits
 * nothing. A failure is recorded (status 'failed') and thrown; every table stays at its last committed version.
 */
public final class RefreshJob {
  private static final String JOB = "refresh";
  private static final int STEPS = 10;

  private final JobContext ctx;
  private final SparkSession spark;
  private final String lakehouse;
  private final PrintStream out;
  private final TableWriter writer;
  private final Map<String, Long> rowsWritten = new LinkedHashMap<>();
  private final Map<String, Long> versions = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  public RefreshJob(SparkSession spark, PrintStream out) {
    this(JobContext.of(spark, StepHook.NONE), out);
  }

  /** A refresh whose steps (and its jobs' steps) call the context's hook as they start (crash tests). */
  public RefreshJob(JobContext ctx, PrintStream out) {
    this.ctx = ctx;
    this.spark = ctx.spark();
    this.lakehouse = ctx.lakehouse();
    this.writer = ctx.writer();
    this.out = out;
  }

  /** A row of ops.refresh_run. */
  record RunRecord(String runId, Timestamp startedAt, Timestamp endedAt, String status, int exitCode,
      String lakehouse, String inputsFolder, int inputsSeen, int inputsNew, int inputsRefused,
      Map<String, Long> rowsWritten, int quarantinedNew, int mismatches, int mismatchesNew, String[] warnings,
      Map<String, Long> tableVersions) {}

  /** A row of ops.quarantine. */
  record QuarantineRow(String quarantineId, String firstRunId, String stage, String filePath, String docId,
      String tableId, Integer lineNo, String rawText, String reason, Timestamp quarantinedAt) {}

  /**
   * Runs a refresh under the lakehouse's refresh lock. Bad inputs are quarantined and counted; a failure of the
   * run itself is recorded in ops.refresh_run (status 'failed') and thrown. Another live refresh on the same
   * lakehouse makes this one wait up to {@link RefreshOptions#lockWait()}, then return exit code 4.
   */
  public RefreshResult run(RefreshOptions options) {
    String runId = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
        + "-" + UUID.randomUUID().toString().substring(0, 6);
    Timestamp started = Timestamp.from(Instant.now());
    requireFolder(options.inputs());
    RefreshLock lock;
    try {
      lock = RefreshLock.acquire(spark.sparkContext().hadoopConfiguration(), lakehouse, runId, options.lockWait(),
          msg -> { warnings.add(msg); out.println("note: " + msg); });
    } catch (RefreshLock.BusyException busy) {
      return new RefreshResult(runId, RefreshResult.BUSY, 0, 0, 0, 0, 0, 0, List.of("BUSY " + busy.getMessage()));
    }
    try (lock) {
      return runLocked(options, runId, started);
    } catch (RuntimeException failure) {
      recordFailure(runId, started, options, failure);
      throw failure;
    }
  }

  /** Fails before anything is written when the inputs folder is missing: a typo must not cost a run. */
  private void requireFolder(String inputs) {
    try {
      var path = new org.apache.hadoop.fs.Path(inputs);
      if (!path.getFileSystem(spark.sparkContext().hadoopConfiguration()).isDirectory(path)) {
        throw new IllegalArgumentException("inputs folder not found: " + inputs + " (pass --inputs DIR)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read inputs folder " + inputs, e);
    }
  }

  private RefreshResult runLocked(RefreshOptions options, String runId, Timestamp started) {
    Progress progress = new Progress(out, STEPS);

    ctx.step(JOB, 1);
    progress.start("reference data: provinces of both eras, status history, lineage");
    ProvinceDirectory dir = ProvinceDirectory.fromClasspath();
    WorkingCalendar calendar = WorkingCalendar.vietnam();
    writeRows(WarehouseTables.PROVINCE, ReferenceTables.provinces(dir, LocalDate.now(ZoneOffset.UTC)));
    writeRows(WarehouseTables.PROVINCE_STATUS, ReferenceTables.statuses(dir));
    writeRows(WarehouseTables.PROVINCE_LINEAGE, ReferenceTables.lineage(dir));
    writeRows(WarehouseTables.CALENDAR, ReferenceTables.calendar(calendar));
    writeRows(WarehouseTables.COMMUNE_INDICATOR, ReferenceTables.communeIndicators());
    writeRows(WarehouseTables.SOURCE_CADENCE, ReferenceTables.sourceCadence());
    progress.done(dir.provinces().size() + " provinces, " + dir.lineage().size() + " lineage links, calendar "
        + calendar.firstDay() + " to " + calendar.lastDay());

    ctx.step(JOB, 2);
    DocumentsJob.Result docs = new DocumentsJob(ctx).run(options.inputs(), runId, progress);
    docs.writes().forEach(this::note);
    List<QuarantineEntry> quarantine = new ArrayList<>(docs.quarantine());

    ctx.step(JOB, 4);
    progress.start("gold: facts of current documents");
    new GoldJob(ctx).run().writes().forEach(this::note);
    progress.done(GoldJob.FACTS.size() + " fact tables");

    ctx.step(JOB, 5);
    FeedJob.Result feed = feed(options, runId, progress);

    ctx.step(JOB, 6);
    progress.start("reconciliation: published totals, rates and claims vs their rows");
    ReconciliationJob.Result recon = new ReconciliationJob(ctx)
        .run(docs.parsed(), docs.current(), options.inputs());
    note(recon.write());
    progress.done(recon.checks().size() + " checks, " + recon.problems().size() + " mismatches ("
        + recon.newProblems() + " new)");

    ctx.step(JOB, 7);
    progress.start("quarantine");
    List<QuarantineEntry> entries = unique(quarantine);
    long newQuarantined = recordQuarantine(entries, runId);
    progress.done(entries.size() + " entries this run, " + newQuarantined + " new");

    ctx.step(JOB, 8);
    progress.start("views");
    ViewLoader.Report views = WarehouseSession.attach(spark, lakehouse);
    if (!views.complete()) {
      throw new IllegalStateException("views not created: " + views.failed().entrySet().stream()
          .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining("; "))
          + ". Fix the model in models/ and refresh again");
    }
    progress.done(views.created().size() + " views");

    ctx.step(JOB, 9);
    progress.start("freshness: each source's latest data against its cadence");
    FreshnessCheck.Result freshness = new FreshnessCheck(ctx).run(runId);
    note(freshness.write());
    progress.done(freshness.stale().size() + " stale sources (" + freshness.newAlerts() + " new)");

    long feedQuarantinedNew = feed == null ? 0 : feed.quarantinedNew();
    int exit = newQuarantined + feedQuarantinedNew > 0 || recon.newProblems() > 0 || freshness.newAlerts() > 0
        ? RefreshResult.FINDINGS : RefreshResult.OK;
    List<String> summary = summary(docs, recon, entries, newQuarantined);
    summary.addAll(freshness.lines());
    if (feed != null) {
      summary.add("dossier feed: " + feed.summary());
      if (feedQuarantinedNew > 0) {
        summary.add("QUARANTINED " + feedQuarantinedNew + " new feed messages: see SELECT * FROM ops.quarantine WHERE "
            + "stage = 'feed' (raw messages in bronze.feed_record, by file_id and line)");
      }
    }
    ctx.step(JOB, 10);
    progress.start("run record");
    writeRun(new RunRecord(runId, started, Timestamp.from(Instant.now()),
        exit == 0 ? "success" : "success_with_findings", exit, lakehouse, options.inputs(), docs.filesSeen(),
        docs.newDocuments(), docs.filesRefused(), new LinkedHashMap<>(rowsWritten),
        (int) (newQuarantined + feedQuarantinedNew), recon.problems().size(), (int) recon.newProblems(),
        warnings.toArray(String[]::new), new LinkedHashMap<>(versions)));
    progress.done("run " + runId);
    new RefreshLineage(LineageConfig.fromEnvironment()).emit(runId, exit, docs, options.feed(), versions.keySet(),
        lakehouse).ifPresent(w -> summary.add("WARNING " + w)); // opt-in OpenLineage: the documents read
    return new RefreshResult(runId, exit, docs.parsed().size(), docs.newDocuments(), docs.observations(),
        newQuarantined, recon.problems().size(), recon.newProblems(), summary);
  }

  private FeedJob.Result feed(RefreshOptions options, String runId, Progress progress) {
    FeedJob feedJob = FeedJob.of(ctx, line -> out.println("      " + line));
    if (options.feed() == null) {
      progress.start("dossier feed: none given (--feed DIR)");
      feedJob.ensureTables();
      progress.done("skipped");
      return null;
    }
    progress.start("dossier feed: bronze, silver.dossier, gold.dossier_daily from " + options.feed());
    FeedJob.Result feed = feedJob.run(options.feed(), runId);
    feed.rowsWritten().forEach((t, n) -> rowsWritten.merge(t, n, Long::sum));
    versions.putAll(feed.tableVersions());
    progress.done(feed.summary());
    return feed;
  }

  /** One entry per input row: a row whose province is unknown fails once, not once per measure. */
  private static List<QuarantineEntry> unique(List<QuarantineEntry> entries) {
    Map<String, QuarantineEntry> byId = new LinkedHashMap<>();
    entries.forEach(q -> byId.putIfAbsent(q.id(), q));
    return List.copyOf(byId.values());
  }

  /** Records the entries not recorded before (an input is alerted once); returns how many were new. */
  private long recordQuarantine(List<QuarantineEntry> entries, String runId) {
    Set<String> prior = writer.exists(WarehouseTables.QUARANTINE)
        ? spark.read().format("delta").load(WarehouseTables.QUARANTINE.path(lakehouse)).select("quarantine_id")
            .collectAsList().stream().map(r -> r.<String>getAs("quarantine_id")).collect(Collectors.toSet())
        : Set.of();
    Timestamp now = Timestamp.from(Instant.now());
    List<QuarantineRow> rows = entries.stream().filter(q -> !prior.contains(q.id()))
        .map(q -> new QuarantineRow(q.id(), runId, q.stage(), q.filePath(), q.docId(), q.tableId(), q.lineNo(),
            q.rawText(), q.reason(), now))
        .toList();
    note(writer.write(WarehouseTables.QUARANTINE, writer.frame(WarehouseTables.QUARANTINE, rows)));
    return rows.size();
  }

  private List<String> summary(DocumentsJob.Result docs, ReconciliationJob.Result recon,
      List<QuarantineEntry> quarantine, long newQuarantined) {
    List<String> lines = new ArrayList<>();
    for (ParsedDocument d : docs.parsed().values()) {
      var id = d.identity();
      lines.add(String.format("document %-22s %-24s %s%s", id.number() != null ? id.number() : "(no number)",
          id.kind().sqlName(), d.source().fileName(), docs.current().contains(d.docId()) ? "" : "  [superseded]"));
    }
    for (ReconciliationJob.FindingRow m : recon.problems()) {
      String what = m.publishedValue() == null ? m.detail()
          : "published " + m.publishedValue() + ", computed " + m.computedValue();
      lines.add(String.format("%s %s %s.%s %s [%s]: %s%s", m.status().toUpperCase(),
          m.documentNumber() != null ? m.documentNumber() : m.documentKey(), m.tableId(), m.check(), m.measure(),
          m.scope(), what, m.acknowledged() ? " (acknowledged)" : ""));
    }
    for (QuarantineEntry q : quarantine) {
      lines.add("QUARANTINED " + q.stage() + " " + q.filePath() + (q.lineNo() != null ? ":" + q.lineNo() : "") + ": "
          + q.reason());
    }
    lines.add(String.format("%d mismatches (%d new), %d quarantined this run (%d new)", recon.problems().size(),
        recon.newProblems(), quarantine.size(), newQuarantined));
    warnings.forEach(w -> lines.add("WARNING " + w));
    return lines;
  }

  private void recordFailure(String runId, Timestamp started, RefreshOptions options, RuntimeException failure) {
    try {
      List<String> notes = new ArrayList<>(warnings);
      notes.add("failed: " + failure.getMessage());
      writeRun(new RunRecord(runId, started, Timestamp.from(Instant.now()), "failed", RefreshResult.FAILED,
          lakehouse, options.inputs(), 0, 0, 0, new LinkedHashMap<>(rowsWritten), 0, 0, 0,
          notes.toArray(String[]::new), new LinkedHashMap<>(versions)));
    } catch (RuntimeException ignored) {
      // The failure itself is what the caller must see; a run record we cannot write adds nothing.
    }
  }

  private void writeRun(RunRecord run) {
    writer.write(WarehouseTables.REFRESH_RUN, writer.frame(WarehouseTables.REFRESH_RUN, List.of(run)));
  }

  /** Writes the reference rows {@link ReferenceTables} built (one record per row). */
  private void writeRows(TableSpec spec, List<? extends Record> rows) {
    note(writer.write(spec, writer.frame(spec, rows)));
  }

  private void note(TableWriter.Result r) {
    rowsWritten.merge(r.table(), r.rows(), Long::sum);
    versions.put(r.table(), r.version());
  }
}
