package vn.dvcw.core.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * Group codes: TDGQ progress (tiến độ giải quyết), MDHL satisfaction (mức độ hài lòng), MDSH digitisation (số hoá),
 * TTTT online payment (thanh toán trực tuyến, at most 10), CLGQ online service (dịch vụ công trực tuyến, at most
 * 12), CKMB transparency (công khai, minh bạch).
 */
final class ServiceIndexParser implements DocumentParser {
  static final String ISSUER = "Cổng Dịch vụ công quốc gia (DVCQG)";
  static final String DATA_TABLE = "data";
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final List<String> GROUPS = List.of("TDGQ", "MDHL", "MDSH", "TTTT", "CLGQ", "CKMB");
  private static final BigDecimal ROUNDING_SLACK = new BigDecimal("0.03");
  private static final String CREATED = "Workbook created: ";
  private static final String SHEET = "Sheet: ";
  private static final Pattern PROVINCE_CODE = Pattern.compile("(?:^|\\.)(H\\d{2})(?=\\.|$)");
  private static final Pattern NAME_TIME = Pattern.compile(
      "(20\\d{2})-?+(\\d{2})-?+(\\d{2})(?:[T_-]?+(\\d{2})[:h-]?+(\\d{2})(?:[:-]?+(\\d{2}))?+)?+(?![0-9])");
  private static final Pattern NAME_MONTH = Pattern.compile("(?<![A-Za-z0-9])[Tt](\\d{1,2})[_-](20\\d{2})(?![0-9])");
  private static final Pattern NAME_QUARTER = Pattern.compile("(?<![A-Za-z0-9])[Qq]([1-4])[_-](20\\d{2})(?![0-9])");
  private static final Pattern NAME_YEAR = Pattern.compile("(?<![A-Za-z])(?:nam|year)[_-]?+(20\\d{2})(?![0-9])");

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
    return text.startsWith("[") || text.startsWith("{") ? new Json(doc).parse() : new Sheets(doc).parse();
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
    if (words.contains("thang") && !words.contains("6")) {
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

  /** A unit's row of the portal's columns, checked; problems go to the document. */
  static final class Rows {
    final ParsedDocument doc;
    final Snapshot snapshot;
    final List<ServiceIndexScore> scores = new ArrayList<>();

    Rows(ParsedDocument doc, Snapshot snapshot) {
      this.doc = doc;
      this.snapshot = snapshot;
    }

    void add(String table, int rowNo, int lineNo, String raw, Map<String, String> cells, ServiceIndexPeriod period,
        String periodNote) {
      try {
        String level = switch (cells.getOrDefault("LOAI_COQUAN", "").strip()) {
          case "1" -> "province";
          case "2" -> "agency";
          case "3" -> "commune";
          default -> throw new IllegalArgumentException("unit type LOAI_COQUAN '" + cells.get("LOAI_COQUAN")
              + "' is not 1 (province), 2 (agency) or 3 (commune)");
        };
        String code = cells.getOrDefault("MA_COQUAN", "").strip();
        Matcher m = PROVINCE_CODE.matcher(code);
        if (!m.find()) {
          throw new IllegalArgumentException("unit code MA_COQUAN '" + code + "' has no province code (H01..H63)");
        }
        List<BigDecimal> groups = new ArrayList<>();
        for (String g : GROUPS) {
          groups.add(ScoreText.parse(cells.get(g)));
        }
        BigDecimal total = ScoreText.parse(cells.get("TONG_SCORE"));
        if (total == null) {
          throw new IllegalArgumentException("no total score (TONG_SCORE)");
        }
        String name = cells.getOrDefault("TEN", "").strip();
        String id = cells.getOrDefault("ID", "").strip();
        ServiceIndexScore s = new ServiceIndexScore(table, rowNo, lineNo, raw, snapshot.at(), snapshot.source(), period,
            periodNote, level, id.isEmpty() ? null : id, code, name.isEmpty() ? cells.get("TEN_COQUAN") : name,
            m.group(1), groups.get(0), groups.get(1), groups.get(2), groups.get(3), groups.get(4), groups.get(5),
            total, ScoreText.rank(cells.get("ROW_STT")), "portal");
        scores.add(s);
        checkGroups(s, groups);
      } catch (IllegalArgumentException bad) {
        doc.add(new Problem(table, lineNo, raw, "766 row not loaded: " + bad.getMessage()));
      }
    }

    private void checkGroups(ServiceIndexScore s, List<BigDecimal> groups) {
      if (groups.contains(null)) {
        return;
      }
      BigDecimal sum = groups.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal diff = s.totalScore().subtract(sum);
      String status = diff.signum() == 0 ? "match" : diff.abs().compareTo(ROUNDING_SLACK) <= 0 ? "rounding" : "mismatch";
      doc.add(new Finding(s.tableId(), "groups_sum_to_total", "total_score", s.unitName(),
          s.totalScore().toPlainString(), sum.toPlainString(), diff, status,
          "TONG_SCORE against TDGQ+MDHL+MDSH+TTTT+CLGQ+CKMB of " + s.unitCode(), s.lineNo()));
    }

    /** Within a table, a better rank never has a lower score. */
    void checkRanks(String table) {
      List<ServiceIndexScore> ranked = scores.stream().filter(s -> s.tableId().equals(table) && s.rank() != null)
          .sorted((a, b) -> Integer.compare(a.rank(), b.rank())).toList();
      if (ranked.size() < 2) {
        return;
      }
      int out = 0;
      for (int i = 1; i < ranked.size(); i++) {
        ServiceIndexScore above = ranked.get(i - 1);
        ServiceIndexScore s = ranked.get(i);
        boolean sameRankOtherScore = s.rank().equals(above.rank()) && s.totalScore().compareTo(above.totalScore()) != 0;
        if (s.totalScore().compareTo(above.totalScore()) > 0 || sameRankOtherScore) {
          out++;
          doc.add(new Finding(table, "rank_follows_score", "rank", s.unitName(), String.valueOf(s.rank()),
              "after rank " + above.rank() + " (" + above.totalScore().toPlainString() + ")",
              s.totalScore().subtract(above.totalScore()), "mismatch",
              "rank " + s.rank() + " scores " + s.totalScore().toPlainString() + ", more than rank " + above.rank()
                  + " (" + above.unitName() + ")", s.lineNo()));
        }
      }
      if (out == 0) {
        doc.add(new Finding(table, "rank_follows_score", "rank", null, ranked.size() + " ranks",
            ranked.size() + " ranks in score order", BigDecimal.ZERO, "match",
            "ranks " + ranked.get(0).rank() + ".." + ranked.get(ranked.size() - 1).rank() + " by descending score",
            ranked.get(0).lineNo()));
      }
    }

    /**
     * The agencies and communes of a province come in one response, ranked together (rank 1 to the number of
     * units), which an exporter may split into sheets. When their ranks repeat or cross, the sheets came from
     * different responses (such as different periods): a note, since that is what tells the periods apart.
     */
    void checkOneRanking() {
      List<ServiceIndexScore> units = scores.stream()
          .filter(s -> s.source().equals("portal") && !s.unitLevel().equals("province") && s.rank() != null)
          .sorted((a, b) -> Integer.compare(a.rank(), b.rank())).toList();
      Set<String> tables = new LinkedHashSet<>();
      units.forEach(s -> tables.add(s.tableId()));
      if (tables.size() < 2) {
        return;
      }
      int repeated = 0;
      int crossed = 0;
      for (int i = 1; i < units.size(); i++) {
        repeated += units.get(i).rank().equals(units.get(i - 1).rank()) ? 1 : 0;
        crossed += units.get(i).totalScore().compareTo(units.get(i - 1).totalScore()) > 0 ? 1 : 0;
      }
      String table = String.join(" + ", tables);
      boolean one = repeated == 0 && crossed == 0;
      doc.add(new Finding(table, "one_ranking", "rank", null, units.size() + " units",
          one ? "one ranking" : repeated + " ranks repeated, " + crossed + " out of score order",
          BigDecimal.valueOf(repeated + crossed), one ? "match" : "note",
          one ? "the ranks of " + table + " form one ranking of " + units.size() + " units (one response)"
              : "the ranks of " + table + " repeat and cross: the sheets come from different responses "
                  + "(such as different periods)", null));
    }

    /** The province a workbook's agencies and communes belong to, when they all belong to one. */
    String ownProvince() {
      Set<String> codes = new LinkedHashSet<>();
      scores.stream().filter(s -> !s.unitLevel().equals("province")).forEach(s -> codes.add(s.provinceDvcqgCode()));
      return codes.size() == 1 ? codes.iterator().next() : null;
    }
  }

  /** A workbook (or tab-separated text) rendered by document-formats. */
  private static final class Sheets {
    private final SourceDocument source;

    Sheets(SourceDocument source) {
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
      Rows rows = new Rows(doc, snapshot);
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

    private static void addTrend(ParsedDocument doc, Rows rows, List<TrendRow> trend) {
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

  /** The portal's JSON: a bare array of rows, or {"captured_at", "params", "data": [...]}. */
  private static final class Json {
    private final SourceDocument source;

    Json(SourceDocument source) {
      this.source = source;
    }

    ParsedDocument parse() {
      JsonNode root;
      try {
        root = new ObjectMapper().readTree(source.text());
      } catch (java.io.IOException | RuntimeException e) {
        ParsedDocument doc = new ParsedDocument(source, identity(null, 0));
        doc.add(new Problem(null, null, null, "766 JSON not readable: " + e.getMessage()));
        return doc;
      }
      JsonNode data = root.isArray() ? root : root.path("data");
      Snapshot snapshot = null;
      if (root.hasNonNull("captured_at")) {
        snapshot = capturedAt(root.get("captured_at").asText());
      }
      if (snapshot == null) {
        snapshot = snapshotFromName(source.fileName());
      }
      ParsedDocument doc = new ParsedDocument(source, identity(snapshot, data.size()));
      if (snapshot == null) {
        doc.add(new Problem(null, null, null, "766 export without a snapshot time: no captured_at in the envelope "
            + "and no date and time in the file name (name it like 766_20251016-1152.json)"));
        return doc;
      }
      if (!data.isArray()) {
        doc.add(new Problem(null, null, null, "766 JSON without rows: expected an array, or \"data\": [...]"));
        return doc;
      }
      StringBuilder why = new StringBuilder();
      ServiceIndexPeriod period = root.has("params") ? fromParams(root.get("params"), why)
          : fromFileName(source.fileName(), why);
      Rows rows = new Rows(doc, snapshot);
      int rowNo = 0;
      for (JsonNode item : data) {
        rowNo++;
        Map<String, String> cells = new HashMap<>();
        item.fields().forEachRemaining(e -> cells.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        rows.add(DATA_TABLE, rowNo, rowNo, item.toString(), cells, period, why.isEmpty() ? null : why.toString());
      }
      rows.checkRanks(DATA_TABLE);
      doc.scores().addAll(rows.scores);
      return doc;
    }

    private static Snapshot capturedAt(String text) {
      try {
        return new Snapshot(Instant.parse(text), "api_envelope");
      } catch (DateTimeParseException notInstant) {
        try {
          return new Snapshot(LocalDateTime.parse(text).atZone(VIETNAM).toInstant(), "api_envelope");
        } catch (DateTimeParseException unreadable) {
          return null;
        }
      }
    }

    /** The request's period: p_thang (month), p_quy (quarter), else the year p_nam. */
    private static ServiceIndexPeriod fromParams(JsonNode params, StringBuilder why) {
      int year = params.path("p_nam").asInt(0);
      int month = params.path("p_thang").asInt(0);
      int quarter = params.path("p_quy").asInt(0);
      int half = params.path("p_6thang").asInt(0);
      try {
        if (half != 0) {
          why.append("the request asked for a half year (p_6thang=").append(half)
              .append("): the index table holds years, quarters and months");
          return null;
        }
        return month > 0 ? new ServiceIndexPeriod(ServiceIndexPeriod.MONTH, year, month)
            : quarter > 0 ? new ServiceIndexPeriod(ServiceIndexPeriod.QUARTER, year, quarter)
            : new ServiceIndexPeriod(ServiceIndexPeriod.YEAR, year, null);
      } catch (IllegalArgumentException bad) {
        why.append("the envelope's params do not give a period: ").append(bad.getMessage());
        return null;
      }
    }

    /** A bare response's period from its file name alone: T10_2025 a month, Q3_2025 a quarter, nam_2025 a year. */
    private static ServiceIndexPeriod fromFileName(String name, StringBuilder why) {
      for (String kind : List.of(ServiceIndexPeriod.MONTH, ServiceIndexPeriod.QUARTER, ServiceIndexPeriod.YEAR)) {
        StringBuilder ignored = new StringBuilder();
        ServiceIndexPeriod p = periodOf(kind.equals("month") ? "thang" : kind.equals("quarter") ? "quy" : "nam",
            name, ignored);
        if (p != null && (!kind.equals(ServiceIndexPeriod.YEAR) || NAME_YEAR.matcher(name).find())) {
          return p;
        }
      }
      why.append("the response does not say its period and the file name does not either (name it like "
          + "766_T10_2025_20251016-1152.json, or save the request's params in the envelope)");
      return null;
    }
  }

  private static void copy(ParsedDocument from, ParsedDocument to) {
    from.rows().forEach(to::add);
    from.findings().forEach(to::add);
    from.problems().forEach(to::add);
    to.scores().addAll(from.scores());
  }
}
