package vn.dvcw.formats.pdf;

import java.util.List;

/** What a page shows, in reading order: a line of text outside tables, or a table row (its cells). */
sealed interface PageItem {
  int page();

  /** Where the item starts, from the top of the page. */
  double top();

  /** A line of running text. */
  record TextLine(int page, VisualLine line) implements PageItem {
    @Override
    public double top() {
      return line.baseline();
    }
  }

  /** A row of a ruled table; {@code tableNo} counts tables in the file, {@code rowNo} rows in the table. */
  record TableRow(int page, double top, int tableNo, int rowNo, List<String> cells) implements PageItem {}
}
