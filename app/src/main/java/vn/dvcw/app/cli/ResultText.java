package vn.dvcw.app.cli;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/** Renders query results as text: an aligned table for people, RFC 4180 CSV for scripts. */
final class ResultText {
  private ResultText() {}

  static List<String> cells(Row r) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < r.length(); i++) {
      Object v = r.get(i);
      out.add(v == null ? null : v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v));
    }
    return out;
  }

  static String csvLine(List<String> cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String c = cells.get(i);
      if (c == null) {
        continue;
      }
      if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
        sb.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  static String table(List<String> columns, List<Row> rows) {
    List<List<String>> body = new ArrayList<>();
    for (Row r : rows) {
      List<String> cs = new ArrayList<>();
      for (String c : cells(r)) {
        String s = c == null ? "NULL" : c.replace('\n', ' ').replace('\t', ' ');
        cs.add(s.length() > 80 ? s.substring(0, 79) + "…" : s);
      }
      body.add(cs);
    }
    int[] w = new int[columns.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = width(columns.get(i));
      for (List<String> row : body) {
        w[i] = Math.max(w[i], width(row.get(i)));
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, columns, w);
    for (int i = 0; i < w.length; i++) {
      sb.append(i == 0 ? "" : "-+-").append("-".repeat(w[i]));
    }
    sb.append('\n');
    body.forEach(row -> line(sb, row, w));
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> cells, int[] w) {
    for (int i = 0; i < w.length; i++) {
      String c = cells.get(i);
      sb.append(i == 0 ? "" : " | ").append(c).append(" ".repeat(w[i] - width(c)));
    }
    sb.append('\n');
  }

  /** Columns a string takes in a terminal: NFC code points (Vietnamese letters are one column each). */
  static int width(String s) {
    String nfc = Normalizer.normalize(s, Normalizer.Form.NFC);
    return nfc.codePointCount(0, nfc.length());
  }
}
