package vn.dvcw.lakehouse.catalog;

import java.util.List;

/**
 * A Delta table of the warehouse: its layer, name, key columns and a one-line description that
 * {@code dvcw tables} shows. The table lives at {@code <lakehouse>/<layer>/<name>}.
 */
public record TableSpec(Layer layer, String name, List<String> keyColumns, String description,
    List<String> partitionColumns) {

  public TableSpec {
    if (layer == Layer.ANALYTICS) {
      throw new IllegalArgumentException("analytics holds views only, not table " + name);
    }
    keyColumns = List.copyOf(keyColumns);
    partitionColumns = List.copyOf(partitionColumns);
  }

  /** An unpartitioned table (reference data, documents, runs: small). */
  public TableSpec(Layer layer, String name, List<String> keyColumns, String description) {
    this(layer, name, keyColumns, description, List.of());
  }

  /** Schema-qualified name, e.g. {@code silver.report_observation}. */
  public String qualifiedName() {
    return layer.schema() + "." + name;
  }

  /** The table's folder under the lakehouse root. */
  public String path(String lakehouse) {
    return lakehouse + "/" + layer.schema() + "/" + name;
  }
}
