package vn.dvcw.core.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VPCP's monthly letter on online dossiers received from DVCQG (e.g. 7260/VPCP-KSTT of 05/8/2025): an
 * appendix table per province of dossiers received and processed, processed on time, received late
 * ("chậm được tiếp nhận": not accepted within one working day, Art. 17-18 Decree 118/2025/NĐ-CP) and
 * overdue still in processing, for the month stated; a total row; and the same totals in the body.
 */
final class MonthlyReceiptLetterParser implements DocumentParser {
  static final String TABLE = "appendix";
  private static final Pattern PERIOD = Pattern.compile(
      "từ ngày (\\d{1,2}) tháng (\\d{1,2})(?: năm (\\d{4}))? đến ngày (\\d{1,2}) tháng (\\d{1,2}) năm (\\d{4})",
      Pattern.CASE_INSENSITIVE);
  private static final List<ColumnMap.Rule> COLUMNS = List.of(
      ColumnMap.Rule.of("province", "name", "ten tinh", "tinh, thanh pho", "dia phuong"),
      ColumnMap.Rule.of("received_processed", "count", "tiep nhan, giai quyet", "tiep nhan va giai quyet"),
      ColumnMap.Rule.of("processed_on_time", "count", "dung han"),
      ColumnMap.Rule.of("received_late", "count", "cham duoc tiep nhan", "cham tiep nhan"),
      ColumnMap.Rule.of("overdue_in_processing", "count", "qua han"));
  /**
   * Sentences that state the totals (in the letter's text, and in articles restating it), by measure. A figure
   * starts where a run of digits and separators starts (the look-behind) and is read possessively, so a long run
   * of digits and dots is scanned once rather than once from each of its characters.
   */
  static final Map<String, Pattern> BODY_TOTALS = Map.of(
      "received_processed", Pattern.compile("là ([\\d.,]{1,20}+) hồ sơ"),
      "received_late", Pattern.compile("còn ([\\d.,]{1,20}+) hồ sơ trực tuyến chậm được tiếp nhận"),
      "overdue_in_processing", Pattern.compile("(?<![\\d.,])([\\d.,]{1,20}+) hồ sơ đang xử lý quá hạn"));
  private static final Pattern PROVINCE_COUNT = Pattern.compile("(\\d{1,2})/(\\d{1,2}) tỉnh, thành phố");

  @Override
  public DocumentKind kind() {
    return DocumentKind.MONTHLY_RECEIPT_LETTER;
  }

  static boolean recognises(String folded) {
    return (folded.contains("tong so ho so tiep nhan, giai quyet") && folded.contains("cham duoc tiep nhan"))
        || folded.contains("v/v tiep nhan, xu ly ho so truc tuyen");
  }

  @Override
  public ParsedDocument parse(SourceDocument doc) {
    String flat = Text.flatten(doc.text());
    Matcher p = PERIOD.matcher(flat);
    LocalDate start = null;
    LocalDate end = null;
    if (p.find()) {
      end = Text.date(p.group(6), p.group(5), p.group(4));
      String startYear = p.group(3) != null ? p.group(3) : p.group(6);
      start = Text.date(startYear, p.group(2), p.group(1));
    }
    DocumentIdentity id = new DocumentIdentity(kind(), LetterHeader.number(doc), LetterHeader.issuer(doc),
        LetterHeader.issueDate(doc), start, end, LetterHeader.subject(doc), null,
        start == null ? "reporting period not found in the text" : null);
    ParsedDocument out = new ParsedDocument(doc, id);
    if (end == null) {
      out.add(new Problem(TABLE, null, null, "reporting period not found ('từ ngày … đến ngày …'): the rows "
          + "cannot be dated, so none is loaded"));
      return out;
    }
    int header = LetterHeader.appendixTableStart(doc, "STT");
    if (header < 0) {
      out.add(new Problem(TABLE, null, null, "appendix table (header 'STT') not found"));
      return out;
    }
    LetterTable table = LetterTable.read(doc.lines(), header);
    ColumnMap cols = ColumnMap.of(table.headers(), COLUMNS, 1);
    if (cols.index("province").isEmpty()) {
      out.add(new Problem(TABLE, header + 1, String.join(" | ", table.headers()),
          "no province column among the headers; table not loaded"));
      return out;
    }
    for (String h : cols.unmatched()) {
      out.add(new Problem(TABLE, header + 1, h, "column header not recognised; its values were not loaded"));
    }
    ProvinceTables.load(out, TABLE, "Phụ lục", table, cols, "all", start, end);
    ProvinceTables.reconcileSums(out, TABLE, table, cols, List.of("received_processed", "processed_on_time",
        "received_late", "overdue_in_processing"));
    reconcileBody(out, flat, table, cols);
    onTimeWithinProcessed(out);
    return out;
  }

  /**
   * Dossiers processed on time are a part of those received and processed, so a row printing more on time than
   * in total is wrong at the source. The row loads as printed (never silently fixed) and this row-level finding
   * says so; without it the row's on-time share would read as, say, 205.6%. Only violations are recorded: a
   * finding per row that is fine would say nothing.
   */
  private static void onTimeWithinProcessed(ParsedDocument out) {
    for (Map<String, Observation> row : ProvinceTables.byRowAndLevel(out, TABLE).values()) {
      Observation onTime = row.get("processed_on_time");
      Observation whole = row.get("received_processed");
      if (onTime == null || whole == null || onTime.value().compareTo(whole.value()) <= 0) {
        continue;
      }
      out.add(new Finding(TABLE, "part_within_whole", "processed_on_time",
          onTime.total() ? "total row" : onTime.provinceRaw(), onTime.value().toPlainString(),
          whole.value().toPlainString(), onTime.value().subtract(whole.value()), "mismatch",
          "dossiers processed on time exceed those received and processed on the same row; loaded as printed",
          onTime.lineNo()));
    }
  }

  private void reconcileBody(ParsedDocument out, String flat, LetterTable table, ColumnMap cols) {
    for (var e : BODY_TOTALS.entrySet()) {
      Matcher m = e.getValue().matcher(flat);
      if (!m.find()) {
        continue;
      }
      long stated = VietnameseNumbers.count(m.group(1));
      long rowsSum = out.observations(TABLE, e.getKey()).stream().map(Observation::value)
          .reduce(BigDecimal.ZERO, BigDecimal::add).longValueExact();
      out.add(Checks.count(TABLE, "body_total_vs_rows", e.getKey(), "all provinces", stated, rowsSum,
          "figure stated in the letter's text vs sum of the appendix rows", null));
    }
    Matcher count = PROVINCE_COUNT.matcher(flat);
    if (count.find()) {
      out.add(Checks.count(TABLE, "province_count", "rows", "all provinces", Long.parseLong(count.group(2)),
          table.dataRows().size(), "provinces stated in the text vs rows of the appendix", null));
    }
  }
}
