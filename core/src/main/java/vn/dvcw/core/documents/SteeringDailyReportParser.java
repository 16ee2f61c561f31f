package vn.dvcw.core.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The daily report of the Standing Office of the Central Steering Committee on science, technology,
 * innovation and digital transformation (e.g. 20-BCHN/CQTTBCĐ, data to 09/8/2025) and its appendices:
 * task progress per province (Phụ lục 1), overdue, due and recurring tasks (2, 3, 7), commune green /
 * yellow / red coverage (4), commune criteria (5), obstacles (6), and dossiers synced to DVCQG (8: the
 * day, at commune level, and cumulative since 01/7/2025 by province and commune level).
 *
 * <p>Tables are found by their header words; the numbers in the body text are checked against them.
 */
final class SteeringDailyReportParser implements DocumentParser {
  // Linear on any text: possessive runs that end where the next required character cannot be part of them,
  // and the issuer's name bounded (it is about 80 characters; an unbounded lazy run rescans to the end of the
  // text from every occurrence of the phrase).
  private static final Pattern NUMBER = Pattern.compile("Số:?\\s*+(\\d{1,6}+-[\\p{Lu}Đ]{1,20}+/[\\p{Lu}Đ]{1,20}+)");
  private static final Pattern APPENDIX_NUMBER =
      Pattern.compile("Kèm theo Báo cáo số (\\d{1,6}+-[\\p{Lu}Đ]{1,20}+/[\\p{Lu}Đ]{1,20}+)");
  private static final Pattern ISSUER = Pattern.compile(
      "(Cơ quan Thường trực Ban Chỉ đạo Trung ương về [^(]{1,300}?)\\s?\\(sau đây");
  static final Map<String, String> APPENDIX = Map.ofEntries(
      Map.entry("task_progress", "Phụ lục 1"), Map.entry("overdue_tasks", "Phụ lục 2"),
      Map.entry("due_tasks", "Phụ lục 3"), Map.entry("commune_coverage", "Phụ lục 4"),
      Map.entry("commune_criteria", "Phụ lục 5"), Map.entry("commune_obstacles", "Phụ lục 6"),
      Map.entry("recurring_tasks", "Phụ lục 7"), Map.entry("dossiers_day_all", "Phụ lục 8, mục I"),
      Map.entry("dossiers_day_commune", "Phụ lục 8, mục II"), Map.entry("dossiers_cumulative", "Phụ lục 8, mục III"),
      Map.entry("task_groups", "Mục II"));

  private static final List<ColumnMap.Rule> DOSSIER_COLUMNS = List.of(
      ColumnMap.Rule.of("province", "name", "ten co quan", "tinh/thanh pho", "tinh / thanh pho"),
      ColumnMap.Rule.of("online_rate_pct", "percent", "ti le", "ty le", "ti he", "ty he"),
      ColumnMap.Rule.of("direct", "count", "truc tiep", "thuc tiep"),
      ColumnMap.Rule.of("online", "count", "truc tuyen", "thuc tuyen"),
      ColumnMap.Rule.of("returned", "count", "da tra"),
      ColumnMap.Rule.of("avg_daily_june", "count", "trung binh"),
      ColumnMap.Rule.of("total", "count", "tong"));
  private static final List<ColumnMap.Rule> COVERAGE_COLUMNS = List.of(
      ColumnMap.Rule.of("province", "name", "tinh/thanh pho", "tinh / thanh pho"),
      ColumnMap.Rule.of("reported_pct", "percent", "da bao cao (%)"),
      ColumnMap.Rule.of("green_pct", "percent", "xanh (%)"),
      ColumnMap.Rule.of("green_change_pp", "percent", "tang / giam", "tang/giam"),
      ColumnMap.Rule.of("communes", "count", "so xa"),
      ColumnMap.Rule.of("green", "count", "=xanh"),
      ColumnMap.Rule.of("yellow", "count", "=vang"),
      ColumnMap.Rule.of("red", "count", "=do"),
      ColumnMap.Rule.of("reported", "count", "=da bao cao"));
  private static final List<ColumnMap.Rule> CRITERIA_COLUMNS = List.of(
      ColumnMap.Rule.of("province", "name", "tinh/ thanh pho", "tinh/thanh pho", "tinh / thanh pho"),
      ColumnMap.Rule.of("communes", "count", "tong so xa"),
      ColumnMap.Rule.of("crit_disseminated_documents_pct", "percent", "pho bien van ban"),
      ColumnMap.Rule.of("crit_published_procedures_pct", "percent", "cong bo bo tthc"),
      ColumnMap.Rule.of("crit_posted_process_pct", "percent", "niem yet quy trinh"),
      ColumnMap.Rule.of("crit_network_pct", "percent", "he thong mang"),
      ColumnMap.Rule.of("crit_queue_machine_pct", "percent", "may lay so"),
      ColumnMap.Rule.of("crit_queue_display_pct", "percent", "man hinh hien thi"),
      ColumnMap.Rule.of("crit_scanning_equipment_pct", "percent", "so hoa giay to"),
      ColumnMap.Rule.of("crit_lookup_device_pct", "percent", "thiet bi tra cuu"),
      ColumnMap.Rule.of("crit_computers_pct", "percent", "may tinh"),
      ColumnMap.Rule.of("crit_other_equipment_pct", "percent", "thiet bi khac"),
      ColumnMap.Rule.of("crit_data_reuse_pct", "percent", "su dung lai du lieu"),
      ColumnMap.Rule.of("crit_security_equipment_pct", "percent", "thiet bi an toan"),
      ColumnMap.Rule.of("crit_secret_signature_pct", "percent", "cks mat"),
      ColumnMap.Rule.of("crit_official_signature_pct", "percent", "cks cong vu"),
      ColumnMap.Rule.of("crit_staffing_pct", "percent", "nhan su"),
      ColumnMap.Rule.of("crit_video_conference_pct", "percent", "hop truc tuyen"));

  @Override
  public DocumentKind kind() {
    return DocumentKind.STEERING_DAILY_REPORT;
  }

  static boolean recognises(String folded) {
    return folded.contains("-bchn/") || (folded.contains("co quan thuong truc") && folded.contains("phu luc 1"));
  }

  @Override
  public ParsedDocument parse(SourceDocument doc) {
    String flat = Text.flatten(doc.text()).replace("**", "");
    LocalDate dataDate = dataDate(doc);
    Matcher num = NUMBER.matcher(flat);
    Matcher issuer = ISSUER.matcher(flat);
    String title = titleAfter(doc, "BÁO CÁO");
    DocumentIdentity id = new DocumentIdentity(kind(), num.find() ? num.group(1) : null,
        issuer.find() ? issuer.group(1).strip() : null, dataDate, dataDate, dataDate, title, null,
        "issue date taken as the data date stated under the title");
    ParsedDocument out = new ParsedDocument(doc, id);
    for (ReportBlock block : ReportBlock.split(doc.lines())) {
      new SteeringTables(out, doc, block, dataDate).load();
    }
    new SteeringTextClaims(out, flat).check();
    Matcher appendixNo = APPENDIX_NUMBER.matcher(flat);
    if (appendixNo.find() && id.number() != null) {
      out.add(Checks.text("appendix", "appendix_document_number", "document_number", "appendix header",
          appendixNo.group(1), id.number(), "number the appendix says it is attached to vs the report's own number",
          null));
    }
    return out;
  }

  private static LocalDate dataDate(SourceDocument doc) {
    for (String line : doc.lines()) {
      if (Text.fold(line).contains("doi chieu thong tin") || Text.fold(line).contains("tong hop")) {
        List<LocalDate> ds = Text.slashDates(line);
        if (!ds.isEmpty()) {
          return ds.get(ds.size() - 1);
        }
      }
    }
    return null;
  }

  private static String titleAfter(SourceDocument doc, String marker) {
    for (int i = 0; i + 1 < doc.lines().size(); i++) {
      if (doc.line(i).strip().equals(marker)) {
        return doc.line(i + 1).strip();
      }
    }
    return null;
  }

  static List<ColumnMap.Rule> dossierColumns() { return DOSSIER_COLUMNS; }
  static List<ColumnMap.Rule> coverageColumns() { return COVERAGE_COLUMNS; }
  static List<ColumnMap.Rule> criteriaColumns() { return CRITERIA_COLUMNS; }

  static BigDecimal sum(List<Observation> obs) {
    return obs.stream().map(Observation::value).filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  static List<String> measuresOf(List<ColumnMap.Rule> rules) {
    List<String> out = new ArrayList<>();
    for (ColumnMap.Rule r : rules) {
      if (!r.measure().equals("province")) {
        out.add(r.measure());
      }
    }
    return out;
  }
}
