package vn.dvcw.core.documents;

import static vn.dvcw.core.documents.ServiceIndexParser.*;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.dvcw.core.documents.ServiceIndexParser.Snapshot;

/**
 * A 766 workbook as document-formats renders it (a "Workbook created" line, then "Sheet: name" and each sheet's rows
 * tab-separated), or tab-separated text with the portal's header: the portal's tables and an exporter's trend tables.
 */
final class ServiceIndexSheets {
  private final SourceDocument source;

  ServiceIndexSheets(SourceDocument source) {
    this.source = source;
  }

  /** A trend row waiting for the workbook's province. */
  private record TrendRow(String table, int rowNo, int lineNo, String raw, String kind, String number, String year,
      String score) {}

  ParsedDocument parse() {
    List<String> lines = source.lines();
    Snapshot snapshot = null;
    if (!lines.isEmpty() && lines.get(0).startsWith(CREATED)) {
      try {
        snapshot = new Snapshot(Instant.parse(lines.get(0).substring(CREATED.length()).strip()),
            "workbook_properties");
      } catch (DateTimeParseException unreadable) {
        snapshot = null;
      }
    }
    if (snapshot == null) {
      snapshot = snapshotFromName(source.fileName());
    }
    ParsedDocument doc = new ParsedDocument(source, identity(snapshot, 0));
    if (snapshot == null) {
      doc.add(new Problem(null, null, null, "766 export without a snapshot time: the workbook's properties do not "
          + "say when it was created and the file name has no date and time (name it like 766_20251016-1152.xlsx)"));
      return doc;
    }
    ServiceIndexUnits rows = new ServiceIndexUnits(doc, snapshot);
    List<TrendRow> trend = new ArrayList<>();
    Set<String> tables = new LinkedHashSet<>();
    String sheet = DATA_TABLE;
    List<String> header = null;
    ServiceIndexPeriod period = null;
    String periodNote = null;
    int rowNo = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith(SHEET)) {
        sheet = line.substring(SHEET.length()).strip();
        header = null;
        continue;
      }
      if (line.indexOf('\t') < 0) {
        header = null;
        continue;
      }
      List<String> cells = List.of(line.split("\t", -1));
      if (header == null) {
        if (cells.contains("TONG_SCORE") || isTrendHeader(cells)) {
          header = cells.stream().map(String::strip).toList();
          tables.add(sheet);
          rowNo = 0;
          StringBuilder why = new StringBuilder();
          period = isTrendHeader(cells) ? null : periodOf(sheet, source.fileName(), why);
          periodNote = why.isEmpty() ? null : why.toString();
        }
        continue;
      }
      rowNo++;
      if (isTrendHeader(header)) {
        trend.add(new TrendRow(sheet, rowNo, i + 1, line, header.get(0), cell(cells, 0), cell(cells, 1),
            cell(cells, 2)));
        continue;
      }
      Map<String, String> byName = new HashMap<>();
      for (int c = 0; c < header.size(); c++) {
        byName.put(header.get(c), cell(cells, c));
      }
      rows.add(sheet, rowNo, i + 1, line, byName, period, periodNote);
    }
    addTrend(doc, rows, trend);
    tables.forEach(rows::checkRanks);
    rows.checkOneRanking();
    doc.scores().addAll(rows.scores);
    ParsedDocument out = new ParsedDocument(source, identity(snapshot, rows.scores.size()));
    copy(doc, out);
    return out;
  }

  private static boolean isTrendHeader(List<String> cells) {
    return cells.size() >= 3 && (cells.get(0).strip().equals("month") || cells.get(0).strip().equals("quarter"))
        && cells.get(1).strip().equals("year") && cells.get(2).strip().equals("score");
  }

  private static String cell(List<String> cells, int i) {
    return i < cells.size() ? cells.get(i).strip() : "";
  }

  private static void addTrend(ParsedDocument doc, ServiceIndexUnits rows, List<TrendRow> trend) {
    if (trend.isEmpty()) {
      return;
    }
    String province = rows.ownProvince();
    for (TrendRow t : trend) {
      if (province == null) {
        doc.add(new Problem(t.table(), t.lineNo(), t.raw(), "trend row not loaded: the sheet does not name its "
            + "province and the workbook's agencies and communes do not belong to exactly one"));
        continue;
      }
      try {
        ServiceIndexPeriod p = new ServiceIndexPeriod(t.kind(), Integer.parseInt(t.year()),
            Integer.parseInt(t.number().replaceFirst("[.,]0++$", "")));
        rows.scores.add(new ServiceIndexScore(t.table(), t.rowNo(), t.lineNo(), t.raw(), rows.snapshot.at(),
            rows.snapshot.source(), p, null, "province", null, province, null, province, null, null, null, null,
            null, null, ScoreText.parse(t.score()), null, "exporter_trend"));
      } catch (IllegalArgumentException bad) {
        doc.add(new Problem(t.table(), t.lineNo(), t.raw(), "trend row not loaded: " + bad.getMessage()));
      }
    }
  }
}
