package vn.dvcw.charts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Reads view columns by name, whatever Java type Spark chose (DECIMAL, BIGINT, DATE with or without the java8
 * time API), so chart code works on rows from any session configuration.
 */
public final class RowValues {
  private RowValues() {}

  /** A numeric column as a double; NaN when NULL (XChart leaves NaN points out). */
  public static double number(Row row, String column) {
    Object v = row.get(row.fieldIndex(column));
    if (v == null) {
      return Double.NaN;
    }
    if (v instanceof BigDecimal d) {
      return d.doubleValue();
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException("column " + column + " is not numeric: " + v.getClass().getSimpleName());
  }

  public static long count(Row row, String column) {
    Object v = row.get(row.fieldIndex(column));
    return v == null ? 0L : ((Number) v).longValue();
  }

  public static String text(Row row, String column) {
    Object v = row.get(row.fieldIndex(column));
    return v == null ? null : v.toString();
  }

  public static LocalDate date(Row row, String column) {
    Object v = row.get(row.fieldIndex(column));
    if (v == null) {
      return null;
    }
    if (v instanceof LocalDate d) {
      return d;
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    return LocalDate.parse(v.toString());
  }

  public static boolean hasColumn(Row row, String column) {
    return row.schema() != null && List.of(row.schema().fieldNames()).contains(column);
  }
}
