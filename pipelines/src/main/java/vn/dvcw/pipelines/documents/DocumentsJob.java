package vn.dvcw.pipelines.documents;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import vn.dvcw.core.documents.DocumentLimits;
import vn.dvcw.core.documents.DocumentReader;
import vn.dvcw.core.documents.ParsedDocument;
import vn.dvcw.core.documents.SourceDocument;
import vn.dvcw.core.geo.ProvinceDirectory;
import vn.dvcw.core.geo.ProvinceResolver;
import vn.dvcw.formats.DocumentFiles;
import vn.dvcw.formats.UnreadableFileException;
import vn.dvcw.pipelines.JobContext;
import vn.dvcw.pipelines.Progress;
import vn.dvcw.pipelines.QuarantineEntry;
import vn.dvcw.storage.catalog.TableSpec;
import vn.dvcw.storage.catalog.WarehouseTables;
import vn.dvcw.storage.write.TableWriter;

/**
 * Loads the documents of an inputs folder into bronze and derives their silver rows.
 *
 * <ol>
 *   <li>scan the folder: every file, refused ones (hidden, too large, a link loop) noted for the quarantine;</li>
 *   <li>bronze: each file not seen before, known by the SHA-256 of its content, with its raw text
 *       ({@code bronze.document}: the same bytes under another name are the same document). Word, PDF and Excel
 *       files are rendered as text first (document-formats), each line's page or sheet, table and row kept in
 *       {@code bronze.document_line}; an encrypted, scanned or corrupt file goes to quarantine with that reason;</li>
 *   <li>parse every stored document from its raw text (silver is always re-derived from bronze, so a parser
 *       fix reaches old documents too);</li>
 *   <li>versions: documents of the same identity (kind and number) ordered; the current one is the latest that
 *       loaded without quarantined rows;</li>
 *   <li>silver rows: table rows, observations with provinces resolved at each document's data date, tasks,
 *       obstacles, KPI targets of current directives. A name the resolver cannot place goes to quarantine;</li>
 *   <li>766 service index scores of every snapshot ({@link ServiceIndexRows}), a sheet that does not say its period
 *       taking it from {@code service-index-periods.tsv} or going to quarantine.</li>
 * </ol>
 *
 * <p>Every parse runs within {@link DocumentLimits} (from the environment): a line over the length limit is
 * quarantined and the rest of its document loads; a parse over the time budget is abandoned and its document
 * quarantined, so no document can hold the refresh. Files are read one at a time, never all at once.
 */
public final class DocumentsJob {
  private static final String JOB = "documents";

  private final JobContext ctx;
  private final TableWriter writer;
  private final DocumentLimits limits;

  /** A job with the limits of the environment ({@link DocumentLimits#fromEnvironment()}). */
  public DocumentsJob(JobContext ctx) {
    this(ctx, DocumentLimits.fromEnvironment());
  }

  public DocumentsJob(JobContext ctx, DocumentLimits limits) {
    this.ctx = ctx;
    this.writer = ctx.writer();
    this.limits = limits;
  }

  /**
   * What the job did. {@code parsed} holds every stored document by id (all versions); {@code current} the ids of
   * the current versions.
   */
  public record Result(int filesSeen, int newDocuments, int filesRefused, Map<String, ParsedDocument> parsed,
      Set<String> current, long observations, long rowsQuarantined, List<QuarantineEntry> quarantine,
      List<TableWriter.Result> writes) {}

  /** A row of bronze.document. */
  record BronzeDocument(String docId, String documentKey, String kind, String number, String issuer,
      LocalDate issueDate, LocalDate periodStart, LocalDate periodEnd, String title, String restates,
      String identityNote, String filePath, String fileName, Timestamp fileModifiedAt, int charCount, String rawText,
      String firstSeenRun, Timestamp firstSeenAt) {}

  /** A row of silver.document_version. */
  record DocumentVersion(String docId, String documentKey, String kind, String number, String issuer,
      LocalDate issueDate, LocalDate periodStart, LocalDate periodEnd, LocalDate dataDate, String title,
      String restates, String note, String fileName, Timestamp firstSeenAt, int versionNo, boolean isCurrent,
      String supersededBy) {}

  /** A bronze document as read back: its id (content hash), where it came from, when first seen, its text. */
  private record StoredDocument(String docId, String path, Timestamp firstSeenAt, Timestamp modifiedAt, String text) {}

  /** Loads {@code inputs} (any Hadoop URI) for run {@code runId}, reporting two steps on {@code progress}. */
  public Result run(String inputs, String runId, Progress progress) {
    List<QuarantineEntry> quarantine = new ArrayList<>();
    List<TableWriter.Result> writes = new ArrayList<>();

    ctx.step(JOB, 1);
    progress.start("bronze: reading inputs from " + inputs);
    InputScanner scanner = new InputScanner(ctx.spark().sparkContext().hadoopConfiguration(), limits);
    InputScanner.Scan scan = scanner.scan(inputs);
    scan.refused().forEach(s -> quarantine.add(QuarantineEntry.of("file", s.path(), null, null, null, null,
        s.reason())));
    ctx.step(JOB, 2);
    int newDocs = ingest(scanner, scan, runId, quarantine, writes);
    progress.done(scan.files().size() + " files seen, " + newDocs + " new, " + quarantine.size() + " refused");

    ctx.step(JOB, 3);
    progress.start("silver: parsing documents, resolving provinces");
    List<StoredDocument> stored = storedDocuments();
    Map<String, ParsedDocument> parsed = new LinkedHashMap<>();
    for (StoredDocument s : stored) {
      parsed.put(s.docId(), DocumentReader.read(SourceDocument.stored(s.path(), s.docId(), s.text()), limits));
    }
    ctx.step(JOB, 4);
    List<DocumentVersion> versions = versions(stored, parsed);
    Set<String> current = versions.stream().filter(DocumentVersion::isCurrent).map(DocumentVersion::docId)
        .collect(Collectors.toSet());
    ctx.step(JOB, 5);
    DocumentRows rows = new DocumentRows(ProvinceResolver.standard());
    parsed.values().forEach(d -> rows.add(d, current.contains(d.docId())));
    quarantine.addAll(rows.quarantine);
    writes.add(write(WarehouseTables.DOCUMENT_VERSION, versions));
    writes.add(write(WarehouseTables.DOCUMENT_ROW, rows.documentRows));
    writes.add(write(WarehouseTables.REPORT_OBSERVATION, rows.observations));
    writes.add(write(WarehouseTables.STEERING_TASK, rows.tasks));
    writes.add(write(WarehouseTables.COMMUNE_OBSTACLE, rows.obstacles));
    writes.add(write(WarehouseTables.KPI_TARGET, rows.kpiTargets));
    ServiceIndexPeriods periods = ServiceIndexPeriods.read(ctx.spark().sparkContext().hadoopConfiguration(), inputs);
    ServiceIndexRows index = new ServiceIndexRows(ProvinceDirectory.fromClasspath(), periods);
    parsed.values().forEach(index::add);
    quarantine.addAll(periods.problems);
    quarantine.addAll(index.quarantine);
    writes.add(write(WarehouseTables.SERVICE_INDEX_SCORE, index.rows));
    long refusedRows = rows.quarantine.size() + index.quarantine.size();
    progress.done(parsed.size() + " documents (" + current.size() + " current), " + rows.observations.size()
        + " observations, " + index.rows.size() + " service index scores, " + refusedRows + " rows quarantined");
    return new Result(scan.files().size(), newDocs, scan.refused().size(), parsed, current,
        rows.observations.size(), refusedRows, quarantine, writes);
  }

  private int ingest(InputScanner scanner, InputScanner.Scan scan, String runId, List<QuarantineEntry> quarantine,
      List<TableWriter.Result> writes) {
    Set<String> known = knownDocuments();
    List<BronzeDocument> rows = new ArrayList<>();
    Timestamp now = Timestamp.from(Instant.now());
    Set<String> added = new HashSet<>();
    List<DocumentLines.Line> lines = new ArrayList<>();
    for (InputScanner.Found f : scan.files()) {
      DocumentFiles.ReadFile file;
      try {
        file = DocumentFiles.read(f.path(), scanner.read(f)); // text, or Word, PDF, Excel rendered as text
      } catch (UnreadableFileException e) {
        quarantine.add(QuarantineEntry.of("file", f.path(), null, null, null, null, e.getMessage()));
        continue;
      } catch (IOException e) {
        // Gone or changed between the listing and the read, unreadable, a link to nothing: that file, not the run.
        quarantine.add(QuarantineEntry.of("file", f.path(), null, null, null, null, "cannot be read: "
            + e.getClass().getSimpleName() + (e.getMessage() != null ? " " + e.getMessage() : "")));
        continue;
      }
      SourceDocument doc = file.document();
      if (known.contains(doc.sha256()) || !added.add(doc.sha256())) {
        continue;
      }
      lines.addAll(DocumentLines.of(file));
      var id = DocumentReader.read(doc, limits).identity();
      rows.add(new BronzeDocument(doc.sha256(), id.documentKey(doc.sha256()), id.kind().sqlName(), id.number(),
          id.issuer(), id.issueDate(), id.periodStart(), id.periodEnd(), id.title(), id.restates(), id.note(),
          f.path(), doc.fileName(), new Timestamp(f.modifiedAt()), doc.text().length(), doc.text(), runId, now));
    }
    // Lines first: a run stopped between the two writes loads the documents again next time (they are not yet
    // known), and the keyed lines upsert to the same rows; the other order could leave a document without them.
    writes.add(write(WarehouseTables.DOCUMENT_LINE, lines));
    writes.add(write(WarehouseTables.DOCUMENT, rows));
    return rows.size();
  }

  private Set<String> knownDocuments() {
    if (!writer.exists(WarehouseTables.DOCUMENT)) {
      return Set.of();
    }
    return ctx.spark().read().format("delta").load(WarehouseTables.DOCUMENT.path(ctx.lakehouse())).select("doc_id")
        .collectAsList().stream().map(r -> r.<String>getAs("doc_id")).collect(Collectors.toSet());
  }

  private List<StoredDocument> storedDocuments() {
    List<StoredDocument> docs = new ArrayList<>();
    for (Row r : ctx.spark().read().format("delta").load(WarehouseTables.DOCUMENT.path(ctx.lakehouse()))
        .select("doc_id", "file_path", "first_seen_at", "file_modified_at", "raw_text").collectAsList()) {
      docs.add(new StoredDocument(r.getAs("doc_id"), r.getAs("file_path"), r.getAs("first_seen_at"),
          r.getAs("file_modified_at"), r.getAs("raw_text")));
    }
    docs.sort(Comparator.comparing(StoredDocument::docId));
    return docs;
  }

  /**
   * Versions of each document key, ordered by first sight, then file time. The current one is the latest
   * version that loaded without quarantined rows; a version with problems never replaces a clean one (a
   * truncated copy must not overwrite good figures). When every version has problems, the latest is current.
   */
  private static List<DocumentVersion> versions(List<StoredDocument> stored, Map<String, ParsedDocument> parsed) {
    Map<String, List<StoredDocument>> byKey = new LinkedHashMap<>();
    for (StoredDocument s : stored) {
      byKey.computeIfAbsent(parsed.get(s.docId()).identity().documentKey(s.docId()), k -> new ArrayList<>()).add(s);
    }
    List<DocumentVersion> rows = new ArrayList<>();
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
        String note = i > current ? joinNotes(id.note(), "not current: it has quarantined rows and an earlier "
            + "version loaded cleanly") : id.note();
        rows.add(new DocumentVersion(p.docId(), e.getKey(), id.kind().sqlName(), id.number(), id.issuer(),
            id.issueDate(), id.periodStart(), id.periodEnd(), id.dataDate(), id.title(), id.restates(), note,
            p.source().fileName(), vs.get(i).firstSeenAt(), i + 1, isCurrent,
            isCurrent ? null : vs.get(current).docId()));
      }
    }
    return rows;
  }

  private static String joinNotes(String a, String b) {
    return a == null ? b : a + "; " + b;
  }

  private TableWriter.Result write(TableSpec spec, List<? extends Record> rows) {
    return writer.write(spec, rows);
  }
}
