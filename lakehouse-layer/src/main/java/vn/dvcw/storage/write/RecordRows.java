package vn.dvcw.storage.write;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Turns Java records into rows of a table by name: column {@code first_seen_at} takes the record component
 * {@code firstSeenAt}. Jobs keep their data in records until the write, so a new column is a compile-time change
 * to one record, never a shifted position in a 20-argument row; a column without a component fails at once.
 */
final class RecordRows {
  private static final Map<Class<?>, Map<String, Method>> ACCESSORS = new ConcurrentHashMap<>();

  private RecordRows() {}

  /** The rows of {@code records} in the column order of {@code schema}. */
  static List<Row> toRows(List<? extends Record> records, StructType schema) {
    List<Row> rows = new ArrayList<>(records.size());
    for (Record r : records) {
      rows.add(toRow(r, schema));
    }
    return rows;
  }

  static Row toRow(Record record, StructType schema) {
    Map<String, Method> accessors = accessors(record.getClass());
    String[] columns = schema.fieldNames();
    Object[] values = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      Method m = accessors.get(columns[i]);
      if (m == null) {
        throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component for column "
            + columns[i] + " (expected " + camelCase(columns[i]) + ")");
      }
      try {
        values[i] = m.invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + m.getName() + " of " + record.getClass().getName(), e);
      }
    }
    return RowFactory.create(values);
  }

  private static Map<String, Method> accessors(Class<?> type) {
    return ACCESSORS.computeIfAbsent(type, t -> {
      Map<String, Method> byColumn = new HashMap<>();
      for (RecordComponent c : t.getRecordComponents()) {
        Method m = c.getAccessor();
        m.setAccessible(true);
        byColumn.put(snakeCase(c.getName()), m);
      }
      return byColumn;
    });
  }

  static String snakeCase(String camel) {
    StringBuilder b = new StringBuilder();
    for (char ch : camel.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        b.append('_').append(Character.toLowerCase(ch));
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }

  private static String camelCase(String snake) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char ch : snake.toCharArray()) {
      if (ch == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(ch) : ch);
        up = false;
      }
    }
    return b.toString();
  }
}
