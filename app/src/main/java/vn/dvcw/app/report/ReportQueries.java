package vn.dvcw.app.report;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.dvcw.pipelines.ModelSql;

/**
 * The reads the report and {@code dvcw runs} make of the public views and the ops tables: each is a model file
 * {@code models/report/<name>.sql} whose header says what it answers, its grain and its parameters. Values are
 * bound to the file's named markers ({@code :source_kind}) through Spark's parameterised SQL, never pasted into
 * its text, so a value can neither change what a query means nor need quoting.
 */
public final class ReportQueries {
  private ReportQueries() {}

  /**
   * The rows of report model {@code model} with {@code params} bound to its markers (an empty map for a model
   * without any). Spark fails the query with UNBOUND_SQL_PARAMETER when a marker has no value; the model's text
   * is read from the class path, so a missing file is an {@link IllegalStateException} naming it.
   */
  public static Dataset<Row> run(SparkSession spark, String model, Map<String, Object> params) {
    return spark.sql(ModelSql.read("report/" + model), params);
  }
}
