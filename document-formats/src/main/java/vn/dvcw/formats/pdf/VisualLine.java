package vn.dvcw.formats.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Glyphs on one baseline, left to right, read as text: a space where the layer has a space character or where
 * the gap between two glyphs is wider than a letter's spacing (PDF writers often position words instead of
 * writing spaces). Runs of spaces become one.
 */
record VisualLine(String text, double left, double right, double baseline, double size) {
  /** Glyphs whose baselines differ by less than this share of the font size are on the same line. */
  private static final double SAME_LINE = 0.4;
  /** A gap wider than this share of the font size between two glyphs separates words. */
  private static final double WORD_GAP = 0.25;

  /**
   * Appends a wrapped line to the text before it: with a space, except after a hyphen that ends a word
   * ("118/2025/NĐ-" then "CP"), where the layout broke a hyphenated word, not a space.
   */
  static void join(StringBuilder text, String next) {
    int n = text.length();
    boolean brokenAtHyphen = n >= 2 && text.charAt(n - 1) == '-' && !Character.isWhitespace(text.charAt(n - 2));
    if (n > 0 && !brokenAtHyphen) {
      text.append(' ');
    }
    text.append(next);
  }

  /** Groups {@code glyphs} into lines, top to bottom. */
  static List<VisualLine> of(List<Glyph> glyphs) {
    List<Glyph> sorted = new ArrayList<>(glyphs);
    sorted.sort(Comparator.comparingDouble(Glyph::baseline).thenComparingDouble(Glyph::x));
    List<List<Glyph>> groups = new ArrayList<>();
    List<Glyph> current = null;
    double baseline = Double.NaN;
    for (Glyph g : sorted) {
      if (current == null || Math.abs(g.baseline() - baseline) > SAME_LINE * g.size()) {
        current = new ArrayList<>();
        groups.add(current);
        baseline = g.baseline();
      }
      current.add(g);
    }
    List<VisualLine> lines = new ArrayList<>();
    for (List<Glyph> group : groups) {
      VisualLine line = read(group);
      if (!line.text().isEmpty()) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static VisualLine read(List<Glyph> group) {
    group.sort(Comparator.comparingDouble(Glyph::x));
    StringBuilder text = new StringBuilder();
    Glyph previous = null;
    boolean space = false;
    double left = Double.NaN;
    double right = Double.NaN;
    double size = 0;
    for (Glyph g : group) {
      if (g.isBlank()) {
        space = previous != null;
        continue;
      }
      if (previous != null && (space || g.x() - previous.right() > WORD_GAP * g.size())) {
        text.append(' ');
      }
      text.append(g.text());
      if (Double.isNaN(left)) {
        left = g.x();
      }
      right = g.right();
      size = Math.max(size, g.size());
      previous = g;
      space = false;
    }
    double baseline = group.get(0).baseline();
    return new VisualLine(text.toString().strip(), left, right, baseline, size);
  }
}
