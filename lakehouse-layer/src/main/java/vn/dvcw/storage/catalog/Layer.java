package vn.dvcw.storage.catalog;

/**
 * The schemas of the warehouse. Each is a folder under the lakehouse root and a database in every session.
 * {@code analytics} holds only views; the rest hold Delta tables.
 */
public enum Layer {
  REF("ref", "reference data: provinces of both eras, lineage, KPI targets"),
  BRONZE("bronze", "raw inputs as received, with file and line"),
  SILVER("silver", "typed, province-resolved records with lineage"),
  GOLD("gold", "facts the public views read"),
  ANALYTICS("analytics", "the public, documented views (sql/)"),
  OPS("ops", "run records and quarantine");

  private final String schema;
  private final String description;

  Layer(String schema, String description) {
    this.schema = schema;
    this.description = description;
  }

  public String schema() {
    return schema;
  }

  public String description() {
    return description;
  }
}
