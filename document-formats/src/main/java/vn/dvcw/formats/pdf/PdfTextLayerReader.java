package vn.dvcw.formats.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import vn.dvcw.formats.DocumentFormat;
import vn.dvcw.formats.FormatReader;
import vn.dvcw.formats.LineOrigin;
import vn.dvcw.formats.RenderedText;
import vn.dvcw.formats.UnreadableFileException;

/**
 * Reads a PDF's text layer with Apache PDFBox: the layout a PDF exported from Word or LibreOffice has, where a
 * table is text placed inside drawn cell borders and a paragraph is wrapped over lines.
 *
 * <ol>
 *   <li>per page, the rules (cell borders) make table grids and each glyph inside a grid goes to its cell;</li>
 *   <li>the other glyphs make lines of text; a line that runs to the right margin continues on the next (a
 *       wrapped paragraph: letters are justified, Decree 30/2020/NĐ-CP), so it is joined to it with a space
 *       (none after a word's hyphen), also across a page break; a shorter line ends its paragraph;</li>
 *   <li>a table row the layout cut at a page break comes out as two rows, the second without its number: the
 *       parsers then refuse it with that reason (cut rows and genuine continuation rows look alike on paper, so
 *       neither is joined by guess).</li>
 *   <li>table rows come out tab-separated, one per line, as the Word reader gives them.</li>
 * </ol>
 *
 * A PDF that opens only with a password, or whose pages carry no text (a scan: images only), cannot be read:
 * it is refused with that reason, never run through OCR or guessed.
 */
public final class PdfTextLayerReader implements FormatReader {
  /** A line ending within this many points of the right margin was wrapped by the layout, not by the author. */
  private static final double MARGIN_SLACK = 3.0;
  /** Lines further apart than this many line heights are separate paragraphs even when the first is full. */
  private static final double PARAGRAPH_GAP = 2.0;

  @Override
  public DocumentFormat format() {
    return DocumentFormat.PDF;
  }

  @Override
  public RenderedText render(byte[] bytes) throws UnreadableFileException {
    List<PageItem> items = new ArrayList<>();
    int pages;
    boolean images = false;
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      pages = pdf.getNumberOfPages();
      int tableNo = 1;
      for (int p = 1; p <= pages; p++) {
        PDPage page = pdf.getPage(p - 1);
        Rulings rulings = Rulings.of(page);
        images |= rulings.hasImages();
        List<TableGrid> grids = TableGrid.find(rulings);
        items.addAll(PageReader.read(p, Glyphs.ofPage(pdf, p), grids, tableNo));
        tableNo += grids.size();
      }
    } catch (InvalidPasswordException e) {
      throw new UnreadableFileException("password-protected PDF: it cannot be opened without its password; "
          + "supply an unprotected copy", e);
    } catch (IOException | RuntimeException e) {
      throw new UnreadableFileException("damaged PDF: " + e.getMessage(), e);
    }
    RenderedText out = render(items);
    if (out.isBlank()) {
      throw new UnreadableFileException("PDF without a text layer (" + pages + (pages == 1 ? " page" : " pages")
          + (images ? " of images only: a scan" : ", no text") + "); OCR is not done here: supply the Word or text "
          + "version, or a PDF with text");
    }
    return out;
  }

  private static RenderedText render(List<PageItem> items) {
    double margin = rightMargin(items);
    RenderedText out = new RenderedText();
    StringBuilder paragraph = null;
    int paragraphPage = 0;
    PageItem.TextLine last = null;
    for (PageItem item : items) {
      if (item instanceof PageItem.TableRow row) {
        if (paragraph != null) {
          out.add(paragraph.toString(), LineOrigin.pdf(paragraphPage, null, null));
          paragraph = null;
        }
        out.addRow(row.cells(), LineOrigin.pdf(row.page(), row.tableNo(), row.rowNo()));
        continue;
      }
      PageItem.TextLine line = (PageItem.TextLine) item;
      if (paragraph != null && continues(last, line, margin)) {
        VisualLine.join(paragraph, line.line().text());
      } else {
        if (paragraph != null) {
          out.add(paragraph.toString(), LineOrigin.pdf(paragraphPage, null, null));
        }
        paragraph = new StringBuilder(line.line().text());
        paragraphPage = line.page();
      }
      last = line;
    }
    if (paragraph != null) {
      out.add(paragraph.toString(), LineOrigin.pdf(paragraphPage, null, null));
    }
    return out;
  }

  /**
   * Where justified lines end: the most common right end of the text lines (rounded to a point), among the
   * longer half. A paragraph's full lines all end there; centred titles and last lines end before it.
   */
  private static double rightMargin(List<PageItem> items) {
    List<Double> ends = items.stream().filter(i -> i instanceof PageItem.TextLine)
        .map(i -> ((PageItem.TextLine) i).line().right()).toList();
    double longest = ends.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    Map<Long, Long> counts = ends.stream().filter(e -> e >= longest / 2)
        .collect(Collectors.groupingBy(Math::round, Collectors.counting()));
    return counts.entrySet().stream().max(Map.Entry.<Long, Long>comparingByValue()
        .thenComparing(Map.Entry.comparingByKey())).map(e -> (double) e.getKey()).orElse(longest);
  }

  /** True when {@code next} carries on the paragraph {@code previous} ends: previous is full, next follows it. */
  private static boolean continues(PageItem.TextLine previous, PageItem.TextLine next, double margin) {
    if (previous.line().right() < margin - MARGIN_SLACK) {
      return false;
    }
    if (next.page() != previous.page()) {
      return true;
    }
    double gap = next.line().baseline() - previous.line().baseline();
    return gap > 0 && gap <= PARAGRAPH_GAP * Math.max(previous.line().size(), next.line().size());
  }
}
