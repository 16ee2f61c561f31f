package vn.dvcw.formats;

/**
 * Where one line of a rendered document sits in the file it came from: the page (PDF) or the sheet and its row
 * (Excel), and for a table row the table (1-based within the file) and the row (1-based within that table,
 * header rows included, as the file has them). Word documents have no fixed pages: their page is null. The cells
 * of a table line are its tab-separated parts, numbered from 1 in the order written.
 */
public record LineOrigin(Integer page, String sheet, Integer sheetRow, Integer tableNo, Integer tableRow) {

  /** A paragraph of a Word document. */
  public static final LineOrigin WORD_PARAGRAPH = new LineOrigin(null, null, null, null, null);

  /** A row of a Word table. */
  public static LineOrigin wordTable(int tableNo, int tableRow) {
    return new LineOrigin(null, null, null, tableNo, tableRow);
  }

  /** A line of a PDF page; {@code tableNo} null for text outside tables. */
  public static LineOrigin pdf(int page, Integer tableNo, Integer tableRow) {
    return new LineOrigin(page, null, null, tableNo, tableRow);
  }

  /** A row of an Excel sheet (1-based as Excel numbers it); {@code tableNo} null for a line of text. */
  public static LineOrigin sheet(String sheet, int sheetRow, Integer tableNo, Integer tableRow) {
    return new LineOrigin(null, sheet, sheetRow, tableNo, tableRow);
  }

  /** "page 3, table 2, row 5", "sheet 'Phụ lục' row 4, table 1, row 2", "paragraph". */
  public String describe() {
    StringBuilder s = new StringBuilder();
    if (page != null) {
      s.append("page ").append(page);
    }
    if (sheet != null) {
      s.append("sheet '").append(sheet).append("'").append(sheetRow == null ? "" : " row " + sheetRow);
    }
    if (tableNo != null) {
      s.append(s.isEmpty() ? "" : ", ").append("table ").append(tableNo).append(", row ").append(tableRow);
    } else if (sheet == null) {
      s.append(s.isEmpty() ? "" : ", ").append("paragraph");
    }
    return s.toString();
  }
}
