package vn.dvcw.core.documents;

import java.util.List;

/**
 * A table row exactly as written: the cells and the source line(s). {@code rowNo} counts rows within the
 * table from 1, headers excluded; {@code lineNo} is the 1-based line of the file where the row starts.
 */
public record RawRow(String tableId, String tableTitle, int rowNo, int lineNo, String rawText, List<String> cells,
    Kind kind) {

  /** What a row is in its table. */
  public enum Kind { DATA, TOTAL, GROUP, CONTINUATION }

  public RawRow {
    cells = List.copyOf(cells);
  }

  public String cell(int i) {
    return i < cells.size() ? cells.get(i) : "";
  }
}
