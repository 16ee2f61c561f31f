package vn.dvcw.pipelines.refresh;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import vn.dvcw.core.documents.SourceDocument;
import vn.dvcw.pipelines.gold.GoldJob;
import vn.dvcw.pipelines.refresh.TableFingerprints.Fingerprint;
import vn.dvcw.storage.catalog.Layer;
import vn.dvcw.storage.catalog.TableSpec;
import vn.dvcw.storage.catalog.WarehouseTables;
import vn.dvcw.storage.write.TableWriter;

/**
 * Puts back what {@link IntegrityCheck} found wrong, before a refresh's steps run, so that the steps re-derive it:
 *
 * <ul>
 *   <li>a tampered bronze document gets its text back from its input file when the file is still there (same
 *       SHA-256), else from the table's history at the version the last good refresh recorded;</li>
 *   <li>a table derived from the documents is cleared ({@code --rebuild}) or loses the rows edited in place (a
 *       foreign commit found by the quick check): the refresh's {@code REPLACE} writes then put every derived row
 *       back, from bronze, in their usual one-commit-per-table way. Between the two the table is briefly short of
 *       rows: a rebuild is an operator's repair, not a routine run.</li>
 * </ul>
 * The dossier feed's silver and gold tables are built from the feed files incrementally, not re-derivable from
 * bronze in one pass: they are checked and reported, never cleared here.
 */
final class TableHealer {
  /** The tables every refresh re-derives in full from bronze.document (and the bundled reference data). */
  static final List<TableSpec> DERIVED_FROM_DOCUMENTS = derived();

  private final SparkSession spark;
  private final String lakehouse;
  private final TableWriter writer;
  private final List<String> log = new ArrayList<>();

  TableHealer(SparkSession spark, String lakehouse, TableWriter writer) {
    this.spark = spark;
    this.lakehouse = lakehouse;
    this.writer = writer;
  }

  private static List<TableSpec> derived() {
    List<TableSpec> out = new ArrayList<>();
    for (TableSpec t : WarehouseTables.ALL) {
      if (t.layer() == Layer.REF) {
        out.add(t);
      }
    }
    out.addAll(List.of(WarehouseTables.DOCUMENT_ROW, WarehouseTables.DOCUMENT_VERSION,
        WarehouseTables.REPORT_OBSERVATION, WarehouseTables.STEERING_TASK, WarehouseTables.COMMUNE_OBSTACLE,
        WarehouseTables.SERVICE_INDEX_SCORE));
    out.addAll(GoldJob.FACTS);
    out.add(WarehouseTables.RECONCILIATION);
    return List.copyOf(out);
  }

  /**
   * The tables {@code --rebuild SCOPE} names: {@code all} (or nothing), a layer ({@code bronze}, {@code silver},
   * {@code gold}, {@code ref}) or one table ({@code gold.fact_online_submission}).
   *
   * @throws IllegalArgumentException naming the scope when it is none of these
   */
  static List<TableSpec> scope(String scope) {
    String s = scope == null ? "all" : scope.strip().toLowerCase(Locale.ROOT);
    if (s.isEmpty() || s.equals("all")) {
      return TableFingerprints.TABLES;
    }
    for (Layer layer : Layer.values()) {
      if (layer.schema().equals(s)) {
        return TableFingerprints.TABLES.stream().filter(t -> t.layer() == layer).toList();
      }
    }
    return List.of(WarehouseTables.find(s).filter(TableFingerprints.TABLES::contains)
        .orElseThrow(() -> new IllegalArgumentException("--rebuild " + scope + ": not a table, a layer (ref, bronze, "
            + "silver, gold) or 'all'")));
  }

  /** What the healer did, one line each, for the run's summary. */
  List<String> log() {
    return List.copyOf(log);
  }

  /**
   * Repairs {@code tables}: bronze documents found tampered get their text back; derived tables are cleared when
   * {@code clear}, else lose their rows edited in place. Feed tables are only named.
   */
  void heal(List<TableSpec> tables, IntegrityCheck.Report report, boolean clear,
      Map<String, Map<String, Fingerprint>> recorded) {
    Set<String> tampered = new LinkedHashSet<>(report.tamperedDocuments());
    if (tables.contains(WarehouseTables.DOCUMENT) && !tampered.isEmpty()) {
      restoreDocuments(tampered, IntegrityCheck.wholeOf(recorded, WarehouseTables.DOCUMENT));
    }
    for (TableSpec t : tables) {
      if (!writer.exists(t) || t.equals(WarehouseTables.DOCUMENT)) {
        continue;
      }
      if (!DERIVED_FROM_DOCUMENTS.contains(t)) {
        if (report.tables().contains(t.qualifiedName())) {
          log.add("NOT REBUILT " + t.qualifiedName() + ": feed tables are built from the feed files; reload them "
              + "(see README, Healing)");
        }
        continue;
      }
      TableWriter.Result r = clear ? writer.delete(t, lit(true)) : deleteEditedRows(t);
      if (r.deleted() > 0) {
        log.add("REBUILDING " + t.qualifiedName() + ": " + r.deleted() + " rows cleared, re-derived by this run");
      }
    }
  }

  /** Deletes the rows whose content no longer gives their row_hash (a REPLACE write would keep them). */
  private TableWriter.Result deleteEditedRows(TableSpec t) {
    Dataset<Row> stored = spark.read().format("delta").load(t.path(lakehouse));
    if (!java.util.Arrays.asList(stored.columns()).contains(vn.dvcw.storage.write.RowHash.COLUMN)) {
      return new TableWriter.Result(t.qualifiedName(), 0, 0, 0, writer.version(t));
    }
    List<String> staleHashes = stored.select(vn.dvcw.storage.write.RowHash.COLUMN)
        .exceptAll(vn.dvcw.storage.write.RowHash.add(stored.drop(vn.dvcw.storage.write.RowHash.COLUMN), t)
            .select(vn.dvcw.storage.write.RowHash.COLUMN))
        .distinct().collectAsList().stream()
        .map(r -> r.<String>getAs(vn.dvcw.storage.write.RowHash.COLUMN)).toList();
    if (staleHashes.isEmpty()) {
      return new TableWriter.Result(t.qualifiedName(), 0, 0, 0, writer.version(t));
    }
    return writer.delete(t, col(vn.dvcw.storage.write.RowHash.COLUMN).isin(staleHashes.toArray()));
  }

  /**
   * Gives each tampered document its text back: from its input when that is still there, else from the version
   * of bronze.document the last good refresh recorded. The row is deleted and written again (the writer compares
   * row hashes, and an edited row still carries the hash of its original text).
   */
  private void restoreDocuments(Set<String> docIds, Fingerprint recorded) {
    Dataset<Row> current = spark.read().format("delta").load(WarehouseTables.DOCUMENT.path(lakehouse))
        .where(col("doc_id").isin(docIds.toArray()));
    Map<String, String> fromHistory = recorded == null ? Map.of() : historyTexts(docIds, recorded.deltaVersion());
    StructType schema = current.drop(vn.dvcw.storage.write.RowHash.COLUMN).schema();
    List<Row> restored = new ArrayList<>();
    for (Row r : current.drop(vn.dvcw.storage.write.RowHash.COLUMN).collectAsList()) {
      String docId = r.getAs("doc_id");
      SourceDocument input = IntegrityCheck.BronzeInputs.readIfSame(spark, r.getAs("file_path"), docId);
      String text = input != null ? input.text() : fromHistory.get(docId);
      if (text == null) {
        log.add("NOT RESTORED bronze.document " + docId + ": its input is gone and the recorded version's text "
            + "is vacuumed; restore the input file and run --rebuild bronze");
        continue;
      }
      Object[] values = new Object[schema.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = r.get(i);
      }
      values[schema.fieldIndex("raw_text")] = text;
      values[schema.fieldIndex("char_count")] = text.length();
      restored.add(RowFactory.create(values));
      log.add("RESTORED bronze.document " + docId + " from " + (input != null ? "its input " + r.getAs("file_path")
          : "the table's history (version " + recorded.deltaVersion() + "; the input is gone)"));
    }
    if (restored.isEmpty()) {
      return;
    }
    int docId = schema.fieldIndex("doc_id");
    List<String> ids = restored.stream().map(r -> r.getString(docId)).toList();
    writer.delete(WarehouseTables.DOCUMENT, col("doc_id").isin(ids.toArray()));
    writer.write(WarehouseTables.DOCUMENT, spark.createDataFrame(restored, schema));
  }

  private Map<String, String> historyTexts(Set<String> docIds, long version) {
    try {
      Map<String, String> out = new java.util.HashMap<>();
      spark.read().format("delta").option("versionAsOf", version).load(WarehouseTables.DOCUMENT.path(lakehouse))
          .where(col("doc_id").isin(docIds.toArray())).select("doc_id", "raw_text").collectAsList()
          .forEach(r -> out.put(r.<String>getAs("doc_id"), r.<String>getAs("raw_text")));
      return out;
    } catch (RuntimeException vacuumed) {
      return Map.of();
    }
  }
}
