package vn.dvcw.formats.pdf;

import org.apache.pdfbox.text.TextPosition;

/**
 * One character of the text layer with its box, origin at the page's top left: {@code x}, {@code baseline} and
 * the character's {@code width}; {@code size} is the font size in points (words are told apart by gaps relative
 * to it).
 */
record Glyph(String text, double x, double baseline, double width, double height, double size) {

  static Glyph of(TextPosition t) {
    double size = t.getFontSizeInPt() > 0 ? t.getFontSizeInPt() : t.getHeightDir();
    return new Glyph(t.getUnicode(), t.getXDirAdj(), t.getYDirAdj(), t.getWidthDirAdj(),
        Math.max(t.getHeightDir(), 1.0), size);
  }

  double right() {
    return x + width;
  }

  double centreX() {
    return x + width / 2;
  }

  /** Halfway up the letters: what decides the table row a glyph falls in. */
  double middle() {
    return baseline - height / 2;
  }

  boolean isBlank() {
    return text == null || text.isBlank();
  }
}
