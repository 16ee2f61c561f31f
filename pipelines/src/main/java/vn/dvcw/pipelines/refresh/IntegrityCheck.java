package vn.dvcw.pipelines.refresh;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import vn.dvcw.core.documents.SourceDocument;
import vn.dvcw.pipelines.refresh.TableFingerprints.Fingerprint;
import vn.dvcw.storage.catalog.TableSpec;
import vn.dvcw.storage.catalog.WarehouseTables;
import vn.dvcw.storage.write.CommitTag;
import vn.dvcw.storage.write.RowHash;
import vn.dvcw.storage.write.TableWriter;

/**
 * Compares what the tables hold with what the last good refresh left ({@code ops.table_fingerprint}) and with what
 * bronze implies. Two depths:
 *
 * <ul>
 *   <li>{@link #quick}, run at the start of every refresh: each table's Delta history since the version the last
 *       good refresh recorded. Every commit a refresh makes carries its run id ({@link CommitTag}); any other commit
 *       (an operator's {@code DELETE} or {@code UPDATE}, another engine) is foreign. A table with no commit file
 *       after its recorded version costs one file-existence check; only one with later commits has its history
 *       read (a small Spark job over the log, never the data).</li>
 *   <li>{@link #full} ({@code dvcw refresh --verify}): also every table's row count and content hash, whole and per
 *       partition ({@link TableFingerprints}), every compared table's rows against their own {@code row_hash} (an
 *       edit in place leaves it stale), and every bronze document against its input file when the file is still
 *       there (same SHA-256 as the document's id: the text must be what that file decodes to). Reads every table
 *       once.</li>
 * </ul>
 * A table the last good refresh did not record (a lakehouse from before fingerprints) has no baseline: the quick
 * check skips it, the full one says so.
 */
public final class IntegrityCheck {
  /** Delta operations that rewrite files without changing rows ({@code dvcw maintain}): not foreign. */
  private static final Set<String> MAINTENANCE = Set.of("OPTIMIZE", "VACUUM START", "VACUUM END");

  private final SparkSession spark;
  private final String lakehouse;
  private final TableWriter writer;

  public IntegrityCheck(SparkSession spark, String lakehouse) {
    this.spark = spark;
    this.lakehouse = lakehouse;
    this.writer = new TableWriter(spark, lakehouse);
  }

  /**
   * Something a table holds that no refresh put there.
   *
   * @param kind {@code foreign_commit}, {@code missing}, {@code emptied}, {@code changed}, {@code tampered_rows},
   *     {@code tampered_document} or {@code no_baseline}
   * @param part the partition or document ({@code column=value}), or "" for the whole table
   */
  public record Finding(String kind, String table, String part, String detail) {
    public String line() {
      return "INTEGRITY " + kind + " " + table + (part.isEmpty() ? "" : " [" + part + "]") + ": " + detail;
    }

    /** False for what only says that nothing can be compared yet. */
    public boolean problem() {
      return !kind.equals("no_baseline");
    }
  }

  /** What a check found, and the bronze documents whose text is not what was loaded. */
  public record Report(List<Finding> findings, Set<String> tamperedDocuments) {
    public Report {
      findings = List.copyOf(findings);
      tamperedDocuments = Set.copyOf(tamperedDocuments);
    }

    public List<Finding> problems() {
      return findings.stream().filter(Finding::problem).toList();
    }

    /** The tables with a problem, by qualified name. */
    public Set<String> tables() {
      Set<String> t = new LinkedHashSet<>();
      problems().forEach(f -> t.add(f.table()));
      return t;
    }
  }

  /** True when the table has a commit after {@code version} (its log holds the next commit file). */
  boolean committedSince(TableSpec spec, long version) {
    return exists(new Path(spec.path(lakehouse) + "/_delta_log", String.format("%020d.json", version + 1)));
  }

  private boolean exists(Path p) {
    try {
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + p, e);
    }
  }

  /** Foreign commits since the last good refresh, from the Delta logs only. */
  public Report quick() {
    return quick(recorded());
  }

  /** The quick check against fingerprints already read ({@link #recorded}): no second read of the record. */
  public Report quick(Map<String, Map<String, Fingerprint>> recorded) {
    List<Finding> findings = new ArrayList<>();
    for (TableSpec spec : TableFingerprints.TABLES) {
      Fingerprint whole = wholeOf(recorded, spec);
      if (whole == null) {
        continue;
      }
      Path log = new Path(spec.path(lakehouse) + "/_delta_log");
      if (!exists(log)) {
        findings.add(new Finding("missing", spec.qualifiedName(), "", "the table's folder holds no Delta log"));
        continue;
      }
      // No commit file after the recorded version: nothing was committed since, and no Spark job is needed.
      if (committedSince(spec, whole.deltaVersion())) {
        findings.addAll(foreignCommits(spec, whole.deltaVersion()));
      }
    }
    return new Report(findings, Set.of());
  }

  /** The quick check, then every table's content against its fingerprint, its row hashes and its inputs. */
  public Report full() {
    Map<String, Map<String, Fingerprint>> recorded = recorded();
    List<Finding> findings = new ArrayList<>(quick(recorded).findings());
    Set<String> tampered = new LinkedHashSet<>();
    TableFingerprints fingerprints = new TableFingerprints(spark, lakehouse);
    for (TableSpec spec : TableFingerprints.TABLES) {
      if (!writer.exists(spec)) {
        continue;
      }
      Map<String, Fingerprint> before = recorded.getOrDefault(spec.qualifiedName(), Map.of());
      if (before.isEmpty()) {
        findings.add(new Finding("no_baseline", spec.qualifiedName(), "", "no fingerprint recorded yet (the next "
            + "good refresh records one)"));
      } else {
        findings.addAll(compare(spec, before, fingerprints.of(spec, writer.version(spec), null, null)));
      }
      if (spec.hashed()) {
        findings.addAll(staleRowHashes(spec, tampered));
      }
    }
    findings.addAll(documentsAgainstInputs(tampered));
    return new Report(findings, tampered);
  }

  /** The fingerprints ops.table_fingerprint holds, by table and part. */
  Map<String, Map<String, Fingerprint>> recorded() {
    Map<String, Map<String, Fingerprint>> out = new LinkedHashMap<>();
    if (!writer.exists(WarehouseTables.TABLE_FINGERPRINT)) {
      return out;
    }
    for (Row r : spark.read().format("delta").load(WarehouseTables.TABLE_FINGERPRINT.path(lakehouse))
        .select("table_name", "part", "row_count", "content_hash", "delta_version", "run_id", "recorded_at")
        .collectAsList()) {
      Fingerprint f = new Fingerprint(r.getAs("table_name"), r.getAs("part"), r.<Long>getAs("row_count"),
          r.getAs("content_hash"), r.<Long>getAs("delta_version"), r.getAs("run_id"), r.getAs("recorded_at"));
      out.computeIfAbsent(f.tableName(), k -> new LinkedHashMap<>()).put(f.part(), f);
    }
    return out;
  }

  static Fingerprint wholeOf(Map<String, Map<String, Fingerprint>> recorded, TableSpec spec) {
    return recorded.getOrDefault(spec.qualifiedName(), Map.of()).get(TableFingerprints.WHOLE_TABLE);
  }

  /** Commits after {@code sinceVersion} that no refresh made and that are not maintenance. */
  List<Finding> foreignCommits(TableSpec spec, long sinceVersion) {
    List<Finding> out = new ArrayList<>();
    Dataset<Row> history = DeltaTable.forPath(spark, spec.path(lakehouse)).history()
        .where(functions.col("version").gt(sinceVersion));
    for (Row c : history.select("version", "timestamp", "operation", "userMetadata", "engineInfo", "userName")
        .orderBy("version").collectAsList()) {
      String operation = c.getAs("operation");
      if (CommitTag.isRefreshCommit(c.getAs("userMetadata")) || MAINTENANCE.contains(operation)) {
        continue;
      }
      String user = c.getAs("userName");
      String engine = c.getAs("engineInfo");
      out.add(new Finding("foreign_commit", spec.qualifiedName(), "", "version " + c.<Long>getAs("version") + " at "
          + c.<java.sql.Timestamp>getAs("timestamp").toInstant() + ": " + operation + " by "
          + (user == null ? "?" : user) + " (" + (engine == null ? "engine unknown" : engine)
          + "), not made by a refresh"));
    }
    return out;
  }

  /** Each recorded part against the same part now: emptied, changed, gone, or new. */
  private static List<Finding> compare(TableSpec spec, Map<String, Fingerprint> before, List<Fingerprint> now) {
    List<Finding> out = new ArrayList<>();
    Map<String, Fingerprint> current = new LinkedHashMap<>();
    now.forEach(f -> current.put(f.part(), f));
    for (Fingerprint was : before.values()) {
      Fingerprint is = current.get(was.part());
      if (is == null) {
        out.add(new Finding("changed", spec.qualifiedName(), was.part(), was.rowCount() + " rows recorded by run "
            + was.runId() + ", none now"));
      } else if (was.rowCount() > 0 && is.rowCount() == 0) {
        out.add(new Finding("emptied", spec.qualifiedName(), was.part(), was.rowCount() + " rows recorded by run "
            + was.runId() + ", 0 now"));
      } else if (!was.sameContent(is)) {
        out.add(new Finding("changed", spec.qualifiedName(), was.part(), "rows " + was.rowCount() + " → "
            + is.rowCount() + ", content hash differs from the one run " + was.runId() + " recorded"));
      }
    }
    for (Fingerprint is : current.values()) {
      if (!before.containsKey(is.part())) {
        out.add(new Finding("changed", spec.qualifiedName(), is.part(), is.rowCount() + " rows no refresh recorded"));
      }
    }
    return out;
  }

  /** Rows whose content no longer gives their {@code row_hash}: edited in place after the writer wrote them. */
  private List<Finding> staleRowHashes(TableSpec spec, Set<String> tamperedDocuments) {
    Dataset<Row> stored = spark.read().format("delta").load(spec.path(lakehouse));
    if (!Arrays.asList(stored.columns()).contains(RowHash.COLUMN)) {
      return List.of();
    }
    Column[] columns = Arrays.stream(stored.columns()).map(functions::col).toArray(Column[]::new);
    Dataset<Row> recomputed = RowHash.add(stored.drop(RowHash.COLUMN), spec).select(columns);
    Dataset<Row> stale = stored.select(columns).exceptAll(recomputed);
    List<Row> keys = stale.select(spec.keyColumns().stream().map(functions::col).toArray(Column[]::new))
        .limit(1000).collectAsList();
    if (keys.isEmpty()) {
      return List.of();
    }
    if (spec.equals(WarehouseTables.DOCUMENT)) {
      keys.forEach(k -> tamperedDocuments.add(k.<String>getAs("doc_id")));
    }
    return List.of(new Finding("tampered_rows", spec.qualifiedName(), "", keys.size() + (keys.size() == 1000
        ? "+" : "") + " rows whose content no longer matches their row_hash (edited in place), e.g. "
        + spec.keyColumns() + " = " + keys.get(0)));
  }

  /**
   * Each bronze document whose input file is still there with the same SHA-256 (the document's id): its stored text
   * must be what that file decodes to.
   */
  private List<Finding> documentsAgainstInputs(Set<String> tamperedDocuments) {
    if (!writer.exists(WarehouseTables.DOCUMENT)) {
      return List.of();
    }
    List<Finding> out = new ArrayList<>();
    for (Row r : spark.read().format("delta").load(WarehouseTables.DOCUMENT.path(lakehouse))
        .select("doc_id", "file_path", "raw_text").collectAsList()) {
      String docId = r.getAs("doc_id");
      String filePath = r.getAs("file_path");
      SourceDocument input = BronzeInputs.readIfSame(spark, filePath, docId);
      if (input == null) {
        continue;
      }
      if (!input.text().equals(r.getAs("raw_text"))) {
        tamperedDocuments.add(docId);
        out.add(new Finding("tampered_document", WarehouseTables.DOCUMENT.qualifiedName(),
            TableFingerprints.part("doc_id", docId), "raw_text differs from its input " + filePath
                + " (same SHA-256 as the document's id); --rebuild re-reads it"));
      }
    }
    return out;
  }

  /** Reading a bronze document's input again. */
  static final class BronzeInputs {
    private BronzeInputs() {}

    /** The input at {@code path} decoded, if it is still there and its SHA-256 is {@code docId}; else null. */
    static SourceDocument readIfSame(SparkSession spark, String path, String docId) {
      try {
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.isFile(p)) {
          return null;
        }
        byte[] bytes;
        try (InputStream in = fs.open(p)) {
          bytes = in.readAllBytes();
        }
        SourceDocument doc = SourceDocument.of(path, bytes);
        return doc.sha256().equals(docId) ? doc : null;
      } catch (IOException | SourceDocument.MalformedInputException | RuntimeException unreadable) {
        return null;
      }
    }
  }

  /** Now, for the fingerprints a refresh records. */
  static Timestamp now() {
    return new Timestamp(System.currentTimeMillis());
  }
}
