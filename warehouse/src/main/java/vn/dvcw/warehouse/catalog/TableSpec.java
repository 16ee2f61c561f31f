package vn.dvcw.warehouse.catalog;

import java.util.List;

/**
 * A Delta table of the warehouse: its layer, name, key columns and a one-line description that
 * {@code dvcw tables} shows. The table lives at {@code <lakehouse>/<layer>/<name>}.
 */
public record TableSpec(Layer layer, String name, List<String> keyColumns, String description) {

  public TableSpec {
    if (layer == Layer.ANALYTICS) {
      throw new IllegalArgumentException("analytics holds views only, not table " + name);
    }
    keyColumns = List.copyOf(keyColumns);
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
