package vn.dvcw.core.documents;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the figures the daily report states in its text against its own appendices: "31/34 tỉnh đạt
 * trạng thái XANH" against Phụ lục 1, "3.321 xã, phường có báo cáo" against Phụ lục 4, "Sơn La khoảng
 * 33,34%" against Phụ lục 8, and so on. Each claim becomes a finding whatever its outcome.
 */
final class SteeringTextClaims {
  /**
   * Compiled claim patterns. Each is anchored on a literal phrase and reads its figure with a bounded possessive
   * repetition, so it is linear on any text: a run of a million digits is neither rescanned nor captured.
   */
  private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();
  private final ParsedDocument out;
  private final String flat;

  SteeringTextClaims(ParsedDocument out, String flat) {
    this.out = out;
    this.flat = flat;
  }

  void check() {
    statusCount("(\\d{1,2})/\\d{1,2} tỉnh, thành phố đạt trạng thái XANH", "XANH");
    statusCount("(\\d{1,2})/\\d{1,2} tỉnh, thành phố đạt trạng thái VÀNG", "VÀNG");
    if (flat.contains("Không có tỉnh, thành phố nào ở trạng thái ĐỎ")) {
      out.add(Checks.count("task_progress", "text_claim", "provinces_red", "all provinces", 0,
          countStatus("ĐỎ"), "'Không có tỉnh, thành phố nào ở trạng thái ĐỎ' vs Phụ lục 1", null));
    }
    find("thông tin hiện trạng tại ([\\d.]{1,20}+) xã, phường có báo cáo").ifPresent(v ->
        out.add(Checks.count("commune_coverage", "text_claim", "reported", "all provinces", v,
            sum("commune_coverage", "reported"), "communes said to have reported vs sum of 'Đã báo cáo' in Phụ lục 4",
            null)));
    find("thu nhận thông tin hiện trạng của ([\\d.]{1,20}+) xã").ifPresent(v ->
        out.add(Checks.count("commune_coverage", "text_claim", "communes", "all provinces", v,
            sum("commune_coverage", "communes"), "communes in the system vs sum of 'Số xã' in Phụ lục 4", null)));
    provincesWhere("có (\\d{1,2}) tỉnh,? thành phố phủ XANH hơn 50%", "green_pct", v -> v.compareTo(bd(50)) > 0, "> 50%");
    provincesWhere("có (\\d{1,2}) tỉnh, thành phố phủ XANH hơn 70%", "green_pct", v -> v.compareTo(bd(70)) > 0, "> 70%");
    provincesWhere("Đặc biệt (\\d{1,2}) tỉnh", "green_pct", v -> v.compareTo(bd(100)) == 0, "= 100%");
    provincesWhere("Vẫn còn (\\d{1,2})/\\d{1,2} tỉnh, thành phố \\(\\p{L}[\\p{L} ]*+\\) có ít hơn 10%", "green_pct",
        v -> v.compareTo(bd(10)) < 0, "< 10%");
    allProvincesAbove("Tất cả các địa phương đều có tỷ lệ xã, phường báo cáo lên hệ thống trên (\\d{1,3}+)%", "reported_pct");
    find("có ([\\d.]{1,20}+)/[\\d.]{1,20}+ xã, phường \\(tương đương [\\d,]{1,20}+%\\) đáp ứng").ifPresent(v ->
        out.add(Checks.count("commune_coverage", "text_claim", "green", "all provinces", v,
            sum("commune_coverage", "green"),
            "communes said to meet all basic conditions vs sum of XANH in Phụ lục 4 (reading 'đáp ứng hết' as XANH)",
            null)));
    find("Vẫn còn (\\d{1,6}+) nhiệm vụ đã thực hiện quá hạn").ifPresent(v ->
        out.add(Checks.count("overdue_tasks", "text_claim", "tasks", "all", v,
            out.tasks().stream().filter(t -> t.list().equals("overdue")).count(),
            "overdue tasks stated vs tasks listed in Phụ lục 2", null)));
    provinceRate("như Sơn La khoảng ([\\d,]{1,20}+)%", "Sơn La", "dossiers_cumulative", "all", "online", "total");
    provinceRate("TP\\. Hà Nội có tỉ lệ hồ sơ nộp trực tuyến đã đạt ([\\d,]{1,20}+)%", "Hà Nội", "dossiers_day_all", "all",
        "online", "total");
    provinceRate("số hồ sơ đã trả đạt ([\\d,]{1,20}+)% so với tổng số hồ sơ cùng ngày", "Hà Nội", "dossiers_day_all", "all",
        "returned", "total");
  }

  private void statusCount(String regex, String colour) {
    find(regex).ifPresent(v -> out.add(Checks.count("task_progress", "text_claim", "provinces_" + colour, "all provinces",
        v, countStatus(colour), "provinces said to be " + colour + " vs Phụ lục 1", null)));
  }

  private long countStatus(String colour) {
    return out.observations().stream()
        .filter(o -> o.tableId().equals("task_progress") && o.measure().equals("tasks_total"))
        .filter(o -> o.label() != null && o.label().contains("(" + colour + ")"))
        .count();
  }

  private void provincesWhere(String regex, String measure, Predicate<BigDecimal> test, String what) {
    find(regex).ifPresent(v -> {
      long n = out.observations("commune_coverage", measure).stream().map(Observation::value).filter(test).count();
      out.add(Checks.count("commune_coverage", "text_claim", "provinces_" + measure, what, v, n,
          "provinces the text counts vs provinces in Phụ lục 4 with " + measure + " " + what, null));
    });
  }

  /** "All provinces are above X%": every row of Phụ lục 4 must be. */
  private void allProvincesAbove(String regex, String measure) {
    find(regex).ifPresent(threshold -> {
      List<Observation> all = out.observations("commune_coverage", measure);
      long above = all.stream().filter(o -> o.value().compareTo(bd(threshold.intValue())) > 0).count();
      out.add(Checks.count("commune_coverage", "text_claim", "provinces_" + measure, "all > " + threshold + "%",
          all.size(), above, "the text says every province is above " + threshold + "%: provinces of Phụ lục 4 that are",
          null));
    });
  }

  private void provinceRate(String regex, String province, String table, String level, String num, String den) {
    Matcher m = compiled(regex, 0).matcher(flat);
    if (!m.find()) {
      return;
    }
    BigDecimal stated = VietnameseNumbers.decimal(m.group(1));
    String key = Text.fold(province);
    List<Observation> obs = out.observations().stream()
        .filter(o -> o.tableId().equals(table) && level.equals(o.level()) && !o.total()
            && Text.fold(o.provinceRaw()).endsWith(key))
        .toList();
    BigDecimal n = obs.stream().filter(o -> o.measure().equals(num)).map(Observation::value).findFirst().orElse(null);
    BigDecimal d = obs.stream().filter(o -> o.measure().equals(den)).map(Observation::value).findFirst().orElse(null);
    if (n == null || d == null) {
      out.add(new Finding(table, "text_claim", num + "_pct", province, stated.toPlainString(), null, null, "mismatch",
          "the text cites a figure for " + province + " that the table does not have", null));
      return;
    }
    out.add(Checks.percent(table, "text_claim", num + "_pct", province, stated, n.longValueExact(), d.longValueExact(),
        "rate the text states for " + province + " vs the table's counts", null));
  }

  private java.util.Optional<Long> find(String regex) {
    Matcher m = compiled(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(flat);
    return m.find() ? java.util.Optional.of(VietnameseNumbers.count(m.group(1))) : java.util.Optional.empty();
  }

  /** The claims' patterns, compiled once per JVM rather than once per document. */
  private static Pattern compiled(String regex, int flags) {
    return COMPILED.computeIfAbsent(flags + "|" + regex, k -> Pattern.compile(regex, flags));
  }

  private long sum(String table, String measure) {
    return SteeringDailyReportParser.sum(out.observations(table, measure)).longValueExact();
  }

  private static BigDecimal bd(int v) {
    return BigDecimal.valueOf(v);
  }
}
