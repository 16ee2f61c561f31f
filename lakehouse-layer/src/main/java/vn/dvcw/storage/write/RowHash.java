package vn.dvcw.storage.write;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import vn.dvcw.storage.catalog.TableSpec;

/**
 * The one rule for a row's content hash, {@code row_hash}: SHA-256 over every column of the row in column order
 * (keys included), except {@code row_hash} itself and the table's lineage columns (where a row came from, not what
 * it says: a re-sent message must not count as a change). NULL is hashed as U+0000, columns are joined by U+001F.
 * The writer compares it to decide which rows changed.
 */
public final class RowHash {
  /** The column holding each row's content hash. */
  public static final String COLUMN = "row_hash";

  private RowHash() {}

  /** {@code rows} with {@code row_hash} computed by the rule of {@code spec}, as its last column. */
  public static Dataset<Row> add(Dataset<Row> rows, TableSpec spec) {
    List<Column> parts = new ArrayList<>();
    for (String c : rows.columns()) {
      if (!c.equals(COLUMN) && !spec.lineageColumns().contains(c)) {
        parts.add(functions.coalesce(col(c).cast("string"), functions.lit("\u0000")));
      }
    }
    Dataset<Row> base = List.of(rows.columns()).contains(COLUMN) ? rows.drop(COLUMN) : rows;
    return base.withColumn(COLUMN, functions.sha2(functions.concat_ws("\u001f", parts.toArray(Column[]::new)), 256));
  }
}
