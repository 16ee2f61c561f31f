package vn.dvcw.core;

import java.util.ArrayList;
import java.util.List;

/** The cells of one line of the warehouse's reference CSV files: comma-separated, RFC 4180 quoting. */
public final class CsvCells {
  private CsvCells() {}

  /** Whether {@code text} leaves a quote open (the value continues on the next line, or the file is broken). */
  public static boolean hasOpenQuote(String text) {
    int quotes = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '"') {
        quotes++;
      }
    }
    return quotes % 2 == 1;
  }

  /** The cells of a complete line ({@code ""} inside quotes is one quote). */
  public static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
