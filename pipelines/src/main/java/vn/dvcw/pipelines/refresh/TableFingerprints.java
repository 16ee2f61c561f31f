package vn.dvcw.pipelines.refresh;

import static org.apache.spark.sql.functions.col;

import java.math.BigInteger;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import vn.dvcw.storage.catalog.Layer;
import vn.dvcw.storage.catalog.TableSpec;
import vn.dvcw.storage.catalog.WarehouseTables;

/**
 * The fingerprint of a table: its row count and a content hash, for the whole table, for each partition of a
 * partitioned table, and for each document of {@code bronze.document} (so a tampered document is named, not just
 * its table). What {@code ops.table_fingerprint} records at the end of each good refresh and
 * {@code dvcw refresh --verify} recomputes.
 *
 * <p>The content hash is the sum, over the rows, of a 64-bit hash of every column ({@code xxhash64}): it does not
 * depend on row order or file layout (a compaction keeps it), and any changed, added or removed row changes it. It
 * guards against accidents and operator edits, not an adversary who can also rewrite this table.
 */
final class TableFingerprints {
  /** The part name of a whole table's fingerprint. */
  static final String WHOLE_TABLE = "";

  /** Every table that is fingerprinted: all but the ops tables, which are records of runs, not derived data. */
  static final List<TableSpec> TABLES = WarehouseTables.ALL.stream().filter(t -> t.layer() != Layer.OPS).toList();

  private final SparkSession spark;
  private final String lakehouse;

  TableFingerprints(SparkSession spark, String lakehouse) {
    this.spark = spark;
    this.lakehouse = lakehouse;
  }

  /** A row of ops.table_fingerprint. */
  record Fingerprint(String tableName, String part, long rowCount, String contentHash, long deltaVersion,
      String runId, Timestamp recordedAt) {

    /** True when the content is the same (count and hash; when and by whom it was recorded aside). */
    boolean sameContent(Fingerprint other) {
      return other != null && rowCount == other.rowCount && contentHash.equals(other.contentHash);
    }
  }

  /** The fingerprints of {@code spec} at {@code version} (whole table first), from one read of every row. */
  List<Fingerprint> of(TableSpec spec, long version, String runId, Timestamp at) {
    String partColumn = partColumn(spec);
    Dataset<Row> rows = read(spec, version);
    if (partColumn == null) {
      Row whole = rows.agg(COUNT, hashSum(rows)).head();
      return List.of(new Fingerprint(spec.qualifiedName(), WHOLE_TABLE, whole.<Long>getAs("n"), whole.getAs("h"),
          version, runId, at));
    }
    return withWhole(spec, partsOf(spec, rows, partColumn, version, runId, at), version, runId, at);
  }

  /**
   * The fingerprints of {@code spec} at {@code version} when {@code before} holds those recorded at an earlier
   * version: only the partitions the Delta log shows written since ({@link PartitionsWritten}) are read; the other
   * parts keep their records and the whole table is the sum of its parts (counts and hash sums add up). Where the log
   * cannot tell, or there is no consistent earlier record, or the table has no partition column in its log (bronze
   * documents are parted by document, not partitioned), every row is read as in {@link #of}.
   */
  List<Fingerprint> update(TableSpec spec, Map<String, Fingerprint> before, long version, String runId,
      Timestamp at) {
    Fingerprint recordedWhole = before.get(WHOLE_TABLE);
    String partColumn = partColumn(spec);
    if (recordedWhole == null || partColumn == null || spec.partitionColumns().isEmpty()
        || !partsAddUp(before, recordedWhole)) {
      return of(spec, version, runId, at);
    }
    Optional<Set<String>> written = PartitionsWritten.between(spark.sparkContext().hadoopConfiguration(),
        spec.path(lakehouse), partColumn, recordedWhole.deltaVersion(), version);
    if (written.isEmpty() || written.get().contains("null")) { // the text "null" would read as the null partition
      return of(spec, version, runId, at);
    }
    Map<String, Fingerprint> parts = new TreeMap<>();
    before.forEach((part, f) -> {
      if (!part.equals(WHOLE_TABLE) && !written.get().contains(valueOf(part, partColumn))) {
        parts.put(part, f);
      }
    });
    if (!written.get().isEmpty()) {
      Column key = col(partColumn).cast("string");
      List<String> values = written.get().stream().filter(Objects::nonNull).toList();
      Column which = key.isin(values.toArray());
      if (written.get().contains(null)) {
        which = which.or(col(partColumn).isNull());
      }
      for (Fingerprint f : partsOf(spec, read(spec, version).where(which), partColumn, version, runId, at)) {
        parts.put(f.part(), f);
      }
    }
    return withWhole(spec, List.copyOf(parts.values()), version, runId, at);
  }

  private Dataset<Row> read(TableSpec spec, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(spec.path(lakehouse));
  }

  private static Column hashSum(Dataset<Row> rows) {
    Column hash = functions.xxhash64(Arrays.stream(rows.columns()).map(functions::col).toArray(Column[]::new))
        .cast("decimal(38,0)");
    return functions.coalesce(functions.sum(hash), functions.lit(0).cast("decimal(38,0)")).cast("string").as("h");
  }

  private static List<Fingerprint> partsOf(TableSpec spec, Dataset<Row> rows, String partColumn, long version,
      String runId, Timestamp at) {
    List<Fingerprint> out = new ArrayList<>();
    for (Row r : rows.groupBy(col(partColumn).cast("string").as("p")).agg(COUNT, hashSum(rows)).collectAsList()) {
      out.add(new Fingerprint(spec.qualifiedName(), part(partColumn, r.getAs("p")), r.<Long>getAs("n"), r.getAs("h"),
          version, runId, at));
    }
    return out;
  }

  /** The whole table's fingerprint (the sum of the parts) first, then the parts in part order. */
  private static List<Fingerprint> withWhole(TableSpec spec, List<Fingerprint> parts, long version, String runId,
      Timestamp at) {
    long count = 0;
    BigInteger sum = BigInteger.ZERO;
    List<Fingerprint> out = new ArrayList<>();
    for (Fingerprint p : parts) {
      count += p.rowCount();
      sum = sum.add(new BigInteger(p.contentHash()));
      out.add(p);
    }
    out.sort(Comparator.comparing(Fingerprint::part));
    out.add(0, new Fingerprint(spec.qualifiedName(), WHOLE_TABLE, count, sum.toString(), version, runId, at));
    return out;
  }

  /** True when the recorded parts add up to the recorded whole (else the record is not a base to build on). */
  private static boolean partsAddUp(Map<String, Fingerprint> before, Fingerprint whole) {
    long count = 0;
    BigInteger sum = BigInteger.ZERO;
    for (Fingerprint f : before.values()) {
      if (f != whole) {
        count += f.rowCount();
        sum = sum.add(new BigInteger(f.contentHash()));
      }
    }
    return count == whole.rowCount() && sum.toString().equals(whole.contentHash());
  }

  /** The column a table's parts are cut by: its first partition column, or the document of bronze documents. */
  private static String partColumn(TableSpec spec) {
    return spec.equals(WarehouseTables.DOCUMENT) ? "doc_id"
        : spec.partitionColumns().isEmpty() ? null : spec.partitionColumns().get(0);
  }

  /** The partition value a part name stands for ({@code null} for the null partition). */
  private static String valueOf(String part, String partColumn) {
    String value = part.substring(partColumn.length() + 1);
    return value.equals("null") ? null : value;
  }

  private static final Column COUNT = functions.count(functions.lit(1)).as("n");

  /** The name of a part: {@code column=value}. */
  static String part(String column, String value) {
    return column + "=" + value;
  }
}
