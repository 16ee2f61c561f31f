package vn.dvcw.pipelines.feed;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.dvcw.pipelines.ModelSql;

/**
 * The feed job's SQL: model files of the repository's {@code models/} tree (shipped on the class path under
 * {@code models/}), run with Spark's parameterised SQL. Values (run ids, days, month lists) are bound to named
 * markers ({@code :run_id}, {@code :months} as an array), never pasted into the text, so a model is exactly the
 * file a reader sees. Each file's header lists its inputs and grain.
 */
final class Models {
  private final SparkSession spark;

  Models(SparkSession spark) {
    this.spark = spark;
  }

  /** The rows of model {@code name} (e.g. {@code silver/feed/batch_event}), which takes no parameter. */
  Dataset<Row> run(String name) {
    return spark.sql(sql(name));
  }

  /**
   * The rows of model {@code name} with its markers bound to {@code args} (a list goes in as a {@code String[]},
   * read with {@code array_contains(:months, month)}).
   */
  Dataset<Row> run(String name, Map<String, Object> args) {
    return spark.sql(sql(name), args);
  }

  /** The text of model {@code name}: the file {@code models/<name>.sql} on the class path. */
  static String sql(String name) {
    return ModelSql.read(name);
  }

}
