package vn.dvcw.formats.pdf;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The characters of one page's text layer, with positions. PDFBox's stripper does the hard part (fonts,
 * ToUnicode maps, merging a separately drawn diacritic into its letter, which Vietnamese needs); this class only
 * keeps the positioned characters instead of writing text, so cells and paragraphs can be rebuilt from geometry.
 */
final class Glyphs extends PDFTextStripper {
  private final List<Glyph> glyphs = new ArrayList<>();

  private Glyphs() {
    setSortByPosition(true);
    setSuppressDuplicateOverlappingText(true);
  }

  /** The glyphs of page {@code pageNo} (1-based). */
  static List<Glyph> ofPage(PDDocument pdf, int pageNo) throws IOException {
    Glyphs g = new Glyphs();
    g.setStartPage(pageNo);
    g.setEndPage(pageNo);
    g.writeText(pdf, new StringWriter());
    return g.glyphs;
  }

  @Override
  protected void writePage() {
    for (List<TextPosition> article : getCharactersByArticle()) {
      for (TextPosition t : article) {
        glyphs.add(Glyph.of(t));
      }
    }
  }
}
