package vn.dvcw.formats.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.dvcw.formats.pdf.Rulings.Rule;

/**
 * A table found from the rules that draw its borders: the rules that touch each other form one grid; its
 * distinct horizontal rules are the row boundaries and its distinct vertical rules the column boundaries. In
 * each row only the vertical rules that cross it separate cells, so a cell spanning two columns (a group
 * title over two sub-columns) is one cell there, and the empty cells after it keep the row as wide as the
 * table, as the Word reader does. Likewise a cell spanning two rows (a header cell beside a group title) has no
 * rule between its rows: its text, wrapped over both, belongs to its top row, and the row below shows it empty.
 */
final class TableGrid {
  /** Rules closer than this (points) are the same boundary; rules this close touch. */
  private static final double SAME = 1.5;

  final List<Double> rows;
  final List<Double> columns;
  private final List<Rule> verticals;
  private final List<Rule> horizontals;

  /** separates[r][c] and ruledAbove[r][c], worked out once: every glyph asks. */
  private final boolean[][] separates;
  private final boolean[][] ruledAbove;

  private TableGrid(List<Double> rows, List<Double> columns, List<Rule> verticals, List<Rule> horizontals) {
    this.rows = rows;
    this.columns = columns;
    this.verticals = verticals;
    this.horizontals = horizontals;
    this.separates = new boolean[rows.size() - 1][columns.size()];
    this.ruledAbove = new boolean[rows.size() - 1][columns.size() - 1];
    for (int r = 0; r < rows.size() - 1; r++) {
      for (int c = 0; c < columns.size(); c++) {
        separates[r][c] = crossedByVertical(c, r);
      }
      for (int c = 0; c < columns.size() - 1; c++) {
        ruledAbove[r][c] = closedAbove(r, c);
      }
    }
  }

  double top() { return rows.get(0); }
  double bottom() { return rows.get(rows.size() - 1); }
  double left() { return columns.get(0); }
  double right() { return columns.get(columns.size() - 1); }
  int rowCount() { return rows.size() - 1; }
  int columnCount() { return columns.size() - 1; }

  boolean contains(double x, double y) {
    return x >= left() && x <= right() && y >= top() && y <= bottom();
  }

  /** The row band (0-based) that {@code y} falls in. */
  int rowAt(double y) {
    for (int r = 0; r < rowCount(); r++) {
      if (y < rows.get(r + 1)) {
        return r;
      }
    }
    return rowCount() - 1;
  }

  /** The column (0-based) where the cell holding {@code x} in row {@code r} starts (a spanning cell's first). */
  int cellStartAt(int r, double x) {
    int start = 0;
    for (int c = 1; c < columnCount(); c++) {
      if (columns.get(c) > x) {
        break;
      }
      if (separates(c, r)) {
        start = c;
      }
    }
    return start;
  }

  /** True when a rule closes cell (r, c) at its top: the first row, or a horizontal rule over column c. */
  boolean ruledAbove(int r, int c) {
    return ruledAbove[r][c];
  }

  private boolean closedAbove(int r, int c) {
    if (r == 0) {
      return true;
    }
    double y = rows.get(r);
    double mid = (columns.get(c) + columns.get(c + 1)) / 2;
    return horizontals.stream().anyMatch(h -> Math.abs(h.at() - y) <= SAME && h.from() - SAME <= mid
        && h.to() + SAME >= mid);
  }

  /** The top row of the cell that covers row band {@code r} in column {@code c} (a cell may span rows). */
  int cellTopAt(int r, int c) {
    while (r > 0 && !ruledAbove(r, c)) {
      r--;
    }
    return r;
  }

  /** True when a vertical rule at column boundary {@code c} crosses row band {@code r}. */
  boolean separates(int c, int r) {
    return separates[r][c];
  }

  private boolean crossedByVertical(int c, int r) {
    double x = columns.get(c);
    double mid = (rows.get(r) + rows.get(r + 1)) / 2;
    return verticals.stream().anyMatch(v -> Math.abs(v.at() - x) <= SAME && v.from() - SAME <= mid
        && v.to() + SAME >= mid);
  }

  /** The tables drawn on a page, top to bottom; rules that form no grid of at least one cell are ignored. */
  static List<TableGrid> find(Rulings rulings) {
    List<Rule> hs = rulings.horizontal();
    List<Rule> vs = rulings.vertical();
    int n = hs.size() + vs.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < hs.size(); i++) {
      for (int j = 0; j < vs.size(); j++) {
        if (touch(hs.get(i), vs.get(j))) {
          union(parent, i, hs.size() + j);
        }
      }
    }
    List<TableGrid> grids = new ArrayList<>();
    for (int root = 0; root < n; root++) {
      List<Rule> h = new ArrayList<>();
      List<Rule> v = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (find(parent, i) == root) {
          if (i < hs.size()) {
            h.add(hs.get(i));
          } else {
            v.add(vs.get(i - hs.size()));
          }
        }
      }
      List<Double> rows = distinct(h.stream().map(Rule::at).toList());
      List<Double> cols = distinct(v.stream().map(Rule::at).toList());
      if (rows.size() >= 2 && cols.size() >= 2) {
        grids.add(new TableGrid(rows, cols, List.copyOf(v), List.copyOf(h)));
      }
    }
    grids.sort(Comparator.comparingDouble(TableGrid::top));
    return grids;
  }

  private static boolean touch(Rule h, Rule v) {
    return v.at() >= h.from() - SAME && v.at() <= h.to() + SAME && h.at() >= v.from() - SAME
        && h.at() <= v.to() + SAME;
  }

  private static List<Double> distinct(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    List<Double> out = new ArrayList<>();
    for (double d : sorted) {
      if (out.isEmpty() || d - out.get(out.size() - 1) > SAME) {
        out.add(d);
      }
    }
    return out;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    parent[find(parent, a)] = find(parent, b);
  }
}
