package vn.dvcw.storage.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.types.StructType;

/**
 * A Delta table of the warehouse, defined once: its layer and name (it lives at
 * {@code <lakehouse>/<layer>/<name>}), a one-line description ({@code dvcw tables}), its columns, key, partitioning,
 * lineage columns (where a row came from, not what it says: left out of the row hash) and how it is written.
 *
 * <p>Tables materialised from a SQL model ({@code models/gold/*.sql}) take their columns from the model, whose
 * contract ({@code .yml} beside it) documents them: their {@link #schema()} is null and {@link #model()} names it.
 *
 * <p>Build with {@link #table(Layer, String)}: {@code TableSpec.table(Layer.REF, "province").keys("province_key")
 * .columns("province_key STRING, …").writtenBy(WriteMode.REPLACE).describedAs("…")}.
 */
public record TableSpec(Layer layer, String name, String description, StructType schema, String model,
    List<String> keyColumns, List<String> partitionColumns, List<String> lineageColumns, WriteMode writeMode) {

  public TableSpec {
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(writeMode, "writeMode of " + name);
    if (layer == Layer.ANALYTICS) {
      throw new IllegalArgumentException("analytics holds views only, not table " + name);
    }
    if ((schema == null) == (model == null)) {
      throw new IllegalArgumentException(layer.schema() + "." + name + ": give either its columns or its model");
    }
    keyColumns = List.copyOf(keyColumns);
    partitionColumns = List.copyOf(partitionColumns);
    lineageColumns = List.copyOf(lineageColumns);
    if (schema != null) {
      List<String> names = Arrays.asList(schema.fieldNames());
      for (String c : concat(keyColumns, partitionColumns, lineageColumns)) {
        if (!names.contains(c)) {
          throw new IllegalArgumentException(layer.schema() + "." + name + " has no column " + c);
        }
      }
    }
    if (writeMode == WriteMode.REPLACE_PARTITIONS && partitionColumns.size() != 1) {
      throw new IllegalArgumentException(layer.schema() + "." + name + ": partitions are replaced by one column");
    }
  }

  /** Starts the definition of {@code layer.name}. */
  public static Builder table(Layer layer, String name) {
    return new Builder(layer, name);
  }

  /** Schema-qualified name, e.g. {@code silver.report_observation}. */
  public String qualifiedName() {
    return layer.schema() + "." + name;
  }

  /** The table's folder under the lakehouse root. */
  public String path(String lakehouse) {
    return lakehouse + "/" + layer.schema() + "/" + name;
  }

  /** True when rows carry {@code row_hash} (tables compared row by row on write). */
  public boolean hashed() {
    return writeMode == WriteMode.UPSERT || writeMode == WriteMode.REPLACE;
  }

  private static List<String> concat(List<String> a, List<String> b, List<String> c) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    out.addAll(c);
    return out;
  }

  /** Fluent definition; {@link #describedAs(String)} ends it. */
  public static final class Builder {
    private final Layer layer;
    private final String name;
    private StructType schema;
    private String model;
    private List<String> keys = List.of();
    private List<String> partitions = List.of();
    private List<String> lineage = List.of();
    private WriteMode mode;

    private Builder(Layer layer, String name) {
      this.layer = layer;
      this.name = name;
    }

    /** The columns, in Spark DDL ({@code "a STRING, b DATE"}), in the order rows are written. */
    public Builder columns(String ddl) {
      this.schema = StructType.fromDDL(ddl);
      return this;
    }

    /** The columns, as a schema. */
    public Builder columns(StructType schema) {
      this.schema = schema;
      return this;
    }

    /** The SQL model (under {@code models/}) whose result the table holds, e.g. {@code gold/fact_task_progress}. */
    public Builder model(String model) {
      this.model = model;
      return this;
    }

    public Builder keys(String... columns) {
      this.keys = List.of(columns);
      return this;
    }

    public Builder partitionedBy(String... columns) {
      this.partitions = List.of(columns);
      return this;
    }

    /** Columns saying where a row came from (file, line, arrival): a re-sent input changes none of the others. */
    public Builder lineage(String... columns) {
      this.lineage = List.of(columns);
      return this;
    }

    public Builder writtenBy(WriteMode mode) {
      this.mode = mode;
      return this;
    }

    public TableSpec describedAs(String description) {
      return new TableSpec(layer, name, description, schema, model, keys, partitions, lineage, mode);
    }
  }
}
