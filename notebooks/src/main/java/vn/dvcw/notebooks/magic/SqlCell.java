package vn.dvcw.notebooks.magic;

import java.util.List;
import java.util.Optional;
import javax.lang.model.SourceVersion;

/**
 * A {@code %%sql} cell: Spark SQL shown as a table and kept as a DataFrame variable for later cells.
 *
 * <pre>
 * %%sql [name] [--limit N]
 * SELECT ... FROM analytics.online_rate ...
 * </pre>
 *
 * <p>The result is bound to {@code name}, or to {@value #DEFAULT_NAME} when no name is given (Python's
 * {@code _} is a keyword in Java). The table shows at most {@code N} rows (default {@value #DEFAULT_LIMIT}),
 * with the total row count.
 */
public record SqlCell(String resultName, int limit, String query) {
  public static final String DEFAULT_NAME = "_df";
  public static final int DEFAULT_LIMIT = 100;
  private static final String MAGIC = "%%sql";

  /** Whether a cell starts with a cell magic ({@code %%...}), which is not Java. */
  public static boolean isCellMagic(String cell) {
    return cell.stripLeading().startsWith("%%");
  }

  /**
   * Reads a {@code %%sql} cell.
   *
   * @return empty for a cell that is not a cell magic (plain Java)
   * @throws IllegalArgumentException for another cell magic, a bad option or an empty query, with a message
   *     that says how to write it
   */
  public static Optional<SqlCell> parse(String cell) {
    if (!isCellMagic(cell)) {
      return Optional.empty();
    }
    String text = cell.stripLeading();
    int nl = text.indexOf('\n');
    String header = (nl < 0 ? text : text.substring(0, nl)).strip();
    String body = nl < 0 ? "" : text.substring(nl + 1);
    List<String> words = List.of(header.split("\\s+"));
    if (!words.get(0).equals(MAGIC)) {
      throw new IllegalArgumentException("Unknown cell magic " + words.get(0) + ": this kernel knows "
          + MAGIC + " [name] [--limit N]");
    }
    String name = DEFAULT_NAME;
    int limit = DEFAULT_LIMIT;
    boolean named = false;
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i);
      if (w.equals("--limit") || w.startsWith("--limit=")) {
        String n = w.startsWith("--limit=") ? w.substring("--limit=".length())
            : i + 1 < words.size() ? words.get(++i) : "";
        limit = parseLimit(n);
      } else if (w.startsWith("-")) {
        throw new IllegalArgumentException("Unknown option " + w + ": write " + MAGIC + " [name] [--limit N]");
      } else if (!named) {
        if (!SourceVersion.isName(w)) {
          throw new IllegalArgumentException("'" + w + "' cannot name a Java variable: use letters, digits and _,"
              + " not starting with a digit, and not a Java keyword");
        }
        name = w;
        named = true;
      } else {
        throw new IllegalArgumentException("Unexpected '" + w + "' after the name: write " + MAGIC
            + " [name] [--limit N]");
      }
    }
    String query = stripTrailingSemicolons(body.strip());
    if (query.isEmpty()) {
      throw new IllegalArgumentException("The " + MAGIC + " cell has no query: write it on the lines below "
          + MAGIC);
    }
    return Optional.of(new SqlCell(name, limit, query));
  }

  private static int parseLimit(String n) {
    try {
      int limit = Integer.parseInt(n);
      if (limit < 0) {
        throw new NumberFormatException();
      }
      return limit;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--limit needs a row count (0 or more), not '" + n + "'");
    }
  }

  private static String stripTrailingSemicolons(String sql) {
    String s = sql;
    while (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).stripTrailing();
    }
    return s;
  }

  /**
   * The Java snippet that runs this cell in the notebook's JShell: the facade shows the table, and the
   * declaration keeps the DataFrame under its name for the next cells.
   */
  public String toSnippet() {
    return "org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> " + resultName
        + " = vn.dvcw.notebooks.Dvcw.current().sqlCell(" + javaString(query) + ", " + limit + ");";
  }

  /** A Java string literal for any text (escaping the backslash also defuses unicode escapes). */
  static String javaString(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
