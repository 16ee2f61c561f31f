package vn.dvcw.core.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A provincial chairman's directive on overdue dossiers and online-service KPIs (the Q3-2025 one in the
 * seeds). It names four thresholds: overdue above 5%, digitised results below 90%, online submission
 * below 70% and online payment below 30%, citing 585/BKHCN-CĐSQG and NQ 76/NQ-CP in footnotes. The copy
 * has no header, so number, date and province are not in the text: they stay null, the note says so.
 */
final class KpiDirectiveParser implements DocumentParser {
  private static final Pattern QUARTER = Pattern.compile("Quý ([IV]{1,4}+) năm (\\d{4})");
  private static final Pattern FOOTNOTE = Pattern.compile(
      "^\\s*+(\\d)\\s++((?:Các )?(?:Công văn|Nghị quyết|Báo cáo|Quyết định|Nghị định|Chỉ thị).*)$");

  private static final Pattern PAYMENT_PERIOD =
      Pattern.compile("thanh toán trực tuyến trong (Quý [IV]{1,4}+ năm \\d{4})");

  /** kpi → {regex with the threshold, comparator, footnote regex or null, note}. */
  private static final Map<String, String[]> RULES = new LinkedHashMap<>();

  static {
    RULES.put("overdue_rate", new String[] {"tỷ lệ hồ sơ quá hạn trên (\\d{1,3}+)%", "<=", null,
        "breach when the share of overdue dossiers is above the threshold"});
    RULES.put("digitised_result_rate", new String[] {"tỷ lệ số hóa kết quả TTHC đạt dưới (\\d{1,3}+)%", ">=", null,
        "the Government's own target is 100% (Art. 22 Decree 118/2025/NĐ-CP); the directive lists units below 90%"});
    RULES.put("online_rate", new String[] {"tỷ lệ hồ sơ trực tuyến đạt dưới (\\d{1,3}+)%", ">=",
        "tỷ lệ hồ sơ trực tuyến \\d{1,3}+%(\\d)", "Government target for online submission"});
    RULES.put("online_payment_rate", new String[] {"tỷ lệ hồ sơ thanh toán trực tuyến đạt dưới (\\d{1,3}+)%", ">=",
        "tỷ lệ thanh toán trực tuyến \\d{1,3}+%(\\d)", "Government target for online payment"});
  }

  @Override
  public DocumentKind kind() {
    return DocumentKind.KPI_DIRECTIVE;
  }

  static boolean recognises(String folded) {
    return folded.contains("ty le ho so qua han tren") && folded.contains("thanh toan truc tuyen")
        && folded.contains("chu tich ubnd tinh chi dao");
  }

  @Override
  public ParsedDocument parse(SourceDocument doc) {
    String flat = Text.flatten(doc.text());
    Matcher q3 = QUARTER.matcher(flat);
    LocalDate start = null;
    LocalDate end = null;
    String firstQuarter = null;
    if (q3.find()) {
      firstQuarter = q3.group(0);
      int quarter = switch (q3.group(1)) { case "I" -> 1; case "II" -> 2; case "III" -> 3; default -> 4; };
      start = LocalDate.of(Integer.parseInt(q3.group(2)), quarter * 3 - 2, 1);
      end = start.plusMonths(3).minusDays(1);
    }
    String signer = lastNonBlank(doc);
    DocumentIdentity id = new DocumentIdentity(kind(), null, "UBND tỉnh (province not named in this copy)", null,
        start, end, null, null, "no number, date or province in this copy; signed by " + signer
            + "; period taken from '" + firstQuarter + "'");
    ParsedDocument out = new ParsedDocument(doc, id);
    Map<String, String> footnotes = footnotes(doc);
    for (var rule : RULES.entrySet()) {
      String[] r = rule.getValue();
      Matcher m = Pattern.compile(r[0]).matcher(flat);
      if (!m.find()) {
        out.add(new Problem("kpi", null, null, "threshold for " + rule.getKey() + " not found in the text"));
        continue;
      }
      String reference = null;
      if (r[2] != null) {
        Matcher f = Pattern.compile(r[2]).matcher(flat);
        if (f.find()) {
          reference = footnotes.get(f.group(1));
        }
      }
      out.add(new KpiTarget(rule.getKey(), r[1], new BigDecimal(m.group(1)), periodOf(flat, rule.getKey()),
          reference != null ? reference : "this directive", r[3], lineOf(doc, m.group(0)), m.group(0)));
    }
    return out;
  }

  /** Online and payment rates are judged on Quý II, the others on Quý III (as the directive words it). */
  private static String periodOf(String flat, String kpi) {
    if (kpi.startsWith("online")) {
      Matcher m = PAYMENT_PERIOD.matcher(flat);
      if (m.find()) {
        return m.group(1);
      }
    }
    Matcher m = QUARTER.matcher(flat);
    return m.find() ? m.group(0) : null;
  }

  private static Map<String, String> footnotes(SourceDocument doc) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : doc.lines()) {
      Matcher m = FOOTNOTE.matcher(line);
      if (m.matches()) {
        out.putIfAbsent(m.group(1), m.group(2).strip());
      }
    }
    return out;
  }

  private static int lineOf(SourceDocument doc, String phrase) {
    String start = phrase.split(" ")[0] + " " + phrase.split(" ")[1];
    String key = phrase.length() > 20 ? phrase.substring(phrase.length() - 12) : phrase;
    for (int i = 0; i < doc.lines().size(); i++) {
      if (doc.line(i).contains(key) || doc.line(i).contains(start)) {
        return i + 1;
      }
    }
    return 0;
  }

  private static String lastNonBlank(SourceDocument doc) {
    for (int i = doc.lines().size() - 1; i >= 0; i--) {
      if (!doc.line(i).isBlank()) {
        return doc.line(i).strip();
      }
    }
    return null;
  }
}
