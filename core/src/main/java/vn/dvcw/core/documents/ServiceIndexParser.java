package vn.dvcw.core.documents;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an export of the 766 service index (DVCQG's {@code report_tinh_766_service}): the portal's JSON response,
 * bare or in the envelope the README describes, or a workbook with one sheet per view (rendered by
 * document-formats: a "Workbook created" line, then "Sheet: name" and the sheet's rows tab-separated).
 *
 * <ol>
 *   <li>the snapshot: when the export was taken (the workbook's creation time, the envelope's
 *       {@code captured_at}, else a time in the file name such as {@code 20251016-1152}, read in Vietnam time);
 *       without one the document loads nothing and says so;</li>
 *   <li>each table whose header has the portal's columns ({@code MA_COQUAN}, {@code TONG_SCORE}, ...): one score
 *       row per unit, its level from {@code LOAI_COQUAN} (1 province, 2 agency, 3 commune) and its province from
 *       the DVCQG code in {@code MA_COQUAN} ({@code H05}, {@code H01.15}, {@code 000.00.00.H37});</li>
 *   <li>the period of each sheet: its kind from the sheet's name ("Điểm năm" a year, "Điểm tháng" a month, a
 *       quarter "quý"), the year and number from the envelope or the file name ({@code T10_2025},
 *       {@code Q3_2025}, {@code nam_2025}); a sheet that does not say is left for the job (the folder's
 *       {@code service-index-periods.tsv}, else quarantine);</li>
 *   <li>an exporter's trend sheet ({@code month|quarter, year, score}): one total per period for the province
 *       whose agencies and communes the workbook holds;</li>
 *   <li>checks: each row's six groups against its total (each group is printed to 0.01, so their sum may differ
 *       from the printed total by up to 0.03: 'rounding'), and each sheet's ranks against its scores.</li>
 * </ol>
 * Workbooks are read by {@link ServiceIndexSheets}, JSON by {@link ServiceIndexJson}; both add their rows and checks
 * through {@link ServiceIndexUnits}. This class holds what they share: recognition, snapshot and period rules.
 *
 * <p>Group codes: TDGQ progress (tiến độ giải quyết), MDHL satisfaction (mức độ hài lòng), MDSH digitisation (số hoá),
 * TTTT online payment (thanh toán trực tuyến, at most 10), CLGQ online service (dịch vụ công trực tuyến, at most
 * 12), CKMB transparency (công khai, minh bạch).
 */
final class ServiceIndexParser implements DocumentParser {
  static final String ISSUER = "Cổng Dịch vụ công quốc gia (DVCQG)";
  static final String DATA_TABLE = "data";
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  static final List<String> GROUPS = List.of("TDGQ", "MDHL", "MDSH", "TTTT", "CLGQ", "CKMB");
  static final BigDecimal ROUNDING_SLACK = new BigDecimal("0.03");
  static final String CREATED = "Workbook created: ";
  static final String SHEET = "Sheet: ";
  static final Pattern PROVINCE_CODE = Pattern.compile("(?:^|\\.)(H\\d{2})(?=\\.|$)");
  static final Pattern NAME_TIME = Pattern.compile(
      "(20\\d{2})-?+(\\d{2})-?+(\\d{2})(?:[T_-]?+(\\d{2})[:h-]?+(\\d{2})(?:[:-]?+(\\d{2}))?+)?+(?![0-9])");
  static final Pattern NAME_MONTH = Pattern.compile("(?<![A-Za-z0-9])[Tt](\\d{1,2})[_-](20\\d{2})(?![0-9])");
  static final Pattern NAME_QUARTER = Pattern.compile("(?<![A-Za-z0-9])[Qq]([1-4])[_-](20\\d{2})(?![0-9])");
  static final Pattern NAME_YEAR = Pattern.compile("(?<![A-Za-z])(?:nam|year)[_-]?+(20\\d{2})(?![0-9])");

  @Override
  public DocumentKind kind() {
    return DocumentKind.SERVICE_INDEX;
  }

  /** An export has the portal's column names: its unit code and its total score. */
  static boolean recognises(String text) {
    return text.contains("TONG_SCORE") && text.contains("MA_COQUAN");
  }

  @Override
  public ParsedDocument parse(SourceDocument doc) {
    String text = doc.text().strip();
    return text.startsWith("[") || text.startsWith("{") ? new ServiceIndexJson(doc).parse() : new ServiceIndexSheets(doc).parse();
  }

  /** The snapshot: when the export was taken, and what says so. */
  record Snapshot(Instant at, String source) {}

  /** A time written in the file name (Vietnam time): "766_20251016-1152.json", "2025-10-16T11-52". */
  static Snapshot snapshotFromName(String fileName) {
    Matcher m = NAME_TIME.matcher(fileName);
    while (m.find()) {
      try {
        LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
            m.group(5) == null ? 0 : Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
        return new Snapshot(t.atZone(VIETNAM).toInstant(), "file_name");
      } catch (java.time.DateTimeException notADate) {
        // digits that are not a date: look further
      }
    }
    return null;
  }

  /** The period a sheet's name and the file name state together, or null with the reason in {@code why}. */
  static ServiceIndexPeriod periodOf(String sheet, String fileName, StringBuilder why) {
    String kind = kindOfSheet(sheet);
    if (kind == null) {
      why.append("sheet '").append(sheet).append("' does not say whether it covers the year, a quarter or a month");
      return null;
    }
    Matcher month = NAME_MONTH.matcher(fileName);
    Matcher quarter = NAME_QUARTER.matcher(fileName);
    Matcher year = NAME_YEAR.matcher(fileName);
    boolean hasMonth = month.find();
    boolean hasQuarter = quarter.find();
    boolean hasYear = year.find();
    try {
      switch (kind) {
        case ServiceIndexPeriod.MONTH -> {
          if (hasMonth) {
            return new ServiceIndexPeriod(kind, Integer.parseInt(month.group(2)), Integer.parseInt(month.group(1)));
          }
        }
        case ServiceIndexPeriod.QUARTER -> {
          if (hasQuarter) {
            return new ServiceIndexPeriod(kind, Integer.parseInt(quarter.group(2)),
                Integer.parseInt(quarter.group(1)));
          }
        }
        default -> {
          String y = hasYear ? year.group(1) : hasMonth ? month.group(2) : hasQuarter ? quarter.group(2) : null;
          if (y != null) {
            return new ServiceIndexPeriod(kind, Integer.parseInt(y), null);
          }
        }
      }
    } catch (IllegalArgumentException outOfRange) {
      why.append("the file name's period is out of range: ").append(outOfRange.getMessage());
      return null;
    }
    why.append("sheet '").append(sheet).append("' covers a ").append(kind)
        .append(" but the file name does not say which (name it like bao_cao_T10_2025, Q3_2025 or nam_2025)");
    return null;
  }

  /** 'year', 'quarter', 'month' from a sheet's name ("Điểm năm", "Điểm tháng", "Điểm quý"); null if it says none. */
  static String kindOfSheet(String sheet) {
    Set<String> words = new LinkedHashSet<>(List.of(Text.fold(sheet).split("[^a-z0-9]++")));
    if (words.contains("thang") && words.contains("6")) {
      return null; // "6 tháng đầu năm": a half year, not a period of the index table
    }
    if (words.contains("thang")) {
      return ServiceIndexPeriod.MONTH;
    }
    if (words.contains("quy") || words.contains("quarter")) {
      return ServiceIndexPeriod.QUARTER;
    }
    if (words.contains("month")) {
      return ServiceIndexPeriod.MONTH;
    }
    if (words.contains("nam") || words.contains("year")) {
      return ServiceIndexPeriod.YEAR;
    }
    return null;
  }

  static DocumentIdentity identity(Snapshot snapshot, int rows) {
    LocalDate day = snapshot == null ? null : snapshot.at().atZone(VIETNAM).toLocalDate();
    return new DocumentIdentity(DocumentKind.SERVICE_INDEX, null, ISSUER, day, null, day,
        "Bộ chỉ số 766 (" + rows + " rows)", null,
        snapshot == null ? "no snapshot time" : "snapshot " + snapshot.at() + " (" + snapshot.source() + ")");
  }

  static void copy(ParsedDocument from, ParsedDocument to) {
    from.rows().forEach(to::add);
    from.findings().forEach(to::add);
    from.problems().forEach(to::add);
    to.scores().addAll(from.scores());
  }
}
