package vn.dvcw.notebooks.display;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/** Renders a DataFrame as a {@link HtmlTable}, reading only the rows it shows (plus a count when cut). */
public final class ResultTables {
  private ResultTables() {}

  public static RichOutput of(Dataset<Row> df, int limit) {
    int shown = Math.max(0, limit);
    List<Row> head = df.limit(shown + 1).collectAsList();
    // Count only when the result is longer than the table: one extra row read tells us whether it is.
    long total = head.size() <= shown ? head.size() : df.count();
    List<String> columns = Arrays.asList(df.columns());
    List<Boolean> numeric = Arrays.stream(df.schema().fields())
        .map(StructField::dataType).map(t -> t instanceof NumericType).toList();
    List<List<String>> cells = new ArrayList<>();
    for (Row r : head.subList(0, Math.min(shown, head.size()))) {
      List<String> row = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        row.add(cellText(r.get(i)));
      }
      cells.add(row);
    }
    String html = HtmlTable.render(columns, numeric, cells, total, shown);
    String plain = String.join(" | ", columns) + "\n(" + HtmlTable.caption(total, cells.size()) + ")";
    return RichOutput.html(html, plain);
  }

  /** A value as an analyst reads it: plain decimals, no scientific notation, Scala collections as lists. */
  static String cellText(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return String.valueOf(d);
      }
      return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
    if (v instanceof scala.collection.Seq<?> seq) {
      return seq.mkString("[", ", ", "]");
    }
    return String.valueOf(v);
  }
}
