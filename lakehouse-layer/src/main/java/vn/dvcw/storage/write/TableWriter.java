package vn.dvcw.storage.write;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaMergeBuilder;
import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import vn.dvcw.storage.catalog.CatalogRegistrar;
import vn.dvcw.storage.catalog.Layer;
import vn.dvcw.storage.catalog.TableSpec;
import vn.dvcw.storage.catalog.WriteMode;

/**
 * The one way a table of the warehouse gets written. Each table declares its {@link WriteMode} in the catalogue
 * ({@link vn.dvcw.storage.catalog.WarehouseTables}); this writer refuses any other, checks the rows against the
 * table's declared columns (names and types; columns are put in the declared order), and makes every write one
 * Delta commit, so readers see the previous version or the next, never half of one.
 *
 * <p>Compared modes ({@code UPSERT}, {@code REPLACE}) carry {@link RowHash} and count the changes first: when
 * nothing changed, nothing is committed and the table's version stays the same. That is what makes a re-run on the
 * same inputs a no-op. A source with two rows for one key is refused before any write (the MERGE would fail half-way).
 * When the target holds no row where the new rows go (a first load, a new month), every row is an insert: they are
 * appended in one commit after the key check, without the comparison and the MERGE's join.
 *
 * <p>Large partitioned tables pass a {@code scope}: a predicate on the target's partition columns that limits what
 * is compared and merged to the partitions the new rows can touch, so a write costs what it changes, not the
 * length of the history.
 */
public final class TableWriter {
  /** The change class of a key the source gives more than once. */
  private static final String DUPLICATE = "duplicate";

  private final SparkSession spark;
  private final String lakehouse;
  private final WriteMemo memo;

  public TableWriter(SparkSession spark, String lakehouse) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.lakehouse = Objects.requireNonNull(lakehouse, "lakehouse");
    this.memo = new WriteMemo(spark.sparkContext().hadoopConfiguration(), lakehouse);
  }

  /** What a write did; {@code version} is the table's Delta version afterwards. */
  public record Result(String table, long inserted, long updated, long deleted, long version) {
    public boolean changed() {
      return inserted + updated + deleted > 0;
    }

    public long rows() {
      return inserted + updated + deleted;
    }
  }

  /**
   * The partitions of a large table a write may touch: values of one of its partition columns. Only target rows
   * in these partitions are compared, merged or (for REPLACE) deleted.
   */
  public record Scope(String column, List<String> values) {
    public Scope {
      values = List.copyOf(values);
    }

    Column on(String alias) {
      return col(alias == null ? column : alias + "." + column).isin(values.toArray());
    }
  }

  /** Writes {@code rows} by the table's mode ({@code UPSERT}, {@code REPLACE}, {@code INSERT_NEW}, {@code APPEND}). */
  public Result write(TableSpec spec, Dataset<Row> rows) {
    return write(spec, rows, null);
  }

  /**
   * Writes {@code rows} comparing them only with the target rows in {@code scope} (null: the whole table). Rows
   * outside the scope are neither matched nor deleted.
   */
  public Result write(TableSpec spec, Dataset<Row> rows, Scope scope) {
    if (scope != null && !spec.partitionColumns().contains(scope.column())) {
      throw new IllegalArgumentException(scope.column() + " is not a partition column of " + spec.qualifiedName());
    }
    return switch (spec.writeMode()) {
      case UPSERT, REPLACE, INSERT_NEW -> merge(spec, conform(spec, rows), scope);
      case APPEND -> append(spec, conform(spec, rows));
      case REPLACE_PARTITIONS -> throw new IllegalArgumentException(spec.qualifiedName()
          + " is written by partition: use replacePartitions");
    };
  }

  /**
   * Writes the rows of {@code records} (one record per row, components named after the columns) by the table's
   * mode. A merge-mode write of the same rows into the table as the last such write left it is skipped: no Spark
   * job, the table's version returned ({@link WriteMemo}).
   */
  public Result write(TableSpec spec, List<? extends Record> records) {
    StructType schema = requireSchema(spec);
    List<Row> rows = RecordRows.toRows(records, schema);
    if (spec.writeMode() == WriteMode.APPEND) {
      return write(spec, spark.createDataFrame(rows, schema));
    }
    String digest = new Digest().text(spec.toString()).code(TableWriter.class).rows(rows).hex();
    return remembered(spec, digest, () -> write(spec, spark.createDataFrame(rows, schema)));
  }

  /**
   * Writes the rows {@code derive} makes, by the table's merge mode, unless the table is as the last write made from
   * the same {@code inputs} left it (a digest of everything the rows depend on: input tables' states, model text,
   * code): then {@code derive} is not even called.
   */
  public Result write(TableSpec spec, String inputs, Supplier<Dataset<Row>> derive) {
    if (spec.writeMode() == WriteMode.APPEND) {
      throw new IllegalArgumentException(spec.qualifiedName() + " appends: a repeated write is not a no-op");
    }
    String digest = new Digest().text(spec.toString()).code(TableWriter.class).text(inputs).hex();
    return remembered(spec, digest, () -> write(spec, derive.get()));
  }

  /**
   * The state of a table as an input of a derivation, by its qualified name ({@code silver.report_observation}): its
   * version and its latest commit file's length and time; "absent" when the lakehouse holds no such table.
   */
  public String state(String qualifiedName) {
    int dot = qualifiedName.indexOf('.');
    String schema = dot < 0 ? "" : qualifiedName.substring(0, dot);
    if (Arrays.stream(Layer.values()).noneMatch(l -> l.schema().equals(schema))) {
      return qualifiedName + "@not a table of the lakehouse";
    }
    String path = lakehouse + "/" + schema + "/" + qualifiedName.substring(dot + 1);
    return qualifiedName + "@" + memo.commitOf(path, DeltaLog.forTableWithSnapshot(spark, path)._2().version());
  }

  private Result remembered(TableSpec spec, String digest, Supplier<Result> write) {
    long unchanged = memo.unchanged(spec, digest);
    if (unchanged >= 0) {
      return new Result(spec.qualifiedName(), 0, 0, 0, unchanged);
    }
    Result written = write.get();
    memo.record(spec, digest, written.version());
    return written;
  }

  /** The rows of {@code records} (one record per row, components named after the columns) as a frame of the table. */
  public Dataset<Row> frame(TableSpec spec, List<? extends Record> records) {
    StructType schema = requireSchema(spec);
    return spark.createDataFrame(RecordRows.toRows(records, schema), schema);
  }

  /**
   * Makes exactly the partitions {@code values} of the table's partition column hold {@code rows} (rows outside
   * those values are refused by Delta), in one commit. Other partitions are untouched.
   */
  public Result replacePartitions(TableSpec spec, Dataset<Row> rows, List<String> values) {
    requireMode(spec, WriteMode.REPLACE_PARTITIONS);
    if (values.isEmpty()) {
      return new Result(spec.qualifiedName(), 0, 0, 0, version(spec));
    }
    String partition = spec.partitionColumns().get(0);
    // The predicate is rendered by Spark from a Column, so the values are literals Spark quotes, never pasted text.
    String predicate = col(partition).isin(values.toArray()).expr().sql();
    Dataset<Row> conformed = conform(spec, rows);
    conformed.write().format("delta").mode("overwrite").option("replaceWhere", predicate)
        .partitionBy(partition).save(spec.path(lakehouse));
    register(spec);
    Map<String, String> m = lastMetrics(spec);
    return new Result(spec.qualifiedName(), metric(m, "numOutputRows"), 0, metric(m, "numRemovedRows"),
        version(spec));
  }

  /** Deletes the rows matching {@code condition} (one commit; none when nothing matches or the table is absent). */
  public Result delete(TableSpec spec, Column condition) {
    if (!exists(spec)) {
      return new Result(spec.qualifiedName(), 0, 0, 0, -1);
    }
    long before = version(spec);
    DeltaTable.forPath(spark, spec.path(lakehouse)).delete(condition);
    long after = version(spec);
    long deleted = after == before ? 0 : metric(lastMetrics(spec), "numDeletedRows");
    return new Result(spec.qualifiedName(), 0, 0, deleted, after);
  }

  /** Creates the table, empty, with its declared columns, when it does not exist yet. */
  public void createIfAbsent(TableSpec spec) {
    createIfAbsent(spec, requireSchema(spec));
  }

  /** Creates a model-defined table, empty, with the columns its model produces ({@code schema}). */
  public void createIfAbsent(TableSpec spec, StructType schema) {
    if (exists(spec)) {
      return;
    }
    StructType columns = spec.hashed() ? schema.add(RowHash.COLUMN, DataTypes.StringType) : schema;
    spark.createDataFrame(List.of(), columns).write().format("delta")
        .partitionBy(spec.partitionColumns().toArray(String[]::new)).save(spec.path(lakehouse));
    register(spec);
  }

  /** True when the table holds a Delta log. */
  public boolean exists(TableSpec spec) {
    return DeltaTable.isDeltaTable(spark, spec.path(lakehouse));
  }

  /** The table's current Delta version, or -1 when it does not exist. */
  public long version(TableSpec spec) {
    // The log's latest snapshot (-1 when there is no log): read from the log folder, no Spark job, unlike history().
    return DeltaLog.forTableWithSnapshot(spark, spec.path(lakehouse))._2().version();
  }

  // ---- modes ----

  private Result merge(TableSpec spec, Dataset<Row> rows, Scope scope) {
    boolean hashed = spec.hashed();
    Dataset<Row> source = hashed ? RowHash.add(rows, spec) : rows;
    source = source.persist();
    try {
      if (!exists(spec)) {
        return insertAll(spec, source, "errorifexists");
      }
      DeltaTable target = DeltaTable.forPath(spark, spec.path(lakehouse));
      Dataset<Row> targetRows = scope == null ? target.toDF() : target.toDF().where(scope.on(null));
      if (targetRows.isEmpty()) {
        // Nothing stored where the rows go (a first load, a new month): every row is an insert, and an append
        // writes them without the comparison and the MERGE's join.
        return insertAll(spec, source, "append");
      }
      Map<String, Long> changes = changes(spec, source, targetRows);
      if (changes.containsKey(DUPLICATE)) {
        requireUniqueKeys(spec, source);
      }
      long inserted = changes.getOrDefault("insert", 0L);
      long updated = changes.getOrDefault("update", 0L);
      long deleted = changes.getOrDefault("delete", 0L);
      if (inserted + updated + deleted == 0) {
        return new Result(spec.qualifiedName(), 0, 0, 0, version(spec));
      }
      Column on = keyCondition(spec.keyColumns(), "t", "s");
      if (scope != null) {
        on = on.and(scope.on("t"));
      }
      DeltaMergeBuilder merge = target.as("t").merge(source.as("s"), on);
      if (hashed) {
        merge = merge.whenMatched(col("t." + RowHash.COLUMN).notEqual(col("s." + RowHash.COLUMN)))
            .updateExpr(assignments(source));
      }
      merge = merge.whenNotMatched().insertExpr(assignments(source));
      if (spec.writeMode() == WriteMode.REPLACE) {
        merge = scope == null ? merge.whenNotMatchedBySource().delete()
            : merge.whenNotMatchedBySource(scope.on("t")).delete();
      }
      merge.execute();
      register(spec);
      return new Result(spec.qualifiedName(), inserted, updated, deleted, version(spec));
    } finally {
      source.unpersist();
    }
  }

  /**
   * Writes {@code source} whole, every row an insert, after refusing keys given twice (Delta {@code mode}: a new
   * table, or an append to one with nothing where the rows go). An empty source appends nothing.
   */
  private Result insertAll(TableSpec spec, Dataset<Row> source, String mode) {
    long n = requireUniqueKeys(spec, source);
    if (n == 0 && mode.equals("append")) {
      return new Result(spec.qualifiedName(), 0, 0, 0, version(spec));
    }
    source.write().format("delta").partitionBy(spec.partitionColumns().toArray(String[]::new))
        .mode(mode).save(spec.path(lakehouse));
    register(spec);
    return new Result(spec.qualifiedName(), n, 0, 0, version(spec));
  }

  private Result append(TableSpec spec, Dataset<Row> rows) {
    rows.write().format("delta").mode("append").partitionBy(spec.partitionColumns().toArray(String[]::new))
        .save(spec.path(lakehouse));
    register(spec);
    return new Result(spec.qualifiedName(), metric(lastMetrics(spec), "numOutputRows"), 0, 0, version(spec));
  }

  /**
   * Counts, in one Spark job, the rows a merge would insert, update and delete: the source's keys and hashes
   * joined with the target's (a full outer join only when keys absent from the source are deleted).
   */
  private static Map<String, Long> changes(TableSpec spec, Dataset<Row> source, Dataset<Row> target) {
    boolean hashed = spec.hashed();
    boolean deletes = spec.writeMode() == WriteMode.REPLACE;
    List<Column> s = new ArrayList<>();
    List<Column> t = new ArrayList<>();
    for (String k : spec.keyColumns()) {
      s.add(col(k));
      t.add(col(k));
    }
    t.add(hashed ? col(RowHash.COLUMN).as("t_hash") : functions.lit("").as("t_hash"));
    // The source grouped by key: the same job finds keys given twice (the merge would fail on them).
    Dataset<Row> sourceKeys = source.groupBy(s.toArray(Column[]::new)).agg(functions.count(functions.lit(1)).as("s_n"),
        functions.max(hashed ? col(RowHash.COLUMN) : functions.lit("")).as("s_hash"));
    s.add(col("s_n"));
    s.add(col("s_hash"));
    Column change = functions.when(col("s_n").gt(1), DUPLICATE)
        .when(col("t_hash").isNull(), "insert")
        .when(col("s_hash").isNull(), deletes ? "delete" : "keep")
        .when(col("s_hash").notEqual(col("t_hash")), "update")
        .otherwise("same");
    // Null-safe key equality: a key column may legitimately be NULL (e.g. the level of a total row).
    Dataset<Row> joined = sourceKeys.select(s.toArray(Column[]::new)).alias("s")
        .join(target.select(t.toArray(Column[]::new)).alias("t"), keyCondition(spec.keyColumns(), "s", "t"),
            deletes ? "full_outer" : "left_outer");
    Map<String, Long> out = new LinkedHashMap<>();
    for (Row r : joined.groupBy(change.as("change")).count().collectAsList()) {
      out.put(r.getAs("change"), r.getAs("count"));
    }
    return out;
  }

  // ---- checks ----

  /**
   * The rows in the table's declared column order, after checking names and types (nullability aside). A column
   * of NULLs with no type (a SQL {@code NULL AS x}) takes the declared type. Model-defined tables pass through.
   */
  Dataset<Row> conform(TableSpec spec, Dataset<Row> rows) {
    if (spec.schema() == null) {
      return rows;
    }
    Dataset<Row> base = Arrays.asList(rows.columns()).contains(RowHash.COLUMN) ? rows.drop(RowHash.COLUMN) : rows;
    StructType declared = spec.schema();
    List<String> problems = new ArrayList<>();
    List<String> given = Arrays.asList(base.columns());
    List<Column> ordered = new ArrayList<>();
    for (StructField f : declared.fields()) {
      if (!given.contains(f.name())) {
        problems.add("missing column " + f.name());
        continue;
      }
      StructField actual = base.schema().apply(f.name());
      if (actual.dataType() == DataTypes.NullType) {
        ordered.add(col(f.name()).cast(f.dataType()).as(f.name()));
      } else if (!actual.dataType().catalogString().equals(f.dataType().catalogString())) {
        problems.add(f.name() + " is " + actual.dataType().catalogString() + ", declared "
            + f.dataType().catalogString());
      } else {
        ordered.add(col(f.name()));
      }
    }
    for (String g : given) {
      if (!Arrays.asList(declared.fieldNames()).contains(g)) {
        problems.add("undeclared column " + g);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("rows for " + spec.qualifiedName() + " do not match its definition in "
          + "WarehouseTables: " + String.join("; ", problems));
    }
    return base.select(ordered.toArray(Column[]::new));
  }

  /** Fails on rows sharing a key (naming a few); returns the number of rows. One Spark job. */
  private static long requireUniqueKeys(TableSpec spec, Dataset<Row> source) {
    Column[] keys = spec.keyColumns().stream().map(functions::col).toArray(Column[]::new);
    Row counts = source.groupBy(keys).count()
        .agg(functions.sum("count").as("rows"), functions.max("count").as("most_per_key")).head();
    Long rows = counts.getAs("rows"); // NULL when there are no rows
    if (rows == null || counts.<Long>getAs("most_per_key") <= 1) {
      return rows == null ? 0 : rows;
    }
    List<Row> dup = source.groupBy(keys).count().where(col("count").gt(1)).limit(3).collectAsList();
    throw new IllegalStateException("duplicate keys " + spec.keyColumns() + " in the rows for "
        + spec.qualifiedName() + ", e.g. " + dup + ": the table's key is missing a column");
  }

  private static void requireMode(TableSpec spec, WriteMode mode) {
    if (spec.writeMode() != mode) {
      throw new IllegalArgumentException(spec.qualifiedName() + " is written by " + spec.writeMode() + ", not "
          + mode);
    }
  }

  private static StructType requireSchema(TableSpec spec) {
    if (spec.schema() == null) {
      throw new IllegalArgumentException(spec.qualifiedName() + " takes its columns from its model "
          + spec.model());
    }
    return spec.schema();
  }

  // ---- helpers ----


  private static Column keyCondition(List<String> keys, String a, String b) {
    Column c = null;
    for (String k : keys) {
      Column eq = col(a + "." + k).eqNullSafe(col(b + "." + k));
      c = c == null ? eq : c.and(eq);
    }
    return c;
  }

  private static Map<String, String> assignments(Dataset<Row> df) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String c : df.columns()) {
      m.put(c, "s." + c);
    }
    return m;
  }

  private Map<String, String> lastMetrics(TableSpec spec) {
    Row h = DeltaTable.forPath(spark, spec.path(lakehouse)).history(1).select("operationMetrics").head();
    Map<String, String> m = h.getJavaMap(h.fieldIndex("operationMetrics"));
    return m == null ? Map.of() : m;
  }

  private static long metric(Map<String, String> metrics, String name) {
    return Long.parseLong(metrics.getOrDefault(name, "0"));
  }

  private void register(TableSpec spec) {
    new CatalogRegistrar(spark, lakehouse).register(spec);
  }
}
