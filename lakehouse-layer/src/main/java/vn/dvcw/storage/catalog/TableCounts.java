package vn.dvcw.storage.catalog;

import io.delta.tables.DeltaTable;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;

/**
 * The row counts of the lakehouse's tables for a listing. A refresh records every table's row count with the Delta
 * version it counted ({@code ops.table_fingerprint}, whole-table rows); a table still at that version has those
 * rows, so its count is taken from there without reading the table (in a fresh JVM each table's first read costs
 * a second or more of Delta state reconstruction). Any other table (written since, or never recorded) is counted.
 */
final class TableCounts {
  private final SparkSession spark;
  private final String lakehouse;
  /** Table name → {Delta version, row count} as the last refresh recorded them. */
  private final Map<String, long[]> recorded;

  private TableCounts(SparkSession spark, String lakehouse, Map<String, long[]> recorded) {
    this.spark = spark;
    this.lakehouse = lakehouse;
    this.recorded = recorded;
  }

  /** Counts for the tables of {@code lakehouse}, with the counts its last refresh recorded, if any. */
  static TableCounts of(SparkSession spark, String lakehouse) {
    Map<String, long[]> recorded = new HashMap<>();
    String fingerprints = WarehouseTables.TABLE_FINGERPRINT.path(lakehouse);
    if (DeltaTable.isDeltaTable(spark, fingerprints)) {
      for (Row r : spark.read().format("delta").load(fingerprints)
          .where("part = '' AND delta_version IS NOT NULL AND row_count IS NOT NULL")
          .select("table_name", "delta_version", "row_count").collectAsList()) {
        recorded.put(r.getString(r.fieldIndex("table_name")), new long[] {
            r.getLong(r.fieldIndex("delta_version")), r.getLong(r.fieldIndex("row_count"))});
      }
    }
    return new TableCounts(spark, lakehouse, recorded);
  }

  /** The rows of table {@code qualifiedName} ({@code silver.dossier}) of the lakehouse. */
  long count(String qualifiedName) {
    String path = WarehouseTables.find(qualifiedName).map(t -> t.path(lakehouse)).orElse(null);
    if (path == null) {
      return spark.table(qualifiedName).count();
    }
    long[] versionAndRows = recorded.get(qualifiedName);
    if (versionAndRows != null && DeltaLog.forTableWithSnapshot(spark, path)._2().version() == versionAndRows[0]) {
      return versionAndRows[1];
    }
    return spark.read().format("delta").load(path).count();
  }
}
