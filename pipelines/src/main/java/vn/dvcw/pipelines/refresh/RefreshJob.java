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
import vn.dvcw.storage.catalog.TableSpec;
import vn.dvcw.storage.catalog.WarehouseTables;
import vn.dvcw.storage.write.CommitTag;
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
 *   <li>views: every model of {@code models/} created; one that cannot be is a failed refresh ({@link ViewsStep});</li>
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
  /** The step running now, for the record of a run stopped by a signal. */
  private volatile int currentStep;

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
  record RunRecord(String runId, Timestamp startedAt, Timestamp endedAt, String status, Integer exitCode,
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
    PendingRunNotes notes = new PendingRunNotes(spark.sparkContext().hadoopConfiguration(), lakehouse);
    RefreshLock lock;
    try {
      lock = RefreshLock.acquire(spark.sparkContext().hadoopConfiguration(), lakehouse, runId, options.lockWait(),
          msg -> {
            warnings.add(msg);
            out.println("note: " + msg);
            noteKilledHolder(notes, msg, runId, options);
          });
    } catch (RefreshLock.BusyException busy) {
      // Recorded without the lock: a note the holder (or the next holder) copies into ops.refresh_run.
      notes.write(new PendingRunNotes.Note(runId, started, Timestamp.from(Instant.now()), "busy", RefreshResult.BUSY,
          options.inputs(), "busy: " + busy.getMessage()), lakehouse);
      return new RefreshResult(runId, RefreshResult.BUSY, 0, 0, 0, 0, 0, 0, List.of("BUSY " + busy.getMessage()));
    }
    // The failure is recorded while the lock is still held (a catch after try-with-resources would run after the
    // lock is released, racing the next refresh), and so is anything a kill by signal leaves behind.
    try (lock; CommitTag tag = CommitTag.of(spark, runId)) {
      Thread onSignal = new Thread(() -> stoppedBySignal(notes, lock, runId, started, options),
          "dvcw-refresh-stopped");
      Runtime.getRuntime().addShutdownHook(onSignal);
      try {
        return runLocked(options, runId, started, notes);
      } catch (RuntimeException | Error failure) {
        recordFailure(runId, started, options, failure, notes);
        throw failure;
      } finally {
        removeHook(onSignal);
      }
    }
  }

  /**
   * The shutdown hook of a refresh stopped by SIGTERM or SIGINT (kill, Ctrl-C, a scheduler's timeout): the run is
   * noted as stopped and the lock released, so the next refresh neither waits nor has to take the lock over. Spark
   * is shutting down in its own hook by now, so nothing here uses it.
   */
  private void stoppedBySignal(PendingRunNotes notes, RefreshLock lock, String runId, Timestamp started,
      RefreshOptions options) {
    notes.write(new PendingRunNotes.Note(runId, started, Timestamp.from(Instant.now()), "stopped", null,
        options.inputs(), "stopped by a signal (SIGTERM or SIGINT) in step " + currentStep + " of " + STEPS
            + ": every table is at its last commit; the next refresh completes the work"), lakehouse);
    try {
      lock.close();
    } catch (RuntimeException alreadyGone) {
      // Released already, or the file system is going away with the process: the dead-pid takeover remains.
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is exiting and the hook is running or has run.
    }
  }

  /**
   * A run killed outright (kill -9, a lost machine) leaves no record: the run that takes its lock over notes it,
   * from the holder line the lock file keeps (run id, start).
   */
  private void noteKilledHolder(PendingRunNotes notes, String takeoverMessage, String runId, RefreshOptions options) {
    String killed = field(takeoverMessage, "run_id");
    if (killed == null) {
      return;
    }
    Timestamp killedStart;
    try {
      killedStart = Timestamp.from(Instant.parse(field(takeoverMessage, "started").replaceAll("\\)$", "")));
    } catch (RuntimeException unparsable) {
      killedStart = Timestamp.from(Instant.now());
    }
    notes.write(new PendingRunNotes.Note(killed, killedStart, Timestamp.from(Instant.now()), "killed", null,
        options.inputs(), "killed without clean-up (its lock was taken over by run " + runId + ")"), lakehouse);
  }

  private static String field(String text, String name) {
    for (String part : text.split("[\\s(]+")) {
      if (part.startsWith(name + "=")) {
        return part.substring(name.length() + 1);
      }
    }
    return null;
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

  private void step(int step) {
    currentStep = step;
    ctx.step(JOB, step);
  }

  private RefreshResult runLocked(RefreshOptions options, String runId, Timestamp started, PendingRunNotes notes) {
    Progress progress = new Progress(out, STEPS);
    // What the scheduler was last told, read before anything is written: "new" is judged against it.
    DeliveredAlerts delivered = DeliveredAlerts.read(spark, lakehouse);
    Integrity integrity = checkAndHeal(options);

    step(1);
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

    step(2);
    DocumentsJob.Result docs = new DocumentsJob(ctx).run(options.inputs(), runId, progress);
    docs.writes().forEach(this::note);
    List<QuarantineEntry> quarantine = new ArrayList<>(docs.quarantine());

    step(4);
    progress.start("gold: facts of current documents");
    new GoldJob(ctx).run().writes().forEach(this::note);
    progress.done(GoldJob.FACTS.size() + " fact tables");

    step(5);
    FeedJob.Result feed = feed(options, runId, progress);

    step(6);
    progress.start("reconciliation: published totals, rates and claims vs their rows");
    ReconciliationJob.Result recon = new ReconciliationJob(ctx)
        .run(docs.parsed(), docs.current(), options.inputs());
    note(recon.write());
    long newProblems = recon.problems().stream()
        .filter(p -> !p.acknowledged() && !delivered.alertedProblem(p.findingId())).count();
    progress.done(recon.checks().size() + " checks, " + recon.problems().size() + " mismatches ("
        + newProblems + " new)");

    step(7);
    progress.start("quarantine");
    List<QuarantineEntry> entries = unique(quarantine);
    recordQuarantine(entries, runId);
    // New: not in the quarantine the last delivered run left, whichever run wrote it (a killed run's entries too).
    Map<Boolean, Long> unalerted = unalertedQuarantine(delivered);
    long newQuarantined = unalerted.getOrDefault(false, 0L);
    long feedQuarantinedNew = unalerted.getOrDefault(true, 0L);
    progress.done(entries.size() + " entries this run, " + (newQuarantined + feedQuarantinedNew) + " new");

    step(8);
    progress.start("views");
    ViewsStep.Outcome views = ViewsStep.run(ctx, options.viewsInSession());
    progress.done(views.unchanged() > 0
        ? views.unchanged() + " views as last created (models, code and tables unchanged): none to create"
        : views.created().size() + " views");

    step(9);
    progress.start("freshness: each source's latest data against its cadence");
    FreshnessCheck.Result freshness = new FreshnessCheck(ctx).run(runId);
    note(freshness.write());
    progress.done(freshness.stale().size() + " stale sources (" + freshness.newAlerts() + " new)");

    int exit = newQuarantined + feedQuarantinedNew > 0 || newProblems > 0 || !integrity.problems().isEmpty()
        || freshness.newAlerts() > 0 ? RefreshResult.FINDINGS : RefreshResult.OK;
    List<String> summary = summary(docs, recon, newProblems, entries, newQuarantined);
    integrity.problems().forEach(f -> summary.add(f.line()));
    summary.addAll(integrity.healed());
    summary.addAll(freshness.lines());
    if (feed != null) {
      summary.add("dossier feed: " + feed.summary());
      if (feedQuarantinedNew > 0) {
        summary.add("QUARANTINED " + feedQuarantinedNew + " new feed messages: see SELECT * FROM ops.quarantine WHERE "
            + "stage = 'feed' (raw messages in bronze.feed_record, by file_id and line)");
      }
    }
    step(10);
    progress.start("run record");
    recordFingerprints(runId, integrity.unhealed());
    writeRun(new RunRecord(runId, started, Timestamp.from(Instant.now()),
        exit == 0 ? "success" : "success_with_findings", exit, lakehouse, options.inputs(), docs.filesSeen(),
        docs.newDocuments(), docs.filesRefused(), new LinkedHashMap<>(rowsWritten),
        (int) (newQuarantined + feedQuarantinedNew), recon.problems().size(), (int) newProblems,
        warnings.toArray(String[]::new), new LinkedHashMap<>(versions)), notes);
    progress.done("run " + runId);
    new RefreshLineage(LineageConfig.fromEnvironment()).emit(runId, exit, docs, options.feed(), versions.keySet(),
        lakehouse).ifPresent(w -> summary.add("WARNING " + w)); // opt-in OpenLineage: the documents read
    return new RefreshResult(runId, exit, docs.parsed().size(), docs.newDocuments(), docs.observations(),
        newQuarantined, recon.problems().size(), newProblems, summary);
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
    note(writer.write(WarehouseTables.QUARANTINE, rows));
    return rows.size();
  }

  private List<String> summary(DocumentsJob.Result docs, ReconciliationJob.Result recon, long newProblems,
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
        newProblems, quarantine.size(), newQuarantined));
    warnings.forEach(w -> lines.add("WARNING " + w));
    return lines;
  }

  /** What the integrity check found at the start of the run, what was healed and which tables were not. */
  private record Integrity(List<IntegrityCheck.Finding> problems, List<String> healed, Set<String> unhealed) {}

  /**
   * The check every refresh starts with ({@link IntegrityCheck#quick}: foreign commits, from the Delta logs only),
   * the full one when that finds something or a rebuild is asked for, and the repair of what can be re-derived
   * ({@link TableHealer}) before the steps re-derive it. Problems are findings (exit 3) and go to the run's
   * warnings; a table that could not be healed keeps its old fingerprint, so it is reported again.
   */
  private Integrity checkAndHeal(RefreshOptions options) {
    IntegrityCheck check = new IntegrityCheck(spark, lakehouse);
    Map<String, Map<String, TableFingerprints.Fingerprint>> recorded = check.recorded();
    IntegrityCheck.Report quick = check.quick(recorded);
    boolean rebuild = options.rebuild() != null;
    if (!rebuild && quick.problems().isEmpty()) {
      return new Integrity(List.of(), List.of(), Set.of());
    }
    IntegrityCheck.Report full = check.full();
    List<TableSpec> tables = rebuild ? TableHealer.scope(options.rebuild())
        : TableFingerprints.TABLES.stream().filter(t -> full.tables().contains(t.qualifiedName())).toList();
    TableHealer healer = new TableHealer(spark, lakehouse, writer);
    healer.heal(tables, full, rebuild, recorded);
    full.problems().forEach(f -> {
      warnings.add(f.line());
      out.println("note: " + f.line());
    });
    healer.log().forEach(line -> out.println("note: " + line));
    Set<String> unhealed = new java.util.HashSet<>(full.tables());
    unhealed.removeIf(t -> TableHealer.DERIVED_FROM_DOCUMENTS.stream().anyMatch(d -> d.qualifiedName().equals(t)));
    if (healer.log().stream().noneMatch(l -> l.startsWith("NOT RESTORED"))) {
      unhealed.remove(WarehouseTables.DOCUMENT.qualifiedName());
    }
    return new Integrity(full.problems(), healer.log(), unhealed);
  }

  /**
   * Records the fingerprint of every table whose Delta version moved since the last record (the others keep
   * theirs, so a re-run commits nothing); {@code unhealed} tables keep their old fingerprint.
   */
  private void recordFingerprints(String runId, Set<String> unhealed) {
    IntegrityCheck check = new IntegrityCheck(spark, lakehouse);
    Map<String, Map<String, TableFingerprints.Fingerprint>> recorded = check.recorded();
    TableFingerprints fingerprints = new TableFingerprints(spark, lakehouse);
    Timestamp now = Timestamp.from(Instant.now());
    List<TableFingerprints.Fingerprint> rows = new ArrayList<>();
    for (TableSpec spec : TableFingerprints.TABLES) {
      Map<String, TableFingerprints.Fingerprint> before = recorded.getOrDefault(spec.qualifiedName(), Map.of());
      if (unhealed.contains(spec.qualifiedName()) || !writer.exists(spec)) {
        rows.addAll(before.values());
        continue;
      }
      TableFingerprints.Fingerprint whole = before.get(TableFingerprints.WHOLE_TABLE);
      if (whole != null && !check.committedSince(spec, whole.deltaVersion())) {
        rows.addAll(before.values()); // not written since: one file-existence check, no Spark job
        continue;
      }
      long version = writer.version(spec);
      for (TableFingerprints.Fingerprint f : fingerprints.update(spec, before, version, runId, now)) {
        TableFingerprints.Fingerprint old = before.get(f.part());
        // A part whose content did not change keeps its record; the whole table's row carries the new version.
        rows.add(old != null && old.sameContent(f) && !f.part().equals(TableFingerprints.WHOLE_TABLE) ? old : f);
      }
    }
    note(writer.write(WarehouseTables.TABLE_FINGERPRINT, rows));
  }

  /**
   * Records a failed run (still under the lock). When even that write fails (the session is what broke, or the
   * heap is gone), the failure is noted for the next refresh to record instead: a failed run is never missing.
   */
  private void recordFailure(String runId, Timestamp started, RefreshOptions options, Throwable failure,
      PendingRunNotes notes) {
    List<String> notesText = new ArrayList<>(warnings);
    notesText.add("failed: " + failure.getMessage());
    RunRecord failed = new RunRecord(runId, started, Timestamp.from(Instant.now()), "failed", RefreshResult.FAILED,
        lakehouse, options.inputs(), 0, 0, 0, new LinkedHashMap<>(rowsWritten), 0, 0, 0,
        notesText.toArray(String[]::new), new LinkedHashMap<>(versions));
    try {
      writeRun(failed, notes);
    } catch (RuntimeException | Error cannotWrite) {
      // The failure itself is what the caller must see; the record waits for the next refresh.
      notes.write(new PendingRunNotes.Note(runId, started, failed.endedAt(), "failed", RefreshResult.FAILED,
          options.inputs(), "failed: " + failure.getMessage()), lakehouse);
    }
  }

  /** Writes {@code run} with the noted runs waiting (busy, stopped, killed), in one commit, then drops the notes. */
  private void writeRun(RunRecord run, PendingRunNotes notes) {
    List<RunRecord> waiting = notes.read();
    List<RunRecord> rows = new ArrayList<>(waiting);
    rows.removeIf(r -> r.runId().equals(run.runId()));
    rows.add(run);
    writer.write(WarehouseTables.REFRESH_RUN, rows);
    notes.delete(waiting);
  }

  /** Quarantine entries the last delivered run had not recorded, counted by whether they are feed messages. */
  private Map<Boolean, Long> unalertedQuarantine(DeliveredAlerts delivered) {
    if (!writer.exists(WarehouseTables.QUARANTINE)) {
      return Map.of();
    }
    return spark.read().format("delta").load(WarehouseTables.QUARANTINE.path(lakehouse))
        .select("quarantine_id", "stage").collectAsList().stream()
        .filter(r -> !delivered.alertedQuarantine(r.<String>getAs("quarantine_id")))
        .collect(Collectors.partitioningBy(r -> "feed".equals(r.<String>getAs("stage")), Collectors.counting()));
  }

  /** Writes the reference rows {@link ReferenceTables} built (one record per row). */
  private void writeRows(TableSpec spec, List<? extends Record> rows) {
    note(writer.write(spec, rows));
  }

  private void note(TableWriter.Result r) {
    rowsWritten.merge(r.table(), r.rows(), Long::sum);
    versions.put(r.table(), r.version());
  }
}
