package vn.dvcw.core.documents;

import java.util.ArrayList;
import java.util.List;

/**
 * A tab-separated table of a report, as printed: one or two header lines and the rows under them, possibly
 * spread over several page-break blocks that repeat the header. {@code kind} says which of the report's
 * tables it is, recognised from the header's words, not from the heading above it (a heading can be
 * missing: the daily report 20-BCHN prints Phụ lục 5 with none).
 */
final class ReportBlock {
  final String kind;
  final int headerLine;
  final List<String> header;
  final List<String> subHeader;
  final List<LetterTable.Row> rows = new ArrayList<>();
  final String heading;
  int pageBlocks = 1;

  ReportBlock(String kind, int headerLine, List<String> header, List<String> subHeader, String heading) {
    this.kind = kind;
    this.headerLine = headerLine;
    this.header = header;
    this.subHeader = subHeader;
    this.heading = heading;
  }

  /** Splits a report into its tables. Blocks of the same kind that follow each other are one table. */
  static List<ReportBlock> split(List<String> lines) {
    List<ReportBlock> blocks = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      if (!isHeader(line)) {
        i++;
        continue;
      }
      List<String> header = Text.tabCells(line);
      List<String> sub = List.of();
      int j = i + 1;
      if (j < lines.size() && lines.get(j).startsWith("\t") && isSubHeader(lines.get(j))) {
        sub = Text.tabCells(lines.get(j));
        j++;
      }
      String kind = classify(Text.fold(line), !sub.isEmpty(), headingAbove(lines, i));
      ReportBlock previous = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
      ReportBlock block;
      if (previous != null && previous.kind.equals(kind) && onlyBlanksBetween(lines, previous.lastLine(), i)) {
        block = previous;
        block.pageBlocks++;
      } else {
        block = new ReportBlock(kind, i + 1, header, sub, headingAbove(lines, i));
        blocks.add(block);
      }
      while (j < lines.size() && !lines.get(j).isBlank() && lines.get(j).contains("\t") && !isHeader(lines.get(j))) {
        List<String> cells = Text.tabCells(lines.get(j));
        block.rows.add(new LetterTable.Row(j + 1, cells, lines.get(j), LetterTable.isTotalLabel(cells.get(0))));
        j++;
      }
      i = j;
    }
    return blocks;
  }

  int lastLine() {
    return rows.isEmpty() ? headerLine : rows.get(rows.size() - 1).lineNo();
  }

  static boolean isHeader(String line) {
    if (!line.contains("\t")) {
      return false;
    }
    String first = line.split("\t", -1)[0].strip();
    return first.equals("STT") || first.equals("TT") || first.equals("S T T");
  }

  private static boolean isSubHeader(String line) {
    String f = Text.fold(line);
    return f.contains("tinh") && f.contains("xa") && f.contains("tong")
        && f.chars().noneMatch(c -> c >= '0' && c <= '9');
  }

  static String classify(String folded, boolean twoLevels, String heading) {
    boolean dossiers = folded.contains("truc tiep") || folded.contains("thuc tiep");
    if (dossiers && twoLevels) {
      return "dossiers_cumulative";
    }
    if (dossiers && folded.contains("trung binh")) {
      return "dossiers_day_all";
    }
    if (dossiers) {
      return heading != null && Text.fold(heading).contains("cap xa") ? "dossiers_day_commune" : "dossiers_day_all";
    }
    if (folded.contains("tien do nhiem vu")) return "task_progress";
    if (folded.contains("nhom nhiem vu") && folded.contains("so nhiem vu")) return "task_groups";
    if (folded.contains("thoi han hoan thanh")) return "due_tasks";
    if (folded.contains("nhiem vu cu the")) return "overdue_tasks";
    if (folded.contains("noi dung nhiem vu")) return "recurring_tasks";
    if (folded.contains("% xa da")) return "commune_criteria";
    if (folded.contains("vuong mac")) return "commune_obstacles";
    if (folded.contains("so xa") && folded.contains("xanh")) return "commune_coverage";
    return "unknown_table";
  }

  /** The nearest non-blank line above a header, if it is text (not another table's row), else null. */
  static String headingAbove(List<String> lines, int headerIdx) {
    for (int k = headerIdx - 1; k >= 0 && k >= headerIdx - 4; k--) {
      String s = lines.get(k);
      if (s.isBlank()) {
        continue;
      }
      return s.contains("\t") ? null : s.strip();
    }
    return null;
  }

  private static boolean onlyBlanksBetween(List<String> lines, int lastLineNo, int headerIdx) {
    for (int k = lastLineNo; k < headerIdx; k++) {
      if (!lines.get(k).isBlank()) {
        return false;
      }
    }
    return true;
  }
}
