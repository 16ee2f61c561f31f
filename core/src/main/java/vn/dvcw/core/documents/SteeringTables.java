package vn.dvcw.core.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Loads one table of a steering-committee daily report into observations, tasks or obstacles, and checks it. */
final class SteeringTables {
  // Cells of any length: possessive runs, and the group heading's name read greedily up to an optional
  // "(n nhiệm vụ)" at the very end (a lazy name with a trailing \s*$ rescanned long runs of blanks once per
  // character of the name).
  private static final Pattern FRACTION = Pattern.compile("(\\d{1,9}+)\\s*+/\\s*+(\\d{1,9}+)");
  private static final Pattern OBSTACLE_COUNT =
      Pattern.compile("(\\d{1,9}+)\\s*+/\\s*+(\\d{1,9}+)\\s*+\\(([\\d.,]{1,20}+)\\s*+%\\)");
  private static final Pattern GROUP = Pattern.compile("([IVX]{1,6}+\\.\\d{1,3}+)\\s++(.*)");
  private static final Pattern GROUP_COUNT = Pattern.compile("\\((\\d{1,4}+) nhiệm vụ\\)$");
  private static final Pattern STT = Pattern.compile("\\d{1,3}");

  private final ParsedDocument out;
  private final SourceDocument doc;
  private final ReportBlock block;
  private final LocalDate dataDate;
  private final String tableId;
  private final String title;

  SteeringTables(ParsedDocument out, SourceDocument doc, ReportBlock block, LocalDate dataDate) {
    this.out = out;
    this.doc = doc;
    this.block = block;
    this.dataDate = dataDate;
    this.tableId = block.kind;
    String appendix = SteeringDailyReportParser.APPENDIX.getOrDefault(block.kind, "?");
    this.title = appendix + (block.heading != null ? ": " + block.heading : " (no heading printed)");
  }

  void load() {
    if (block.heading == null) {
      out.add(new Finding(tableId, "table_heading", "heading", "table", null, null, null, "note",
          "no heading is printed above this table; identified as " + SteeringDailyReportParser.APPENDIX.get(tableId)
              + " from its columns", block.headerLine));
    }
    if (block.pageBlocks > 1) {
      out.add(new Finding(tableId, "page_breaks", "header", "table", null, null, null, "note",
          "table continues over " + block.pageBlocks + " page blocks with its header repeated; read as one table",
          block.headerLine));
    }
    switch (block.kind) {
      case "dossiers_day_all" -> dossiersOfDay("all");
      case "dossiers_day_commune" -> dossiersOfDay("commune");
      case "dossiers_cumulative" -> dossiersCumulative();
      case "task_progress" -> taskProgress();
      case "commune_coverage" -> communeCoverage();
      case "commune_criteria" -> communeCriteria();
      case "commune_obstacles" -> obstacles();
      case "overdue_tasks" -> tasks("overdue");
      case "due_tasks" -> tasks("due");
      case "recurring_tasks" -> tasks("recurring");
      case "task_groups" -> taskGroups();
      default -> block.rows.forEach(r -> out.add(new Problem(tableId, r.lineNo(), r.raw(),
          "row of a table whose columns are not recognised (header at line " + block.headerLine + ")")));
    }
  }

  private LetterTable asTable() {
    List<LetterTable.Row> rows = new ArrayList<>();
    for (LetterTable.Row r : block.rows) {
      if (!r.cells().get(0).isEmpty() || r.total()) {
        rows.add(r);
      } else {
        out.add(new Problem(tableId, r.lineNo(), r.raw(), "row without a number in a numbered table"));
      }
    }
    return LetterTable.of(block.header, rows, numberingGaps(rows));
  }

  private static List<String> numberingGaps(List<LetterTable.Row> rows) {
    List<String> gaps = new ArrayList<>();
    int expected = 1;
    for (LetterTable.Row r : rows) {
      String stt = r.cells().get(0);
      if (!STT.matcher(stt).matches()) {
        continue;
      }
      int n = Integer.parseInt(stt);
      if (n > expected) {
        gaps.add(n - 1 == expected ? "row " + expected + " absent" : "rows " + expected + "-" + (n - 1) + " absent");
      }
      expected = n + 1;
    }
    return gaps;
  }

  private void dossiersOfDay(String level) {
    LocalDate day = dayOfDossierTables();
    LetterTable table = asTable();
    ColumnMap cols = ColumnMap.of(block.header, SteeringDailyReportParser.dossierColumns(), 1);
    reportUnmatched(cols);
    ProvinceTables.load(out, tableId, title, table, cols, level, day, day);
    moveJuneAverage();
    ProvinceTables.reconcileParts(out, tableId, "total", List.of("direct", "online"));
    ProvinceTables.reconcileRates(out, tableId, "online_rate_pct", "online", "total");
    for (String m : List.of("direct", "online", "returned", "total", "avg_daily_june")) {
      ProvinceTables.reconcileSum(out, tableId, m, null);
    }
  }

  /** "Trung bình ngày tháng 6": the daily average of June of the report's year, not the report's day. */
  private void moveJuneAverage() {
    YearMonth june = YearMonth.of(dataDate.getYear(), 6);
    List<Observation> all = out.observations();
    for (int i = 0; i < all.size(); i++) {
      Observation o = all.get(i);
      if (o.tableId().equals(tableId) && o.measure().equals("avg_daily_june")) {
        all.set(i, new Observation(o.tableId(), o.rowNo(), o.lineNo(), o.rawLine(), o.provinceRaw(), o.level(),
            june.atDay(1), june.atEndOfMonth(), o.measure(), o.value(), o.rawValue(), o.unit(), o.total(),
            "daily average of received dossiers in June " + june.getYear() + ", as published per current province"));
      }
    }
  }

  private LocalDate dayOfDossierTables() {
    for (String line : doc.lines()) {
      if (Text.fold(line).contains("trong ngay")) {
        List<LocalDate> ds = Text.slashDates(line);
        if (!ds.isEmpty()) {
          return ds.get(0);
        }
      }
    }
    return dataDate;
  }

  private void dossiersCumulative() {
    LocalDate start = dataDate;
    LocalDate end = dataDate;
    if (block.heading != null) {
      List<LocalDate> ds = Text.slashDates(block.heading);
      if (ds.size() >= 2) {
        start = ds.get(0);
        end = ds.get(ds.size() - 1);
      }
    }
    Map<Integer, String[]> columns = levelColumns();
    LetterTable table = asTable();
    int rowNo = 0;
    for (LetterTable.Row row : table.rows()) {
      rowNo++;
      out.add(new RawRow(tableId, title, rowNo, row.lineNo(), row.raw(), row.cells(),
          row.total() ? RawRow.Kind.TOTAL : RawRow.Kind.DATA));
      List<Observation> obs = new ArrayList<>();
      try {
        for (var c : columns.entrySet()) {
          String cell = c.getKey() < row.cells().size() ? row.cells().get(c.getKey()) : "";
          String measure = c.getValue()[0];
          String unit = measure.endsWith("_pct") ? "percent" : "count";
          obs.add(ProvinceTables.observation(tableId, rowNo, row, row.total() ? null : row.cells().get(1),
              c.getValue()[1], start, end, measure, unit, cell));
        }
        obs.forEach(out::add);
      } catch (NumberFormatException e) {
        out.add(new Problem(tableId, row.lineNo(), row.raw(), "row not loaded: " + e.getMessage()));
      }
    }
    for (String gap : table.gaps()) {
      out.add(new Finding(tableId, "row_numbering", "rows", "table", null, null, null, "missing_rows", gap, null));
    }
    ProvinceTables.reconcileParts(out, tableId, "total", List.of("direct", "online"));
    ProvinceTables.reconcileRates(out, tableId, "online_rate_pct", "online", "total");
    for (String level : List.of("province", "commune", "all")) {
      for (String m : List.of("direct", "online", "returned", "total")) {
        ProvinceTables.reconcileSum(out, tableId, m, level);
      }
    }
    reconcileLevels();
  }

  /** Column index → {measure, level} of a two-line header ("Trực tiếp" over "Tỉnh | Xã | Tổng"). */
  private Map<Integer, String[]> levelColumns() {
    Map<Integer, String[]> cols = new LinkedHashMap<>();
    String group = null;
    for (int i = 2; i < block.subHeader.size(); i++) {
      String top = i < block.header.size() ? block.header.get(i) : "";
      if (!top.isEmpty()) {
        group = ColumnMap.of(List.of(top), SteeringDailyReportParser.dossierColumns(), 0).measures().keySet()
            .stream().findFirst().orElse(null);
        if (group == null) {
          out.add(new Problem(tableId, block.headerLine, top, "column group not recognised; its values not loaded"));
        }
      }
      String level = switch (Text.fold(block.subHeader.get(i))) {
        case "tinh" -> "province";
        case "xa" -> "commune";
        case "tong" -> "all";
        default -> null;
      };
      if (group != null && level != null) {
        cols.put(i, new String[] {group, level});
      }
    }
    return cols;
  }

  /** Province level + commune level must equal the total of both, per row and measure. */
  private void reconcileLevels() {
    Map<String, Map<String, BigDecimal>> byRowMeasure = new LinkedHashMap<>();
    Map<String, Observation> any = new LinkedHashMap<>();
    for (Observation o : out.observations()) {
      if (!o.tableId().equals(tableId) || o.unit().equals("percent")) {
        continue;
      }
      String key = o.rowNo() + "|" + o.measure();
      byRowMeasure.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(o.level(), o.value());
      any.putIfAbsent(key, o);
    }
    for (var e : byRowMeasure.entrySet()) {
      Map<String, BigDecimal> v = e.getValue();
      if (v.size() < 3) {
        continue;
      }
      Observation o = any.get(e.getKey());
      out.add(Checks.count(tableId, "levels_vs_all", o.measure(), o.total() ? "total" : o.provinceRaw(),
          v.get("all").longValueExact(), v.get("province").add(v.get("commune")).longValueExact(),
          "all levels vs province level + commune level", o.lineNo()));
    }
  }

  private void taskProgress() {
    LetterTable table = asTable();
    int rowNo = 0;
    for (LetterTable.Row row : table.rows()) {
      rowNo++;
      out.add(new RawRow(tableId, title, rowNo, row.lineNo(), row.raw(), row.cells(), RawRow.Kind.DATA));
      Matcher m = FRACTION.matcher(row.cells().size() > 2 ? row.cells().get(2) : "");
      if (row.cells().size() < 4 || !m.matches()) {
        out.add(new Problem(tableId, row.lineNo(), row.raw(), "task progress is not 'done/total'"));
        continue;
      }
      String status = row.cells().get(3);
      for (String[] mv : new String[][] {{"tasks_done", m.group(1)}, {"tasks_total", m.group(2)}}) {
        out.add(new Observation(tableId, rowNo, row.lineNo(), row.raw(), row.cells().get(1), "province", dataDate,
            dataDate, mv[0], new BigDecimal(mv[1]), row.cells().get(2), "count", false, status));
      }
    }
  }

  private void communeCoverage() {
    ColumnMap cols = ColumnMap.of(block.header, SteeringDailyReportParser.coverageColumns(), 1);
    reportUnmatched(cols);
    ProvinceTables.load(out, tableId, title, asTable(), cols, "commune", dataDate, dataDate);
    ProvinceTables.reconcileParts(out, tableId, "communes", List.of("green", "yellow", "red"));
    ProvinceTables.reconcileRates(out, tableId, "reported_pct", "reported", "communes");
    ProvinceTables.reconcileRates(out, tableId, "green_pct", "green", "communes");
  }

  private void communeCriteria() {
    ColumnMap cols = ColumnMap.of(block.header, SteeringDailyReportParser.criteriaColumns(), 1);
    reportUnmatched(cols);
    ProvinceTables.load(out, tableId, title, asTable(), cols, "commune", dataDate, dataDate);
  }

  private void reportUnmatched(ColumnMap cols) {
    for (String h : cols.unmatched()) {
      out.add(new Problem(tableId, block.headerLine, h, "column header not recognised; its values were not loaded"));
    }
  }

  private void obstacles() {
    String province = null;
    int rank = 0;
    int rowNo = 0;
    for (LetterTable.Row row : block.rows) {
      rowNo++;
      List<String> c = row.cells();
      boolean continuation = c.get(0).isEmpty();
      out.add(new RawRow(tableId, title, rowNo, row.lineNo(), row.raw(), c,
          continuation ? RawRow.Kind.CONTINUATION : RawRow.Kind.DATA));
      if (!continuation) {
        province = c.size() > 1 ? c.get(1) : null;
        rank = 0;
      }
      if (province == null) {
        out.add(new Problem(tableId, row.lineNo(), row.raw(), "obstacle row before any province"));
        continue;
      }
      String text = c.size() > 2 ? c.get(2) : "";
      String count = c.size() > 3 ? c.get(3) : "";
      if (text.isEmpty() && count.isEmpty()) {
        out.add(new CommuneObstacle(tableId, rowNo, row.lineNo(), row.raw(), province, 0, null, null, null, null));
        continue;
      }
      Matcher m = OBSTACLE_COUNT.matcher(count);
      if (!m.matches()) {
        out.add(new Problem(tableId, row.lineNo(), row.raw(), "communes affected is not 'n/N (p%)': '" + count + "'"));
        continue;
      }
      rank++;
      long affected = Long.parseLong(m.group(1));
      long total = Long.parseLong(m.group(2));
      BigDecimal pct = VietnameseNumbers.decimal(m.group(3));
      out.add(new CommuneObstacle(tableId, rowNo, row.lineNo(), row.raw(), province, rank, text, affected, total, pct));
      out.add(Checks.percent(tableId, "rate_vs_counts", "communes_affected_pct", province + ": " + text, pct,
          affected, total, "communes affected / communes", row.lineNo()));
    }
  }

  private void tasks(String list) {
    String groupCode = null;
    String groupName = null;
    Integer groupCount = null;
    int inGroup = 0;
    int groupLine = 0;
    int rowNo = 0;
    SteeringTask last = null;
    List<SteeringTask> tasks = new ArrayList<>();
    for (LetterTable.Row row : block.rows) {
      rowNo++;
      List<String> c = row.cells();
      Matcher g = GROUP.matcher(c.get(0));
      if (g.matches() && c.stream().skip(1).allMatch(String::isEmpty)) {
        checkGroupCount(groupCode, groupCount, inGroup, groupLine);
        groupCode = g.group(1);
        String name = g.group(2).strip();
        Matcher count = GROUP_COUNT.matcher(name);
        groupCount = count.find() ? Integer.valueOf(count.group(1)) : null;
        groupName = count.find(0) ? name.substring(0, count.start()).strip() : name;
        inGroup = 0;
        groupLine = row.lineNo();
        out.add(new RawRow(tableId, title, rowNo, row.lineNo(), row.raw(), c, RawRow.Kind.GROUP));
        continue;
      }
      if (c.get(0).isEmpty() && last != null) {
        out.add(new RawRow(tableId, title, rowNo, row.lineNo(), row.raw(), c, RawRow.Kind.CONTINUATION));
        last = continueTask(last, c, list);
        tasks.set(tasks.size() - 1, last);
        continue;
      }
      out.add(new RawRow(tableId, title, rowNo, row.lineNo(), row.raw(), c, RawRow.Kind.DATA));
      String task = Text.stripHtml(cell(c, 1));
      String units;
      String deadlineRaw = null;
      String nature = null;
      if (list.equals("due")) {
        deadlineRaw = cell(c, 2);
        units = cell(c, 3);
      } else {
        units = cell(c, 2);
        nature = list.equals("recurring") ? cell(c, 3) : null;
      }
      LocalDate deadline = deadlineRaw == null ? null : Text.slashDateOrNull(deadlineRaw);
      if (deadlineRaw != null && deadline == null) {
        out.add(new Problem(tableId, row.lineNo(), row.raw(), "deadline is not a date: '" + deadlineRaw + "'"));
      }
      last = new SteeringTask(tableId, rowNo, row.lineNo(), row.raw(), list, groupCode, groupName, c.get(0), task,
          units, deadline, deadlineRaw, nature, null, false);
      tasks.add(last);
      inGroup++;
    }
    checkGroupCount(groupCode, groupCount, inGroup, groupLine);
    tasks.forEach(out::add);
  }

  /** A row with no number after a page break carries the rest of the previous row's cells. */
  private SteeringTask continueTask(SteeringTask t, List<String> c, String list) {
    String more = list.equals("due") ? cell(c, 3) : cell(c, 2);
    String taskMore = cell(c, 1);
    return new SteeringTask(t.tableId(), t.rowNo(), t.lineNo(), t.rawLine() + "\n" + String.join("\t", c), t.list(),
        t.groupCode(), t.groupName(), t.seq(), taskMore.isEmpty() ? t.task() : t.task() + " " + taskMore,
        more.isEmpty() ? t.units() : (t.units() + " " + more).strip(), t.deadline(), t.deadlineRaw(), t.nature(),
        t.taskCount(), true);
  }

  private void checkGroupCount(String groupCode, Integer declared, int found, int line) {
    if (groupCode != null && declared != null) {
      out.add(Checks.count(tableId, "group_task_count", "tasks", groupCode, declared, found,
          "tasks the group heading announces vs tasks listed under it", line));
    }
  }

  private void taskGroups() {
    int rowNo = 0;
    for (LetterTable.Row row : block.rows) {
      rowNo++;
      List<String> c = row.cells();
      out.add(new RawRow(tableId, title, rowNo, row.lineNo(), row.raw(), c, RawRow.Kind.DATA));
      Integer count = VietnameseNumbers.isCount(cell(c, 2)) ? (int) VietnameseNumbers.count(cell(c, 2)) : null;
      out.add(new SteeringTask(tableId, rowNo, row.lineNo(), row.raw(), "group_summary", c.get(0), cell(c, 1),
          c.get(0), cell(c, 1), cell(c, 3), null, null, cell(c, 4), count, false));
    }
  }

  private static String cell(List<String> c, int i) {
    return i < c.size() ? c.get(i) : "";
  }
}
