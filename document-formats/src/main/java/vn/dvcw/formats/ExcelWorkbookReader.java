package vn.dvcw.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an .xlsx appendix with Apache POI, sheet by sheet in workbook order. A row with one filled cell is a
 * line of text (a title, the "Kèm theo Công văn số ..." line); any other row is a table row, its cells
 * tab-separated over the sheet's width. Cells are read as Excel shows them in a Vietnamese locale
 * (47345 formatted "#,##0" reads "47.345", 0.724 formatted "0.0%" reads "72,4%"): the parsers then read the
 * same digits the letter prints, and a number typed as text keeps its text. Formulas give their cached result;
 * a formula with no cached value is evaluated. Hidden sheets are read too (they are still in the file).
 *
 * <p>Two kinds of line say where the rows come from, for parsers that need it (the 766 service index names its
 * periods by sheet and is dated by the workbook): the first line is {@value #CREATED} and the time the workbook
 * says it was created (its document properties, UTC), when it says so; each sheet starts with {@value #SHEET} and
 * the sheet's name.
 */
public final class ExcelWorkbookReader implements FormatReader {
  /** Excel as an analyst in Vietnam sees it: '.' groups thousands, ',' marks decimals. */
  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
  /** The first line of a workbook whose document properties carry its creation time. */
  public static final String CREATED = "Workbook created: ";
  /** The line that starts each sheet. */
  public static final String SHEET = "Sheet: ";

  @Override
  public DocumentFormat format() {
    return DocumentFormat.XLSX;
  }

  @Override
  public RenderedText render(byte[] bytes) throws UnreadableFileException {
    RenderedText out = new RenderedText();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      DataFormatter shown = new DataFormatter(VIETNAMESE);
      FormulaEvaluator formulas = book.getCreationHelper().createFormulaEvaluator();
      int tableNo = 0;
      Date created = book.getProperties().getCoreProperties().getCreated();
      if (created != null) {
        out.add(CREATED + created.toInstant(), new LineOrigin(null, null, null, null, null));
      }
      for (Sheet sheet : book) {
        out.add(SHEET + sheet.getSheetName(), new LineOrigin(null, sheet.getSheetName(), null, null, null));
        int width = width(sheet);
        boolean inTable = false;
        int tableRow = 0;
        for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum() && r >= 0; r++) {
          List<String> cells = cells(sheet.getRow(r), width, shown, formulas);
          long filled = cells.stream().filter(c -> !c.isEmpty()).count();
          if (filled <= 1) {
            inTable = false;
            String text = cells.stream().filter(c -> !c.isEmpty()).findFirst().orElse("");
            out.add(text, LineOrigin.sheet(sheet.getSheetName(), r + 1, null, null));
            continue;
          }
          if (!inTable) {
            inTable = true;
            tableNo++;
            tableRow = 0;
          }
          tableRow++;
          out.addRow(cells, LineOrigin.sheet(sheet.getSheetName(), r + 1, tableNo, tableRow));
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new UnreadableFileException("damaged Excel workbook (.xlsx): " + e.getMessage(), e);
    }
    return out;
  }

  /** Columns up to the last one any row fills, so every table row has the same number of cells. */
  private static int width(Sheet sheet) {
    int width = 0;
    for (Row row : sheet) {
      for (Cell c : row) {
        if (c.getCellType() != CellType.BLANK && !c.toString().isBlank()) {
          width = Math.max(width, c.getColumnIndex() + 1);
        }
      }
    }
    return width;
  }

  private static List<String> cells(Row row, int width, DataFormatter shown, FormulaEvaluator formulas) {
    List<String> cells = new ArrayList<>();
    for (int c = 0; c < width; c++) {
      Cell cell = row == null ? null : row.getCell(c);
      cells.add(cell == null ? "" : RenderedText.cell(shown.formatCellValue(cell, formulas)));
    }
    return cells;
  }
}
