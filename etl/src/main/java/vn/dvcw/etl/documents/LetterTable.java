package vn.dvcw.etl.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the appendix table of a letter, in either of the two layouts real copies have: one cell per line
 * (the usual copy of a PDF table), or one row per line with tab-separated cells.
 *
 * <p>In the one-cell-per-line layout the row width is found from the data, not the header: a header may
 * carry a spanning group title (5085/VPCP-KSTT has one above its two service-count columns), so the
 * width is the smallest that makes the first rows start with 1, 2, 3. Header lines beyond that width are
 * group titles; the last {@code width - 2} headers name the measure columns.
 */
public final class LetterTable {
  /** A row as read: its first line (1-based), its cells and the raw text joined with " | ". */
  public record Row(int lineNo, List<String> cells, String raw, boolean total) {}

  private final List<String> headers;
  private final List<Row> rows;
  private final int endLine;
  private final List<String> gaps;

  private LetterTable(List<String> headers, List<Row> rows, int endLine, List<String> gaps) {
    this.headers = headers;
    this.rows = rows;
    this.endLine = endLine;
    this.gaps = gaps;
  }

  /** A table assembled by another reader (the report's tab-separated blocks). */
  static LetterTable of(List<String> headers, List<Row> rows, List<String> gaps) {
    return new LetterTable(List.copyOf(headers), List.copyOf(rows), -1, List.copyOf(gaps));
  }

  public List<String> headers() { return headers; }
  public List<Row> rows() { return rows; }
  /** Index (0-based) of the first line after the table. */
  public int endLine() { return endLine; }
  /** Descriptions of numbering gaps ("rows 5-6 absent"): rows missing from the document. */
  public List<String> gaps() { return gaps; }

  public Optional<Row> totalRow() {
    return rows.stream().filter(Row::total).findFirst();
  }

  public List<Row> dataRows() {
    return rows.stream().filter(r -> !r.total()).toList();
  }

  /**
   * Reads the table whose header starts at line {@code headerIdx} (0-based, the "STT"/"TT" cell).
   *
   * @throws IllegalArgumentException naming the line when no row layout fits
   */
  public static LetterTable read(List<String> lines, int headerIdx) {
    if (lines.get(headerIdx).contains("\t")) {
      return readTabbed(lines, headerIdx);
    }
    int first = headerIdx + 1;
    while (first < lines.size() && !lines.get(first).strip().equals("1")) {
      first++;
    }
    if (first >= lines.size()) {
      throw new IllegalArgumentException("table at line " + (headerIdx + 1) + " has no row numbered 1");
    }
    List<String> headerLines = new ArrayList<>();
    for (int i = headerIdx; i < first; i++) {
      if (!lines.get(i).isBlank()) {
        headerLines.add(lines.get(i).strip());
      }
    }
    int width = widthFromData(lines, first, headerLines.size());
    List<String> headers = new ArrayList<>(headerLines.subList(0, 2));
    headers.addAll(headerLines.subList(headerLines.size() - (width - 2), headerLines.size()));

    List<Row> rows = new ArrayList<>();
    List<String> gaps = new ArrayList<>();
    int expected = 1;
    int i = first;
    while (i < lines.size()) {
      String cell = lines.get(i).strip();
      if (isTotalLabel(cell)) {
        rows.add(rowAt(lines, i, width - 1, true));
        i += width - 1;
        break;
      }
      if (!cell.matches("\\d{1,3}")) {
        break;
      }
      int n = Integer.parseInt(cell);
      if (n < expected) {
        break;
      }
      if (n > expected) {
        gaps.add(n - 1 == expected ? "row " + expected + " absent" : "rows " + expected + "-" + (n - 1) + " absent");
      }
      if (i + width > lines.size()) {
        break;
      }
      rows.add(rowAt(lines, i, width, false));
      i += width;
      expected = n + 1;
    }
    return new LetterTable(List.copyOf(headers), List.copyOf(rows), i, List.copyOf(gaps));
  }

  private static int widthFromData(List<String> lines, int first, int headerCount) {
    for (int w = headerCount; w >= 3; w--) {
      if (startsRow(lines, first + w, "2") && startsRow(lines, first + 2 * w, "3")) {
        return w;
      }
    }
    throw new IllegalArgumentException("cannot find the row width of the table at line " + (first + 1)
        + ": rows 1, 2, 3 are not evenly spaced (a cell may be missing)");
  }

  private static boolean startsRow(List<String> lines, int idx, String stt) {
    return idx < lines.size() && lines.get(idx).strip().equals(stt);
  }

  private static Row rowAt(List<String> lines, int start, int width, boolean total) {
    List<String> cells = new ArrayList<>();
    for (int k = 0; k < width && start + k < lines.size(); k++) {
      cells.add(lines.get(start + k).strip());
    }
    return new Row(start + 1, List.copyOf(cells), String.join(" | ", cells), total);
  }

  private static LetterTable readTabbed(List<String> lines, int headerIdx) {
    List<String> headers = Text.tabCells(lines.get(headerIdx));
    List<Row> rows = new ArrayList<>();
    List<String> gaps = new ArrayList<>();
    int expected = 1;
    int i = headerIdx + 1;
    for (; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        if (rows.isEmpty()) {
          continue;
        }
        break;
      }
      List<String> cells = Text.tabCells(line);
      String first = cells.get(0);
      if (isTotalLabel(first)) {
        rows.add(new Row(i + 1, cells, line, true));
        i++;
        break;
      }
      if (!first.matches("\\d{1,3}")) {
        break;
      }
      int n = Integer.parseInt(first);
      if (n > expected) {
        gaps.add(n - 1 == expected ? "row " + expected + " absent" : "rows " + expected + "-" + (n - 1) + " absent");
      }
      rows.add(new Row(i + 1, cells, line, false));
      expected = n + 1;
    }
    return new LetterTable(List.copyOf(headers), List.copyOf(rows), i, List.copyOf(gaps));
  }

  static boolean isTotalLabel(String cell) {
    String f = Text.fold(cell);
    return f.equals("tong so") || f.equals("tong") || f.equals("tong cong") || f.equals("cong");
  }
}
