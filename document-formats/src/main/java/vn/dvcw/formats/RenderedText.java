package vn.dvcw.formats;

import java.util.ArrayList;
import java.util.List;

/**
 * A file rendered as the text the document parsers read, one origin per line. Tables come out one row per
 * line with the cells separated by tabs, as a table copied out of Word reads (the layout
 * {@code LetterTable} and {@code ReportBlock} know); paragraphs one per line. Built line by line by a
 * {@link FormatReader}.
 */
public final class RenderedText {
  private final List<String> lines = new ArrayList<>();
  private final List<LineOrigin> origins = new ArrayList<>();

  /** Adds a line (a paragraph, or a table row whose cells are joined by tabs). */
  public void add(String line, LineOrigin origin) {
    lines.add(clean(line));
    origins.add(origin);
  }

  /** Adds a table row: its cells as written, tab-separated. */
  public void addRow(List<String> cells, LineOrigin origin) {
    add(String.join("\t", cells.stream().map(RenderedText::cell).toList()), origin);
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }

  /** The origin of each line, in line order ({@code origins().get(i)} is line i + 1). */
  public List<LineOrigin> origins() {
    return List.copyOf(origins);
  }

  public String text() {
    return String.join("\n", lines);
  }

  /** True when the file gave no letters or digits at all (a scan, an empty document). */
  public boolean isBlank() {
    return lines.stream().allMatch(l -> l.codePoints().noneMatch(Character::isLetterOrDigit));
  }

  /** A cell on one line: its own line breaks and tabs become spaces, so the row stays one line. */
  static String cell(String text) {
    return text == null ? "" : text.replaceAll("[\\t\\r\\n\\u000B\\u2028\\u2029]+", " ").strip();
  }

  /**
   * Line and paragraph separators inside a paragraph (Word's soft breaks) become spaces; trailing blanks go, but
   * not trailing tabs: they are the empty last cells of a table row, and the row keeps its width.
   */
  private static String clean(String line) {
    return line.replaceAll("[\\r\\n\\u000B\\u2028\\u2029]+", " ").replaceAll("[\\s&&[^\\t]]+$", "");
  }
}
