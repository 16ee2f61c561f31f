package vn.dvcw.app.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.dvcw.storage.WarehouseSession;
import vn.dvcw.storage.access.OperatorWrites;
import vn.dvcw.storage.access.ReadOnlyGuard;
import vn.dvcw.storage.access.ReadOnlyViolation;
import vn.dvcw.storage.access.Refusal;
import vn.dvcw.storage.catalog.AsOfCatalog;

/**
 * {@code dvcw sql "QUERY"}: runs Spark SQL on the lakehouse and prints the result. Read-only: the {@link ReadOnlyGuard}
 * refuses, from the parsed plan, anything that writes, changes the catalog or reads files by path (exit 2); tables
 * change only through the jobs. {@code --allow-writes} is the operator's switch that lifts it for one statement and
 * records that statement in {@code ops.operator_write} before running it.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Run Spark SQL against the lakehouse and print the result.",
        "Every table and view has its schema-qualified name (ref., bronze., silver., gold.,",
        "analytics., ops.). A bad query prints one line and exits 2.",
        "Read-only: statements that write or change the catalog (INSERT, UPDATE, DELETE, MERGE, DROP, CREATE,",
        "ALTER, TRUNCATE, OPTIMIZE, VACUUM, RESTORE, SET of settings that change writes, ...) and reads of",
        "files by path are refused with one line and exit 2; tables change through 'dvcw refresh' and",
        "'dvcw maintain'."})
public final class SqlCommand implements Callable<Integer> {
  @Mixin LakehouseOptions lakehouse;

  @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL query")
  String query;

  @Option(names = "--format", defaultValue = "table",
      description = "Output: table (readable), csv (header row, then rows) or json (one object per line)")
  OutputFormat format;

  @Option(names = "--as-of", paramLabel = "RUN|TIME",
      description = "Query the tables as a refresh left them: a run id (see 'dvcw runs') or a UTC timestamp")
  String asOf;

  @Option(names = "--limit", defaultValue = "-1",
      description = "At most this many rows (default: 1000 for table, all for csv and json)")
  int limit;

  @Option(names = "--allow-writes",
      description = "Operator tool: lift the read-only rule for this one statement (e.g. a repair the jobs cannot do). "
          + "The statement, who ran it and when are recorded in ops.operator_write before it runs.")
  boolean allowWrites;

  @Override
  public Integer call() {
    if (allowWrites && asOf != null) {
      System.err.println("dvcw sql: --allow-writes and --as-of do not go together: the past is read-only");
      return 2;
    }
    // A plain query registers only what it names (a fresh JVM's first answer); --as-of and --allow-writes, everything.
    SparkSession spark = asOf != null || allowWrites ? lakehouse.open("dvcw-sql") : lakehouse.openFor("dvcw-sql", query);
    String root = WarehouseSession.lakehouseOf(spark);
    ReadOnlyGuard guard = ReadOnlyGuard.forLakehouse(root);
    if (asOf != null) {
      try {
        AsOfCatalog.attach(spark, WarehouseSession.lakehouseOf(spark), asOf);
      } catch (IllegalArgumentException e) {
        System.err.println("dvcw sql: " + e.getMessage());
        return 2;
      }
    }
    Dataset<Row> result;
    try {
      if (allowWrites) {
        Refusal wouldRefuse = guard.check(spark.sessionState().sqlParser(), query).orElse(null);
        OperatorWrites.record(spark, root, wouldRefuse == null ? "read" : wouldRefuse.kind(), query);
        System.err.println("dvcw sql: --allow-writes: read-only rule lifted for this statement; recorded in "
            + "ops.operator_write");
        result = spark.sql(query);
      } else {
        result = guard.sql(spark, query);
      }
    } catch (ReadOnlyViolation refused) {
      System.err.println("dvcw sql: " + refused.getMessage());
      return 2;
    } catch (Exception e) { // Scala code throws AnalysisException without declaring it
      if (e instanceof AnalysisException) {
        String hint = String.valueOf(e.getMessage()).contains("TABLE_OR_VIEW_NOT_FOUND")
            && String.valueOf(e.getMessage()).contains("`analytics`")
            // A lakehouse built by an older version lacks the tables newer views read; a refresh creates them.
            ? " (views are built from the lakehouse's tables: if an earlier version made this lakehouse, run "
                + "./dvcw refresh once)" : "";
        System.err.println("dvcw sql: " + Errors.oneLine(e) + hint);
        return 2;
      }
      throw e;
    }
    print(result, format, limit, System.out);
    return 0;
  }

  /** Prints a result in a format; {@code limit} &lt; 0 means the format's default. */
  static void print(Dataset<Row> result, OutputFormat format, int limit, PrintStream out) {
    int max = limit >= 0 ? limit : format == OutputFormat.table ? 1000 : Integer.MAX_VALUE;
    switch (format) {
      case csv -> {
        out.println(ResultText.csvLine(List.of(result.columns())));
        for (Row r : rows(result, max)) {
          out.println(ResultText.csvLine(ResultText.cells(r)));
        }
      }
      case json -> result.limit(max).toJSON().collectAsList().forEach(out::println);
      case table -> {
        List<Row> rows = rows(result, max + 1);
        boolean more = rows.size() > max;
        List<Row> shown = more ? rows.subList(0, max) : rows;
        out.print(ResultText.table(List.of(result.columns()), shown));
        out.println("(" + shown.size() + (more ? "+ rows; use --limit to see more" : " row" + (shown.size() == 1 ? "" : "s"))
            + ")");
      }
    }
  }

  private static List<Row> rows(Dataset<Row> df, int max) {
    return max == Integer.MAX_VALUE ? df.collectAsList() : df.limit(max).collectAsList();
  }

  /** Output formats. */
  public enum OutputFormat { table, csv, json }
}
