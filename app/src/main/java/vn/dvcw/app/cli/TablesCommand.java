package vn.dvcw.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalog.Table;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import vn.dvcw.lakehouse.catalog.Layer;
import vn.dvcw.lakehouse.catalog.TableSpec;
import vn.dvcw.lakehouse.catalog.WarehouseTables;
import vn.dvcw.lakehouse.models.ViewLoader;

/** {@code dvcw tables}: every table and view with its layer, row count and description. */
@Command(name = "tables", mixinStandardHelpOptions = true,
    description = "List every table and view of the lakehouse with its layer, row count and description.")
public final class TablesCommand implements Callable<Integer> {
  @Mixin LakehouseOptions lakehouse;

  @Override
  public Integer call() throws Exception {
    SparkSession spark = lakehouse.open("dvcw-tables");
    var viewDescriptions = ViewLoader.fromClasspath().descriptions();
    List<Row> rows = new ArrayList<>();
    for (Layer layer : Layer.values()) {
      for (Table t : spark.catalog().listTables(layer.schema()).collectAsList()) {
        String name = layer.schema() + "." + t.name();
        boolean view = "VIEW".equalsIgnoreCase(t.tableType());
        String description = view ? viewDescriptions.getOrDefault(name, "")
            : WarehouseTables.find(name).map(TableSpec::description).orElse("");
        long count = spark.table(name).count();
        rows.add(RowFactory.create(layer.schema(), name, view ? "view" : "table", count, description));
      }
    }
    StructType schema = StructType.fromDDL("layer STRING, name STRING, type STRING, rows BIGINT, description STRING");
    SqlCommand.print(spark.createDataFrame(rows, schema), SqlCommand.OutputFormat.table, -1, System.out);
    return 0;
  }
}
