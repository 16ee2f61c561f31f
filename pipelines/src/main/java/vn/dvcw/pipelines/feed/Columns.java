package vn.dvcw.pipelines.feed;

import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Small reads of one column that drive the feed job's decisions (which months to touch). */
final class Columns {
  private Columns() {}

  /** The distinct non-null string values of {@code column}, sorted. */
  static List<String> distinct(Dataset<Row> rows, String column) {
    return rows.select(column).distinct().collectAsList().stream().map(r -> r.<String>getAs(column))
        .filter(Objects::nonNull).sorted().toList();
  }
}
