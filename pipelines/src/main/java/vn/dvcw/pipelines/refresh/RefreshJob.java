package vn.dvcw.pipelines.refresh;

import static vn.dvcw.pipelines.refresh.ReferenceTables.date;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import vn.dvcw.core.documents.DocumentReader;
import vn.dvcw.core.documents.Finding;
import vn.dvcw.core.documents.ParsedDocument;
import vn.dvcw.core.documents.SourceDocument;
import vn.dvcw.pipelines.feed.FeedJob;
import vn.dvcw.core.calendar.WorkingCalendar;
import vn.dvcw.lakehouse.WarehouseSession;
import vn.dvcw.lakehouse.catalog.TableSpec;
import vn.dvcw.lakehouse.catalog.WarehouseTables;
import vn.dvcw.core.geo.ProvinceDirectory;
import vn.dvcw.core.geo.ProvinceResolver;
import vn.dvcw.lakehouse.write.TableWriter;
import vn.dvcw.lakehouse.models.ViewLoader;

/**
 * The main job: loads everything in the inputs folder into the lakehouse and rebuilds what derives from it.
 *
 * <ol>
 *   <li>reference data (provinces of both eras, lineage) from the shipped CSV files;</li>
 *   <li>bronze: each input file not seen before, by content hash, with its raw text;</li>
 *   <li>silver: every bronze document parsed from its raw text, provinces resolved at its data date;
 *       versions of the same document (kind and number) ordered, the latest current;</li>
 *   <li>gold: facts of current documents (SQL models in models/gold/), and reconciliation findings;</li>
 *   <li>quarantine, views, and the run record.</li>
 * </ol>
 * Every write goes through {@link TableWriter}, by each table's declared mode: a re-run on the same inputs commits nothing.
 */
public final class RefreshJob {
  private static final List<String> GOLD = List.of("fact_online_submission", "fact_dossier_receipt",
      "fact_service_integration", "fact_commune_readiness", "fact_task_progress");

  private final SparkSession spark;
  private final String lakehouse;
  private final PrintStream out;
  private final TableWriter writer;
  private final Map<String, Long> rowsWritten = new LinkedHashMap<>();
  private final Map<String, Long> versions = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  public RefreshJob(SparkSession spark, PrintStream out) {
    this.spark = spark;
    this.lakehouse = WarehouseSession.lakehouseOf(spark);
    this.out = out;
    this.writer = new TableWriter(spark, lakehouse);
  }

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

  /** A test hook: fail on purpose when a step starts, to prove a crash leaves the lakehouse readable. */
  static final String FAIL_AT_STEP = "dvcw.test.failAtStep";

  private void checkpoint(int step) {
    if (Integer.toString(step).equals(System.getProperty(FAIL_AT_STEP))) {
      throw new IllegalStateException("injected failure at step " + step + " (" + FAIL_AT_STEP + ")");
    }
  }

  private void recordFailure(String runId, Timestamp started, RefreshOptions options, RuntimeException failure) {
    try {
      List<String> notes = new ArrayList<>(warnings);
      notes.add("failed: " + failure.getMessage());
      Row run = RowFactory.create(runId, started, Timestamp.from(Instant.now()), "failed", RefreshResult.FAILED,
          lakehouse, options.inputs(), 0, 0, 0, new LinkedHashMap<>(rowsWritten), 0, 0, 0,
          notes.toArray(String[]::new), new LinkedHashMap<>(versions));
      writer.write(WarehouseTables.REFRESH_RUN, frame(List.of(run), WarehouseTables.REFRESH_RUN.schema()));
    } catch (RuntimeException ignored) {
      // The failure itself is what the caller must see; a run record we cannot write adds nothing.
    }
  }

  private RefreshResult runLocked(RefreshOptions options, String runId, Timestamp started) {
    Progress progress = new Progress(out, 9);

    checkpoint(1);
    progress.start("reference data: provinces of both eras, status history, lineage");
    ProvinceDirectory dir = ProvinceDirectory.fromClasspath();
    write(WarehouseTables.PROVINCE, ReferenceTables.provinces(dir, LocalDate.now(ZoneOffset.UTC)));
    write(WarehouseTables.PROVINCE_STATUS, ReferenceTables.statuses(dir));
    write(WarehouseTables.PROVINCE_LINEAGE, ReferenceTables.lineage(dir));
    WorkingCalendar calendar = WorkingCalendar.vietnam();
    write(WarehouseTables.CALENDAR, ReferenceTables.calendar(calendar));
    progress.done(dir.provinces().size() + " provinces, " + dir.lineage().size() + " lineage links, calendar "
        + calendar.firstDay() + " to " + calendar.lastDay());

    checkpoint(2);
    progress.start("bronze: reading inputs from " + options.inputs());
    InputScanner.Scan scan = new InputScanner(spark.sparkContext().hadoopConfiguration()).scan(options.inputs());
    FindingBaseline baseline = readBaseline(options.inputs());
    List<QuarantineEntry> quarantine = new ArrayList<>();
    scan.refused().forEach(s -> quarantine.add(QuarantineEntry.of("file", s.path(), null, null, null, null, s.reason())));
    int newDocs = ingestBronze(scan, runId, quarantine);
    progress.done(scan.files().size() + " files seen, " + newDocs + " new, " + quarantine.size() + " refused");

    checkpoint(3);
    progress.start("silver: parsing documents, resolving provinces");
    List<StoredDocument> stored = storedDocuments();
    Map<String, ParsedDocument> parsed = new LinkedHashMap<>();
    for (StoredDocument s : stored) {
      parsed.put(s.docId(), DocumentReader.read(SourceDocument.stored(s.path(), s.docId(), s.text())));
    }
    List<Row> versionRows = versions(stored, parsed);
    Set<String> current = versionRows.stream().filter(r -> r.getBoolean(15)).map(r -> r.getString(0))
        .collect(Collectors.toSet());
    DocumentRows rows = new DocumentRows(ProvinceResolver.standard());
    parsed.values().forEach(d -> rows.add(d, current.contains(d.docId())));
    quarantine.addAll(rows.quarantine);
    write(WarehouseTables.DOCUMENT_VERSION, versionRows);
    write(WarehouseTables.DOCUMENT_ROW, rows.documentRows);
    write(WarehouseTables.REPORT_OBSERVATION, rows.observations);
    write(WarehouseTables.STEERING_TASK, rows.tasks);
    write(WarehouseTables.COMMUNE_OBSTACLE, rows.obstacles);
    write(WarehouseTables.KPI_TARGET, rows.kpiTargets);
    progress.done(parsed.size() + " documents (" + current.size() + " current), " + rows.observations.size()
        + " observations, " + rows.quarantine.size() + " rows quarantined");

    checkpoint(4);
    progress.start("gold: facts of current documents");
    // Gold SQL reads silver by name: register the tables only (views come once everything is written).
    new vn.dvcw.lakehouse.catalog.CatalogRegistrar(spark, lakehouse).registerAll();
    for (String fact : GOLD) {
      TableSpec spec = WarehouseTables.find("gold." + fact).orElseThrow();
      record(writer.write(spec, spark.sql(resource("models/gold/" + fact + ".sql"))));
      checkpoint(40 + GOLD.indexOf(fact));
    }
    progress.done(GOLD.size() + " fact tables");

    checkpoint(9);
    FeedJob feedJob = new FeedJob(spark, lakehouse, line -> out.println("      " + line));
    FeedJob.Result feed = null;
    if (options.feed() == null) {
      progress.start("dossier feed: none given (--feed DIR)");
      feedJob.ensureTables();
      progress.done("skipped");
    } else {
      progress.start("dossier feed: bronze, silver.dossier, gold.dossier_daily from " + options.feed());
      feed = feedJob.run(options.feed(), runId);
      feed.rowsWritten().forEach((t, n) -> rowsWritten.merge(t, n, Long::sum));
      versions.putAll(feed.tableVersions());
      progress.done(feed.summary());
    }

    checkpoint(5);
    progress.start("reconciliation: published totals, rates and claims vs their rows");
    Set<String> priorFindings = existingIds(WarehouseTables.RECONCILIATION, "finding_id",
        "status IN ('mismatch', 'missing_rows')");
    List<Row> findingRows = new ArrayList<>();
    for (ParsedDocument d : parsed.values()) {
      List<Finding> findings = new ArrayList<>(d.findings());
      findings.addAll(ClaimChecker.check(d, parsed.values(), current));
      findingRows.addAll(DocumentRows.findingRows(d, findings, baseline));
    }
    write(WarehouseTables.RECONCILIATION, findingRows);
    List<Row> problems = findingRows.stream().filter(r -> current.contains(r.getString(1)))
        .filter(r -> r.getString(12).equals("mismatch") || r.getString(12).equals("missing_rows")).toList();
    long newMismatches = problems.stream().filter(r -> !priorFindings.contains(r.getString(0)) && !r.getBoolean(15))
        .count();
    progress.done(findingRows.size() + " checks, " + problems.size() + " mismatches (" + newMismatches + " new)");

    checkpoint(6);
    progress.start("quarantine");
    Set<String> priorQuarantine = existingIds(WarehouseTables.QUARANTINE, "quarantine_id", "true");
    // One entry per input row: a row whose province is unknown fails once, not once per measure.
    Map<String, QuarantineEntry> unique = new LinkedHashMap<>();
    quarantine.forEach(q -> unique.putIfAbsent(q.id(), q));
    quarantine.clear();
    quarantine.addAll(unique.values());
    long newQuarantined = quarantine.stream().filter(q -> !priorQuarantine.contains(q.id())).count();
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> qRows = quarantine.stream().filter(q -> !priorQuarantine.contains(q.id()))
        .map(q -> RowFactory.create(q.id(), runId, q.stage(), q.filePath(), q.docId(), q.tableId(), q.lineNo(),
            q.rawText(), q.reason(), now))
        .toList();
    record(writer.write(WarehouseTables.QUARANTINE, frame(qRows, WarehouseTables.QUARANTINE.schema())));
    progress.done(quarantine.size() + " entries this run, " + newQuarantined + " new");

    checkpoint(7);
    progress.start("views");
    ViewLoader.Report views = WarehouseSession.attach(spark, lakehouse);
    views.failed().forEach((file, err) -> warnings.add("view " + file + " not created: " + err));
    progress.done(views.created().size() + " views" + (views.complete() ? "" : ", " + views.failed().size() + " failed"));

    long feedQuarantinedNew = feed == null ? 0 : feed.quarantinedNew();
    int exit = newQuarantined + feedQuarantinedNew > 0 || newMismatches > 0 ? RefreshResult.FINDINGS : RefreshResult.OK;
    List<String> summary = summary(parsed, current, problems, quarantine, newMismatches, newQuarantined);
    if (feed != null) {
      summary.add("dossier feed: " + feed.summary());
      if (feedQuarantinedNew > 0) {
        summary.add("QUARANTINED " + feedQuarantinedNew + " new feed messages: see SELECT * FROM ops.quarantine WHERE "
            + "stage = 'feed' (raw messages in bronze.feed_record, by file_id and line)");
      }
    }
    checkpoint(8);
    progress.start("run record");
    Row run = RowFactory.create(runId, started, Timestamp.from(Instant.now()),
        exit == 0 ? "success" : "success_with_findings", exit, lakehouse, options.inputs(), scan.files().size(),
        newDocs, scan.refused().size(), new LinkedHashMap<>(rowsWritten), (int) (newQuarantined + feedQuarantinedNew), problems.size(),
        (int) newMismatches, warnings.toArray(String[]::new), new LinkedHashMap<>(versions));
    writer.write(WarehouseTables.REFRESH_RUN, frame(List.of(run), WarehouseTables.REFRESH_RUN.schema()));
    progress.done("run " + runId);
    return new RefreshResult(runId, exit, parsed.size(), newDocs, rows.observations.size(), newQuarantined,
        problems.size(), newMismatches, summary);
  }

  private int ingestBronze(InputScanner.Scan scan, String runId, List<QuarantineEntry> quarantine) {
    Set<String> known = existingIds(WarehouseTables.DOCUMENT, "doc_id", "true");
    List<Row> rows = new ArrayList<>();
    Timestamp now = Timestamp.from(Instant.now());
    Set<String> added = new HashSet<>();
    for (InputFile f : scan.files()) {
      SourceDocument doc;
      try {
        doc = SourceDocument.of(f.path(), f.bytes());
      } catch (SourceDocument.MalformedInputException e) {
        quarantine.add(QuarantineEntry.of("file", f.path(), null, null, null, null, e.getMessage()));
        continue;
      }
      if (known.contains(doc.sha256()) || !added.add(doc.sha256())) {
        continue;
      }
      ParsedDocument p = DocumentReader.read(doc);
      var id = p.identity();
      rows.add(RowFactory.create(doc.sha256(), id.documentKey(doc.sha256()), id.kind().sqlName(), id.number(),
          id.issuer(), date(id.issueDate()), date(id.periodStart()), date(id.periodEnd()), id.title(), id.restates(),
          id.note(), f.path(), doc.fileName(), new Timestamp(f.modifiedAt()), doc.text().length(), doc.text(), runId,
          now));
    }
    record(writer.write(WarehouseTables.DOCUMENT, frame(rows, WarehouseTables.DOCUMENT.schema())));
    return rows.size();
  }

  /** A bronze document: its id (content hash), where it came from, when first seen, its text. */
  record StoredDocument(String docId, String path, Timestamp firstSeenAt, Timestamp modifiedAt, String text) {}

  private List<StoredDocument> storedDocuments() {
    List<StoredDocument> docs = new ArrayList<>();
    for (Row r : spark.read().format("delta").load(WarehouseTables.DOCUMENT.path(lakehouse))
        .select("doc_id", "file_path", "first_seen_at", "file_modified_at", "raw_text").collectAsList()) {
      docs.add(new StoredDocument(r.getString(0), r.getString(1), r.getTimestamp(2), r.getTimestamp(3), r.getString(4)));
    }
    docs.sort(Comparator.comparing(StoredDocument::docId));
    return docs;
  }

  /**
   * Versions of each document key, ordered by first sight, then file time. The current one is the latest
   * version that loaded without quarantined rows; a version with problems never replaces a clean one (a
   * truncated copy must not overwrite good figures). When every version has problems, the latest is current.
   */
  private static List<Row> versions(List<StoredDocument> stored, Map<String, ParsedDocument> parsed) {
    Map<String, List<StoredDocument>> byKey = new LinkedHashMap<>();
    for (StoredDocument s : stored) {
      byKey.computeIfAbsent(parsed.get(s.docId()).identity().documentKey(s.docId()), k -> new ArrayList<>()).add(s);
    }
    List<Row> rows = new ArrayList<>();
    for (var e : byKey.entrySet()) {
      List<StoredDocument> vs = e.getValue();
      vs.sort(Comparator.comparing(StoredDocument::firstSeenAt).thenComparing(StoredDocument::modifiedAt)
          .thenComparing(StoredDocument::docId));
      int current = vs.size() - 1;
      for (int i = vs.size() - 1; i >= 0; i--) {
        if (parsed.get(vs.get(i).docId()).problems().isEmpty()) {
          current = i;
          break;
        }
      }
      for (int i = 0; i < vs.size(); i++) {
        ParsedDocument p = parsed.get(vs.get(i).docId());
        var id = p.identity();
        boolean isCurrent = i == current;
        String supersededBy = isCurrent ? null : vs.get(current).docId();
        String note = i > current ? joinNotes(id.note(), "not current: it has quarantined rows and an earlier "
            + "version loaded cleanly") : id.note();
        rows.add(RowFactory.create(p.docId(), e.getKey(), id.kind().sqlName(), id.number(), id.issuer(),
            date(id.issueDate()), date(id.periodStart()), date(id.periodEnd()), date(id.dataDate()), id.title(),
            id.restates(), note, p.source().fileName(), vs.get(i).firstSeenAt(), i + 1, isCurrent, supersededBy));
      }
    }
    return rows;
  }

  private static String joinNotes(String a, String b) {
    return a == null ? b : a + "; " + b;
  }

  private List<String> summary(Map<String, ParsedDocument> parsed, Set<String> current, List<Row> mismatches,
      List<QuarantineEntry> quarantine, long newMismatches, long newQuarantined) {
    List<String> lines = new ArrayList<>();
    for (ParsedDocument d : parsed.values()) {
      var id = d.identity();
      lines.add(String.format("document %-22s %-24s %s%s", id.number() != null ? id.number() : "(no number)",
          id.kind().sqlName(), d.source().fileName(), current.contains(d.docId()) ? "" : "  [superseded]"));
    }
    for (Row m : mismatches) {
      String what = m.getString(9) == null ? m.getString(13)
          : "published " + m.getString(9) + ", computed " + m.getString(10);
      lines.add(String.format("%s %s %s.%s %s [%s]: %s%s", m.getString(12).toUpperCase(),
          m.getString(3) != null ? m.getString(3) : m.getString(2), m.getString(5), m.getString(6), m.getString(7),
          m.getString(8), what, m.getBoolean(15) ? " (acknowledged)" : ""));
    }
    for (QuarantineEntry q : quarantine) {
      lines.add("QUARANTINED " + q.stage() + " " + q.filePath() + (q.lineNo() != null ? ":" + q.lineNo() : "") + ": "
          + q.reason());
    }
    lines.add(String.format("%d mismatches (%d new), %d quarantined this run (%d new)", mismatches.size(),
        newMismatches, quarantine.size(), newQuarantined));
    warnings.forEach(w -> lines.add("WARNING " + w));
    return lines;
  }

  private void write(TableSpec spec, List<Row> rows) {
    record(writer.write(spec, frame(rows, spec.schema())));
  }

  private void record(TableWriter.Result r) {
    rowsWritten.merge(r.table(), r.inserted() + r.updated() + r.deleted(), Long::sum);
    versions.put(r.table(), r.version());
  }

  private Dataset<Row> frame(List<Row> rows, StructType schema) {
    return spark.createDataFrame(rows, schema);
  }

  private Set<String> existingIds(TableSpec spec, String column, String where) {
    String path = spec.path(lakehouse);
    if (!io.delta.tables.DeltaTable.isDeltaTable(spark, path)) {
      return Set.of();
    }
    return spark.read().format("delta").load(path).where(where).select(column).collectAsList().stream()
        .map(r -> r.getString(0)).collect(Collectors.toSet());
  }

  private FindingBaseline readBaseline(String inputs) {
    try {
      var path = new org.apache.hadoop.fs.Path(inputs, FindingBaseline.FILE_NAME);
      var fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(path)) {
        return FindingBaseline.empty();
      }
      try (InputStream in = fs.open(path)) {
        return FindingBaseline.parse(in.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FindingBaseline.FILE_NAME, e);
    }
  }

  static String resource(String path) {
    try (InputStream in = RefreshJob.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
