package vn.dvcw.formats;

/**
 * The file formats the warehouse reads documents from, recognised from the first bytes of a file (its
 * magic number and, for ZIP containers, the parts inside), never from the file name: a letter saved as
 * "cong_van.txt" that is really a Word file is read as Word.
 */
public enum DocumentFormat {
  /** UTF-8 text: the renderings the warehouse started from (a copy of a PDF, tab-separated tables). */
  TEXT("text"),
  /** Word 2007+ (.docx, Office Open XML): paragraphs and real Word tables. */
  DOCX("docx"),
  /** Excel 2007+ (.xlsx, Office Open XML): appendix tables, one sheet or more. */
  XLSX("xlsx"),
  /** PDF with a text layer (exported from Word or LibreOffice): positioned text, tables drawn with rules. */
  PDF("pdf");

  private final String sqlName;

  DocumentFormat(String sqlName) {
    this.sqlName = sqlName;
  }

  /** The name stored in the warehouse ('text', 'docx', 'xlsx', 'pdf'). */
  public String sqlName() {
    return sqlName;
  }
}
