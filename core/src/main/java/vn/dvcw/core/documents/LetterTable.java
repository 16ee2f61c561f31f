package vn.dvcw.core.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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

  /** Lines that could not be read as rows: where they start, their text, and why. */
  public record Rejected(int lineNo, String raw, String reason) {}

  private final List<String> headers;
  private final List<Row> rows;
  private final int endLine;
  private final List<String> gaps;
  private final List<Rejected> rejected;

  private LetterTable(List<String> headers, List<Row> rows, int endLine, List<String> gaps, List<Rejected> rejected) {
    this.headers = headers;
    this.rows = rows;
    this.endLine = endLine;
    this.gaps = gaps;
    this.rejected = rejected;
  }

  /** Rows that were not read because their cells do not line up with the table (shifted or cut short). */
  public List<Rejected> rejected() {
    return rejected;
  }

  /** A table assembled by another reader (the report's tab-separated blocks). */
  static LetterTable of(List<String> headers, List<Row> rows, List<String> gaps) {
    return new LetterTable(List.copyOf(headers), List.copyOf(rows), -1, List.copyOf(gaps), List.of());
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
    List<Rejected> rejected = new ArrayList<>();
    int expected = 1;
    int i = first;
    while (i < lines.size()) {
      String cell = lines.get(i).strip();
      if (isTotalLabel(cell)) {
        if (i + width - 1 > lines.size()) {
          rejected.add(reject(lines, i, lines.size(), "the total row is cut short"));
        } else {
          rows.add(rowAt(lines, i, width - 1, true));
          i += width - 1;
        }
        break;
      }
      if (!isRowStart(lines, i)) {
        int next = nextRowOrTotal(lines, i + 1, i + 3 * width, expected);
        if (next < 0) {
          break; // text after the table: its end
        }
        String firstCell = lines.get(i).split("\t", -1)[0].strip();
        if (lines.get(i).contains("\t") && firstCell.equals(Integer.toString(expected))) {
          // One row typed on one line with tabs: that row is refused, it is not absent, the next keeps its place.
          rejected.add(reject(lines, i, next, "row " + expected + " is written on one line with tabs in a table of "
              + "one cell per line; not loaded"));
          expected++;
        } else {
          rejected.add(reject(lines, i, next, "lines inside the table that do not form a row"));
        }
        i = next;
        continue;
      }
      int n = Integer.parseInt(cell);
      if (n < expected) {
        int next = nextRowOrTotal(lines, i + 1, i + 2 * width + 1, expected);
        rejected.add(reject(lines, i, next < 0 ? Math.min(lines.size(), i + width) : next,
            "row numbered " + n + " where row " + expected + " was expected (repeated or out of order)"));
        if (next < 0) {
          break;
        }
        i = next;
        continue;
      }
      if (n > expected) {
        gaps.add(n - 1 == expected ? "row " + expected + " absent" : "rows " + expected + "-" + (n - 1) + " absent");
      }
      expected = n + 1;
      int inside = nextRowOrTotal(lines, i + 2, i + width, n + 1);
      if (inside >= 0) {
        // The next row starts within this one: a cell is missing, every later cell would slide.
        rejected.add(reject(lines, i, inside, "row " + n + " has " + (inside - i) + " cells where the table has "
            + width + " (shifted columns)"));
        i = inside;
        continue;
      }
      if (i + width > lines.size()) {
        rejected.add(reject(lines, i, lines.size(), "table ends inside row " + n + " (" + (lines.size() - i) + " of "
            + width + " cells): truncated"));
        break;
      }
      String after = i + width < lines.size() ? lines.get(i + width) : "";
      if (VietnameseNumbers.isCount(after) && !isRowStart(lines, i + width)) {
        // More cells than the table has: an extra value before the next row.
        int next = nextRowOrTotal(lines, i + width, i + 2 * width + 1, n + 1);
        rejected.add(reject(lines, i, next < 0 ? i + width + 1 : next, "row " + n + " has more cells than the "
            + width + " of the table (shifted columns)"));
        if (next < 0) {
          break;
        }
        i = next;
        continue;
      }
      rows.add(rowAt(lines, i, width, false));
      i += width;
    }
    return new LetterTable(List.copyOf(headers), List.copyOf(rows), i, List.copyOf(gaps), List.copyOf(rejected));
  }

  /** A row starts with its number alone on a line, followed by a name (text, not a number). */
  private static boolean isRowStart(List<String> lines, int idx) {
    if (idx + 1 >= lines.size() || !lines.get(idx).strip().matches("\\d{1,3}")) {
      return false;
    }
    String next = lines.get(idx + 1);
    return !next.isBlank() && !VietnameseNumbers.isCount(next) && !VietnameseNumbers.isNone(next);
  }

  /** The first line in [from, to) starting a row numbered at least {@code minN} (up to minN + 3), or a total. */
  private static int nextRowOrTotal(List<String> lines, int from, int to, int minN) {
    for (int k = from; k < Math.min(to, lines.size()); k++) {
      if (isTotalLabel(lines.get(k).strip())) {
        return k;
      }
      if (isRowStart(lines, k)) {
        int n = Integer.parseInt(lines.get(k).strip());
        if (n >= minN && n <= minN + 3) {
          return k;
        }
      }
    }
    return -1;
  }

  private static Rejected reject(List<String> lines, int from, int to, String reason) {
    List<String> cells = lines.subList(from, Math.max(from, Math.min(to, lines.size()))).stream()
        .map(String::strip).toList();
    return new Rejected(from + 1, String.join(" | ", cells), reason);
  }

  private static int widthFromData(List<String> lines, int first, int headerCount) {
    for (int w = headerCount; w >= 3; w--) {
      if (startsRow(lines, first + w, "2") && startsRow(lines, first + 2 * w, "3")) {
        return w;
      }
    }
    int voted = widthByVote(lines, first, headerCount);
    if (voted > 0) {
      return voted;
    }
    throw new IllegalArgumentException("cannot find the row width of the table at line " + (first + 1)
        + ": rows 1, 2, 3 are not evenly spaced (a cell may be missing)");
  }

  /**
   * When rows 1, 2, 3 are not evenly spaced (row 2 repeated, typed on one line, or a cell short), the width is
   * the distance most often seen between a row n and a row n + 1 right after it over the whole table, so one bad
   * row among the first three costs that row, not the letter. Returns 0 when no two consecutive rows are found.
   */
  private static int widthByVote(List<String> lines, int first, int headerCount) {
    Map<Integer, Integer> votes = new TreeMap<>();
    int previousIdx = -1;
    int previousN = -1;
    for (int k = first; k < lines.size() && !isTotalLabel(lines.get(k).strip()); k++) {
      if (!isRowStart(lines, k)) {
        continue;
      }
      int n = Integer.parseInt(lines.get(k).strip());
      int distance = k - previousIdx;
      if (previousN >= 0 && n == previousN + 1 && distance >= 3 && distance <= headerCount) {
        votes.merge(distance, 1, Integer::sum);
      }
      previousIdx = k;
      previousN = n;
    }
    return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
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
    int i = headerIdx + 1;
    if (isSubHeader(lines, i, headers.size())) {
      // A group title over sub-columns (a Word table's two header rows): each column is named by its own
      // sub-header, or by the title above when it spans both rows, as in the one-cell-per-line layout.
      List<String> sub = Text.tabCells(lines.get(i));
      List<String> named = new ArrayList<>();
      for (int c = 0; c < headers.size(); c++) {
        named.add(sub.get(c).isEmpty() ? headers.get(c) : sub.get(c));
      }
      headers = named;
      i++;
    }
    List<Row> rows = new ArrayList<>();
    List<String> gaps = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    int expected = 1;
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
      if (!first.matches("\\d{1,3}") || !line.contains("\t")) {
        int next = nextTabbedRow(lines, i + 1, i + headers.size() + 2, expected);
        if (next < 0) {
          break; // text after the table: its end
        }
        rejected.add(reject(lines, i, next, "lines inside the table that do not form a row (a table of one row per "
            + "line with tabs)"));
        i = next - 1;
        continue;
      }
      int n = Integer.parseInt(first);
      if (n < expected) {
        rejected.add(new Rejected(i + 1, line, "row numbered " + n + " where row " + expected
            + " was expected (repeated or out of order)"));
        continue;
      }
      if (n > expected) {
        gaps.add(n - 1 == expected ? "row " + expected + " absent" : "rows " + expected + "-" + (n - 1) + " absent");
      }
      expected = n + 1;
      if (cells.size() != headers.size()) {
        rejected.add(new Rejected(i + 1, line, "row " + n + " has " + cells.size() + " cells where the header has "
            + headers.size() + " (shifted columns)"));
        continue;
      }
      rows.add(new Row(i + 1, cells, line, false));
    }
    return new LetterTable(List.copyOf(headers), List.copyOf(rows), i, List.copyOf(gaps), List.copyOf(rejected));
  }

  /** The first line in [from, to) that is a tab-separated row numbered from {@code minN} to minN + 3, or a total. */
  private static int nextTabbedRow(List<String> lines, int from, int to, int minN) {
    for (int k = from; k < Math.min(to, lines.size()); k++) {
      String line = lines.get(k);
      if (!line.contains("\t")) {
        continue;
      }
      String first = line.split("\t", -1)[0].strip();
      if (isTotalLabel(first)) {
        return k;
      }
      if (first.matches("\\d{1,3}")) {
        int n = Integer.parseInt(first);
        if (n >= minN && n <= minN + 3) {
          return k;
        }
      }
    }
    return -1;
  }

  /** A second header row: as wide as the header, its first cell empty (under "STT"), and no numbers in it. */
  private static boolean isSubHeader(List<String> lines, int idx, int width) {
    if (idx >= lines.size() || !lines.get(idx).startsWith("\t")) {
      return false;
    }
    List<String> cells = Text.tabCells(lines.get(idx));
    return cells.size() == width && cells.stream().noneMatch(c -> c.matches("[\\d.,%]+"));
  }

  static boolean isTotalLabel(String cell) {
    String f = Text.fold(cell);
    return f.equals("tong so") || f.equals("tong") || f.equals("tong cong") || f.equals("cong");
  }
}
