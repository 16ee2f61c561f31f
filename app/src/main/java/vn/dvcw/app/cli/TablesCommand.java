package vn.dvcw.app.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.dvcw.storage.WarehouseSession;
import vn.dvcw.storage.catalog.CatalogListing;

/** {@code dvcw tables}: every table and view with its layer, row count and description. */
@Command(name = "tables", mixinStandardHelpOptions = true,
    description = "List every table and view of the lakehouse with its layer, row count (tables; views with "
        + "--count-views) and description.")
public final class TablesCommand implements Callable<Integer> {
  @Mixin LakehouseOptions lakehouse;

  @Option(names = "--count-views", description = "Also count the rows of every view (runs each view's query: "
      + "minutes on a large feed); by default a view's rows are left empty and tables are counted from their "
      + "Delta statistics")
  boolean countViews;

  @Override
  public Integer call() throws Exception {
    // Counting a view needs it created; naming it does not (its model file says what it reads).
    SparkSession spark = countViews ? lakehouse.open("dvcw-tables") : lakehouse.openTablesOnly("dvcw-tables");
    Dataset<Row> listing = countViews ? CatalogListing.of(spark, true)
        : CatalogListing.ofTablesAndViewFiles(spark, WarehouseSession.lakehouseOf(spark));
    SqlCommand.print(listing, SqlCommand.OutputFormat.table, -1, System.out);
    return 0;
  }
}
