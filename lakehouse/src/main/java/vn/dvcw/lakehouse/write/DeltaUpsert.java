package vn.dvcw.lakehouse.write;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.sha2;

import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import vn.dvcw.lakehouse.catalog.CatalogRegistrar;
import vn.dvcw.lakehouse.catalog.TableSpec;

/**
 * Writes a table's new content idempotently: a Delta MERGE on the table's key columns that inserts new
 * keys, updates rows whose content changed and (in {@code replace} mode) deletes keys the source no longer
 * has. Each row carries {@code row_hash}, a SHA-256 of its content, so unchanged rows are never rewritten.
 *
 * <p>Before merging, the changes are counted; when there are none, nothing is committed and the table's
 * version stays the same. That is what makes a re-run on the same inputs a no-op, and why a re-run never
 * duplicates: a source with duplicate keys is refused before any write (it would make the MERGE fail half-way).
 */
public final class DeltaUpsert {
  /** Column holding each row's content hash. */
  public static final String ROW_HASH = "row_hash";

  private final SparkSession spark;
  private final String lakehouse;

  public DeltaUpsert(SparkSession spark, String lakehouse) {
    this.spark = spark;
    this.lakehouse = lakehouse;
  }

  /** What a write did. {@code version} is the table's Delta version afterwards. */
  public record Result(String table, long inserted, long updated, long deleted, long version) {
    public boolean changed() {
      return inserted + updated + deleted > 0;
    }
  }

  /** Upserts {@code source}; keys absent from the source are kept. */
  public Result merge(TableSpec spec, Dataset<Row> source) {
    return write(spec, source, false);
  }

  /** Makes the table hold exactly {@code source}: upserts it and deletes the keys it no longer has. */
  public Result replace(TableSpec spec, Dataset<Row> source) {
    return write(spec, source, true);
  }

  private Result write(TableSpec spec, Dataset<Row> source, boolean deleteMissing) {
    Dataset<Row> hashed = withRowHash(source, spec.keyColumns());
    String path = spec.path(lakehouse);
    hashed.persist();
    try {
      requireUniqueKeys(spec, hashed);
      if (!DeltaTable.isDeltaTable(spark, path)) {
        long n = hashed.count();
        hashed.write().format("delta").partitionBy(spec.partitionColumns().toArray(String[]::new))
            .mode("errorifexists").save(path);
        new CatalogRegistrar(spark, lakehouse).register(spec);
        return new Result(spec.qualifiedName(), n, 0, 0, 0);
      }
      DeltaTable target = DeltaTable.forPath(spark, path);
      Map<String, Long> changes = changes(spec.keyColumns(), hashed, target.toDF(), deleteMissing);
      long inserted = changes.getOrDefault("insert", 0L);
      long updated = changes.getOrDefault("update", 0L);
      long deleted = changes.getOrDefault("delete", 0L);
      if (inserted + updated + deleted == 0) {
        return new Result(spec.qualifiedName(), 0, 0, 0, version(target));
      }
      var merge = target.as("t").merge(hashed.as("s"), keySql(spec.keyColumns()))
          .whenMatched("t." + ROW_HASH + " <> s." + ROW_HASH).updateExpr(assignments(hashed))
          .whenNotMatched().insertExpr(assignments(hashed));
      if (deleteMissing) {
        merge = merge.whenNotMatchedBySource().delete();
      }
      merge.execute();
      new CatalogRegistrar(spark, lakehouse).register(spec);
      return new Result(spec.qualifiedName(), inserted, updated, deleted, version(target));
    } finally {
      hashed.unpersist();
    }
  }

  /**
   * Counts, in one Spark job, the rows a merge would insert, update and delete: a full outer join of the
   * source's and the target's keys and hashes.
   */
  private static Map<String, Long> changes(List<String> keys, Dataset<Row> source, Dataset<Row> target,
      boolean deleteMissing) {
    List<Column> s = new ArrayList<>();
    List<Column> t = new ArrayList<>();
    for (String k : keys) {
      s.add(col(k));
      t.add(col(k));
    }
    s.add(col(ROW_HASH).as("s_hash"));
    t.add(col(ROW_HASH).as("t_hash"));
    Column change = functions.when(col("t_hash").isNull(), "insert")
        .when(col("s_hash").isNull(), deleteMissing ? "delete" : "keep")
        .when(col("s_hash").notEqual(col("t_hash")), "update")
        .otherwise("same");
    Map<String, Long> out = new LinkedHashMap<>();
    // Null-safe key equality: a key column may legitimately be NULL (e.g. the level of a total row).
    Dataset<Row> joined = source.select(s.toArray(Column[]::new)).alias("s")
        .join(target.select(t.toArray(Column[]::new)).alias("t"), keyCondition(keys, "s", "t"), "full_outer");
    for (Row r : joined.groupBy(change.as("change")).count().collectAsList()) {
      out.put(r.getString(0), r.getLong(1));
    }
    return out;
  }

  /**
   * A source with two rows for one key is a bug upstream (a key that misses a column): fail loudly rather
   * than keep one row and lose the other.
   */
  private static void requireUniqueKeys(TableSpec spec, Dataset<Row> source) {
    Column[] keys = spec.keyColumns().stream().map(functions::col).toArray(Column[]::new);
    List<Row> dup = source.groupBy(keys).count().where("count > 1").limit(3).collectAsList();
    if (!dup.isEmpty()) {
      throw new IllegalStateException("duplicate keys " + spec.keyColumns() + " in the rows for " + spec.qualifiedName()
          + ", e.g. " + dup + ": the table's key is missing a column");
    }
  }

  /** Adds {@code row_hash} over every non-key column, in column order. */
  static Dataset<Row> withRowHash(Dataset<Row> df, List<String> keys) {
    List<Column> parts = new ArrayList<>();
    for (String c : df.columns()) {
      if (!c.equals(ROW_HASH)) {
        parts.add(functions.coalesce(col(c).cast("string"), functions.lit("\u0000")));
      }
    }
    Dataset<Row> base = Arrays.asList(df.columns()).contains(ROW_HASH) ? df.drop(ROW_HASH) : df;
    return base.withColumn(ROW_HASH, sha2(concat_ws("\u001f", parts.toArray(Column[]::new)), 256));
  }

  private static Column keyCondition(List<String> keys, String s, String t) {
    Column c = null;
    for (String k : keys) {
      Column eq = col(s + "." + k).eqNullSafe(col(t + "." + k));
      c = c == null ? eq : c.and(eq);
    }
    return c;
  }

  private static String keySql(List<String> keys) {
    return keys.stream().map(k -> "t." + k + " <=> s." + k).collect(Collectors.joining(" AND "));
  }

  private static Map<String, String> assignments(Dataset<Row> df) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String c : df.columns()) {
      m.put(c, "s." + c);
    }
    return m;
  }

  private static long version(DeltaTable table) {
    return table.history(1).select("version").head().getLong(0);
  }
}
