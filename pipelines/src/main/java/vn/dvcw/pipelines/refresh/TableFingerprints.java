package vn.dvcw.pipelines.refresh;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

  /** The fingerprints of {@code spec} at {@code version} (whole table first). */
  List<Fingerprint> of(TableSpec spec, long version, String runId, Timestamp at) {
    Dataset<Row> rows = spark.read().format("delta").option("versionAsOf", version).load(spec.path(lakehouse));
    Column hash = functions.xxhash64(Arrays.stream(rows.columns()).map(functions::col).toArray(Column[]::new))
        .cast("decimal(38,0)");
    Column count = functions.count(functions.lit(1)).as("n");
    Column sum = functions.coalesce(functions.sum(hash), functions.lit(0).cast("decimal(38,0)")).cast("string")
        .as("h");
    List<Fingerprint> out = new ArrayList<>();
    Row whole = rows.agg(count, sum).head();
    out.add(new Fingerprint(spec.qualifiedName(), WHOLE_TABLE, whole.getLong(0), whole.getString(1), version, runId,
        at));
    String partColumn = spec.equals(WarehouseTables.DOCUMENT) ? "doc_id"
        : spec.partitionColumns().isEmpty() ? null : spec.partitionColumns().get(0);
    if (partColumn != null) {
      for (Row r : rows.groupBy(col(partColumn).cast("string").as("p")).agg(count, sum).collectAsList()) {
        out.add(new Fingerprint(spec.qualifiedName(), part(partColumn, r.getString(0)), r.getLong(1), r.getString(2),
            version, runId, at));
      }
    }
    return out;
  }

  /** The name of a part: {@code column=value}. */
  static String part(String column, String value) {
    return column + "=" + value;
  }
}
