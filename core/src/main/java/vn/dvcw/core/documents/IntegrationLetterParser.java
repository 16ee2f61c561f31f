package vn.dvcw.core.documents;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VPCP's letter on integrating provincial online public services on DVCQG (e.g. 5085/VPCP-KSTT of
 * 09/6/2025): per former province, services provided on the provincial system, integrated on DVCQG,
 * still to integrate, and the percentage still to do, printed "Đã hoàn thành" when nothing is left.
 * The figures are a snapshot "đến ngày ..." (as of a date); the table has no total row.
 */
final class IntegrationLetterParser implements DocumentParser {
  static final String TABLE = "appendix";
  private static final Pattern AS_OF = Pattern.compile(
      "(?:đến|Tính đến) ngày (\\d{1,2}) tháng (\\d{1,2}) năm (\\d{4})", Pattern.CASE_INSENSITIVE);
  private static final Pattern COMPLETED_CLAIM =
      Pattern.compile("mới có (\\d{1,2}) tỉnh, thành phố trực thuộc Trung ương hoàn thành", Pattern.CASE_INSENSITIVE);
  private static final List<ColumnMap.Rule> COLUMNS = List.of(
      ColumnMap.Rule.of("province", "name", "dia phuong", "ten tinh"),
      ColumnMap.Rule.of("services_provided", "count", "dang cung cap tren he thong"),
      ColumnMap.Rule.of("services_integrated", "count", "da tich hop"),
      ColumnMap.Rule.of("services_remaining", "count", "con can phai tich hop"),
      ColumnMap.Rule.of("remaining_pct", "percent", "ty le", "ti le"));

  @Override
  public DocumentKind kind() {
    return DocumentKind.INTEGRATION_LETTER;
  }

  static boolean recognises(String folded) {
    return (folded.contains("da tich hop, cung cap tren cong dich vu cong quoc gia")
        && folded.contains("con can phai tich hop"))
        || folded.contains("v/v tich hop, cung cap dich vu cong truc tuyen");
  }

  @Override
  public ParsedDocument parse(SourceDocument doc) {
    String flat = Text.flatten(doc.text());
    LocalDate asOf = lastAsOf(flat);
    DocumentIdentity id = new DocumentIdentity(kind(), LetterHeader.number(doc), LetterHeader.issuer(doc),
        LetterHeader.issueDate(doc), asOf, asOf, LetterHeader.subject(doc), null,
        asOf == null ? "snapshot date not found in the text" : "snapshot as of the date stated in the appendix");
    ParsedDocument out = new ParsedDocument(doc, id);
    int header = LetterHeader.appendixTableStart(doc, "TT");
    if (header < 0) {
      out.add(new Problem(TABLE, null, null, "appendix table (header 'TT') not found"));
      return out;
    }
    LetterTable table = LetterTable.read(doc.lines(), header);
    ColumnMap cols = ColumnMap.of(table.headers(), COLUMNS, 1);
    if (cols.index("province").isEmpty()) {
      out.add(new Problem(TABLE, header + 1, String.join(" | ", table.headers()), "no province column; not loaded"));
      return out;
    }
    for (String h : cols.unmatched()) {
      out.add(new Problem(TABLE, header + 1, h, "column header not recognised; its values were not loaded"));
    }
    ProvinceTables.load(out, TABLE, "Phụ lục", table, cols, "all", asOf, asOf);
    ProvinceTables.reconcileParts(out, TABLE, "services_provided", List.of("services_integrated", "services_remaining"));
    ProvinceTables.reconcileRates(out, TABLE, "remaining_pct", "services_remaining", "services_provided");
    reconcileCompleted(out, flat);
    return out;
  }

  /** "Đã hoàn thành" must mean nothing left; and the text's count of completed provinces must match. */
  private void reconcileCompleted(ParsedDocument out, String flat) {
    Map<String, Map<String, Observation>> rows = ProvinceTables.byRowAndLevel(out, TABLE);
    long completed = 0;
    for (Map<String, Observation> m : rows.values()) {
      Observation pct = m.get("remaining_pct");
      Observation remaining = m.get("services_remaining");
      if (pct == null || remaining == null || pct.label() == null) {
        continue;
      }
      completed++;
      out.add(Checks.count(TABLE, "completed_means_zero", "services_remaining", pct.provinceRaw(), 0,
          remaining.value().longValueExact(), "'" + pct.label() + "' printed; remaining services", pct.lineNo()));
    }
    Matcher m = COMPLETED_CLAIM.matcher(flat);
    if (m.find()) {
      out.add(Checks.count(TABLE, "text_claim", "provinces_completed", "all provinces", Long.parseLong(m.group(1)),
          completed, "provinces said to have completed vs rows printed 'Đã hoàn thành'", null));
    }
  }

  private static LocalDate lastAsOf(String flat) {
    Matcher m = AS_OF.matcher(flat);
    LocalDate last = null;
    while (m.find()) {
      last = Text.date(m.group(3), m.group(2), m.group(1));
    }
    return last;
  }
}
