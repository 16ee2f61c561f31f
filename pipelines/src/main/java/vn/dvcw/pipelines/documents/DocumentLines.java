package vn.dvcw.pipelines.documents;

import java.util.ArrayList;
import java.util.List;
import vn.dvcw.formats.DocumentFiles;
import vn.dvcw.formats.LineOrigin;

/**
 * The rows of bronze.document_line: for a Word, PDF or Excel document, where each line of its rendered text sits
 * in the file (page or sheet, table, row). A table row of bronze.document_row (line_no) joins to it on doc_id and
 * line_no; the cells are the row's tab-separated parts, in the order written. Text files have no rows here.
 */
final class DocumentLines {
  /** A row of bronze.document_line; line_no is 1-based, as everywhere in the warehouse. */
  record Line(String docId, int lineNo, String fileFormat, Integer page, String sheet, Integer sheetRow,
      Integer tableNo, Integer tableRow) {}

  private DocumentLines() {}

  static List<Line> of(DocumentFiles.ReadFile file) {
    List<Line> out = new ArrayList<>();
    List<LineOrigin> origins = file.origins();
    for (int i = 0; i < origins.size(); i++) {
      LineOrigin o = origins.get(i);
      out.add(new Line(file.document().sha256(), i + 1, file.format().sqlName(), o.page(), o.sheet(), o.sheetRow(),
          o.tableNo(), o.tableRow()));
    }
    return out;
  }
}
