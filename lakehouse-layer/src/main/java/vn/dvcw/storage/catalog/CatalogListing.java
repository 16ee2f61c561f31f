package vn.dvcw.storage.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
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
    Map<String, Map<String, Boolean>> entries = new LinkedHashMap<>(); // schema → name → is a view
    forEachInSession(spark, (name, view) -> entries.computeIfAbsent(schemaOf(name), s -> new TreeMap<>())
        .put(name, view));
    return listing(spark, entries, ViewLoader.fromClasspath().descriptions(), countViews,
        name -> spark.table(name).count());
  }

  /**
   * The listing of a session that has the tables but not the views ({@code dvcw tables}): the views come from the
   * model files instead, without creating them (creating a view analyses it: seconds each in a fresh JVM). A view
   * is listed when every warehouse table it reads, directly or through other views, is in the session, as creating
   * it would require; its rows are NULL. A table's rows are the count the last refresh recorded when the table is
   * still at the version it counted ({@link TableCounts}), else counted.
   */
  public static Dataset<Row> ofTablesAndViewFiles(SparkSession spark, String lakehouse) {
    Map<String, Map<String, Boolean>> entries = new LinkedHashMap<>();
    Set<String> tables = new HashSet<>();
    forEachInSession(spark, (name, view) -> {
      entries.computeIfAbsent(schemaOf(name), s -> new TreeMap<>()).put(name, view);
      if (!view) {
        tables.add(name);
      }
    });
    ViewLoader views = ViewLoader.fromClasspath();
    Map<String, String> viewDescriptions = views.descriptions();
    Set<String> viewNames = viewDescriptions.keySet();
    for (String sql : views.files().values()) {
      boolean readable = views.reads(sql).stream()
          .filter(n -> !viewNames.contains(n) && WAREHOUSE_SCHEMAS.contains(schemaOf(n)))
          .allMatch(tables::contains);
      if (readable) {
        String name = ViewLoader.viewName(sql);
        entries.computeIfAbsent(schemaOf(name), s -> new TreeMap<>()).put(name, true);
      }
    }
    return listing(spark, entries, viewDescriptions, false, TableCounts.of(spark, lakehouse)::count);
  }

  private static Dataset<Row> listing(SparkSession spark, Map<String, Map<String, Boolean>> entries,
      Map<String, String> viewDescriptions, boolean countViews, ToLongFunction<String> tableRows) {
    List<Row> rows = new ArrayList<>();
    for (Layer layer : Layer.values()) {
      entries.getOrDefault(layer.schema(), Map.of()).forEach((name, view) -> {
        String description = view ? viewDescriptions.getOrDefault(name, "")
            : WarehouseTables.find(name).map(TableSpec::description).orElse("");
        Long count = null;
        if (!view) {
          count = tableRows.applyAsLong(name);
        } else if (countViews) {
          count = spark.table(name).count();
        }
        rows.add(RowFactory.create(layer.schema(), name, view ? "view" : "table", count, description));
      });
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  /** Every table and view of the warehouse schemas {@code spark} has, as (schema.name, is a view). */
  private static void forEachInSession(SparkSession spark, BiConsumer<String, Boolean> action) {
    for (Layer layer : Layer.values()) {
      if (!spark.catalog().databaseExists(layer.schema())) {
        continue;
      }
      for (Table t : tablesOf(spark, layer)) {
        action.accept(layer.schema() + "." + t.name(), "VIEW".equalsIgnoreCase(t.tableType()));
      }
    }
  }

  private static String schemaOf(String qualifiedName) {
    return qualifiedName.substring(0, qualifiedName.indexOf('.'));
  }

  private static final Set<String> WAREHOUSE_SCHEMAS =
      Arrays.stream(Layer.values()).map(Layer::schema).collect(Collectors.toUnmodifiableSet());

  private static List<Table> tablesOf(SparkSession spark, Layer layer) {
    try {
      return spark.catalog().listTables(layer.schema()).collectAsList();
    } catch (AnalysisException e) { // checked in Java's eyes; the schema was just seen
      throw new IllegalStateException("cannot list " + layer.schema() + ": " + e.getMessage(), e);
    }
  }
}
