package vn.dvcw.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Reads a .docx with Apache POI: body paragraphs one per line, Word tables one row per line with tab-separated
 * cells. A cell spanning columns (gridSpan) is followed by empty cells for the columns it covers, and a cell
 * continuing a vertical merge is empty, so every row of a table has the table's width and a header of two rows
 * ("Dịch vụ công trực tuyến ..." over its two sub-columns) keeps its columns over the right data. Text inside a
 * cell (several paragraphs) is joined with spaces. Headers, footers and footnotes are not the letter's body and
 * are not read.
 */
public final class WordDocumentReader implements FormatReader {

  @Override
  public DocumentFormat format() {
    return DocumentFormat.DOCX;
  }

  @Override
  public RenderedText render(byte[] bytes) throws UnreadableFileException {
    RenderedText out = new RenderedText();
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      int tableNo = 0;
      for (IBodyElement element : doc.getBodyElements()) {
        if (element instanceof XWPFParagraph p) {
          out.add(p.getText(), LineOrigin.WORD_PARAGRAPH);
        } else if (element instanceof XWPFTable t) {
          tableNo++;
          addTable(out, t, tableNo);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new UnreadableFileException("damaged Word document (.docx): " + e.getMessage(), e);
    }
    return out;
  }

  private static void addTable(RenderedText out, XWPFTable table, int tableNo) {
    int rowNo = 0;
    for (XWPFTableRow row : table.getRows()) {
      rowNo++;
      List<String> cells = new ArrayList<>();
      for (XWPFTableCell cell : row.getTableCells()) {
        cells.add(continuesVerticalMerge(cell) ? "" : cellText(cell));
        for (int k = 1; k < gridSpan(cell); k++) {
          cells.add("");
        }
      }
      out.addRow(cells, LineOrigin.wordTable(tableNo, rowNo));
    }
  }

  private static String cellText(XWPFTableCell cell) {
    List<String> parts = new ArrayList<>();
    for (XWPFParagraph p : cell.getParagraphs()) {
      if (!p.getText().isBlank()) {
        parts.add(p.getText().strip());
      }
    }
    return String.join(" ", parts);
  }

  private static int gridSpan(XWPFTableCell cell) {
    var pr = cell.getCTTc().getTcPr();
    return pr != null && pr.isSetGridSpan() ? pr.getGridSpan().getVal().intValue() : 1;
  }

  /** A vMerge without "restart" continues the cell above: its text, if any, belongs to that cell. */
  private static boolean continuesVerticalMerge(XWPFTableCell cell) {
    var pr = cell.getCTTc().getTcPr();
    if (pr == null || !pr.isSetVMerge()) {
      return false;
    }
    var val = pr.getVMerge().getVal();
    return val == null || !"restart".equals(val.toString());
  }
}
