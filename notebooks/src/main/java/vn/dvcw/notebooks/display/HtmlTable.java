package vn.dvcw.notebooks.display;

import java.util.List;

/**
 * A query result as an HTML table: at most {@code limit} rows, and a caption with the total row count, so a
 * reader never mistakes the first rows for the whole answer. Pure: the cells are already text.
 */
public final class HtmlTable {
  private HtmlTable() {}

  /**
   * @param columns column names
   * @param numeric per column, whether to right-align it (numbers)
   * @param rows cells as text, null for SQL NULL; only the first {@code limit} are drawn
   * @param totalRows how many rows the result has in all
   */
  public static String render(List<String> columns, List<Boolean> numeric, List<List<String>> rows, long totalRows,
      int limit) {
    StringBuilder html = new StringBuilder("<div class=\"dvcw-result\"><table>\n<thead><tr>");
    for (String c : columns) {
      html.append("<th>").append(escape(c)).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    int shown = (int) Math.min(rows.size(), Math.max(0, limit));
    for (List<String> row : rows.subList(0, shown)) {
      html.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        boolean right = i < numeric.size() && numeric.get(i);
        html.append(right ? "<td style=\"text-align:right\">" : "<td style=\"text-align:left\">")
            .append(cell == null ? "<i>NULL</i>" : escape(cell)).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody></table>\n<p><small>").append(escape(caption(totalRows, shown))).append("</small></p></div>");
    return html.toString();
  }

  /** "63 rows", or "63 rows, showing the first 50" when the table is cut. */
  public static String caption(long totalRows, int shown) {
    String rows = totalRows == 1 ? "1 row" : totalRows + " rows";
    return shown < totalRows ? rows + ", showing the first " + shown : rows;
  }

  public static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
