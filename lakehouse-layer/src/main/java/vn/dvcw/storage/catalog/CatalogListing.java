package vn.dvcw.storage.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalog.Table;
import org.apache.spark.sql.types.StructType;
import vn.dvcw.storage.models.ViewLoader;

/**
 * Every table and view a session sees, layer by layer, with its type, row count and description (the catalogue's
 * for tables, the model header's for views): what {@code dvcw tables} prints and {@code dvcw.catalog()} shows.
 */
public final class CatalogListing {
  /** The listing's columns. */
  public static final StructType SCHEMA =
      StructType.fromDDL("layer STRING, name STRING, type STRING, rows BIGINT, description STRING");

  private CatalogListing() {}

  /** The listing of {@code spark}'s warehouse schemas, every table's and view's rows counted. */
  public static Dataset<Row> of(SparkSession spark) {
    return of(spark, true);
  }

  /**
   * The listing of {@code spark}'s warehouse schemas. A table's rows are counted from its Delta statistics (no data
   * read); a view is a query, so counting its rows runs it: with {@code countViews} false its rows are NULL.
   */
  public static Dataset<Row> of(SparkSession spark, boolean countViews) {
    Map<String, String> viewDescriptions = ViewLoader.fromClasspath().descriptions();
    List<Row> rows = new ArrayList<>();
    for (Layer layer : Layer.values()) {
      if (!spark.catalog().databaseExists(layer.schema())) {
        continue;
      }
      for (Table t : tablesOf(spark, layer)) {
        String name = layer.schema() + "." + t.name();
        boolean view = "VIEW".equalsIgnoreCase(t.tableType());
        String description = view ? viewDescriptions.getOrDefault(name, "")
            : WarehouseTables.find(name).map(TableSpec::description).orElse("");
        Long count = view && !countViews ? null : spark.table(name).count();
        rows.add(RowFactory.create(layer.schema(), name, view ? "view" : "table", count, description));
      }
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  private static List<Table> tablesOf(SparkSession spark, Layer layer) {
    try {
      return spark.catalog().listTables(layer.schema()).collectAsList();
    } catch (AnalysisException e) { // checked in Java's eyes; the schema was just seen
      throw new IllegalStateException("cannot list " + layer.schema() + ": " + e.getMessage(), e);
    }
  }
}
