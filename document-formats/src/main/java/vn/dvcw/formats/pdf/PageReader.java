package vn.dvcw.formats.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads one page: the glyphs inside a ruled table go to their cell (row band by their middle, cell by their
 * centre), the rest make lines of text; both come back in reading order (top to bottom). A cell's text is its
 * lines joined with spaces, as the cell's paragraph wrapped inside it.
 */
final class PageReader {
  private PageReader() {}

  /** The items of page {@code page}; tables are numbered from {@code firstTableNo}. */
  static List<PageItem> read(int page, List<Glyph> glyphs, List<TableGrid> grids, int firstTableNo) {
    List<Glyph> outside = new ArrayList<>();
    List<List<List<Glyph>>> cells = new ArrayList<>();
    for (TableGrid grid : grids) {
      List<List<Glyph>> byCell = new ArrayList<>();
      for (int i = 0; i < grid.rowCount() * grid.columnCount(); i++) {
        byCell.add(new ArrayList<>());
      }
      cells.add(byCell);
    }
    for (Glyph g : glyphs) {
      int t = tableOf(grids, g);
      if (t < 0) {
        outside.add(g);
        continue;
      }
      TableGrid grid = grids.get(t);
      int band = grid.rowAt(g.middle());
      int c = grid.cellStartAt(band, g.centreX());
      int r = grid.cellTopAt(band, c);
      cells.get(t).get(r * grid.columnCount() + c).add(g);
    }
    List<PageItem> items = new ArrayList<>();
    for (VisualLine line : VisualLine.of(outside)) {
      items.add(new PageItem.TextLine(page, line));
    }
    for (int t = 0; t < grids.size(); t++) {
      TableGrid grid = grids.get(t);
      for (int r = 0; r < grid.rowCount(); r++) {
        List<String> row = new ArrayList<>();
        for (int c = 0; c < grid.columnCount(); c++) {
          boolean starts = (c == 0 || grid.separates(c, r)) && grid.ruledAbove(r, c);
          row.add(starts ? cellText(cells.get(t).get(r * grid.columnCount() + c)) : "");
        }
        items.add(new PageItem.TableRow(page, grid.rows.get(r), firstTableNo + t, r + 1, row));
      }
    }
    items.sort(Comparator.comparingDouble(PageItem::top));
    return items;
  }

  private static int tableOf(List<TableGrid> grids, Glyph g) {
    for (int t = 0; t < grids.size(); t++) {
      if (grids.get(t).contains(g.centreX(), g.middle())) {
        return t;
      }
    }
    return -1;
  }

  private static String cellText(List<Glyph> glyphs) {
    StringBuilder text = new StringBuilder();
    for (VisualLine line : VisualLine.of(glyphs)) {
      VisualLine.join(text, line.text());
    }
    return text.toString();
  }
}
