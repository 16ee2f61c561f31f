package vn.dvcw.app.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import vn.dvcw.charts.RowValues;
import vn.dvcw.charts.ServiceIndexCharts;

/**
 * Page 8: the 766 service index (Bộ chỉ số 766, DVCQG) leaderboard: the 34 provinces by rank for the year to date as
 * the latest export shows them, what changed since the export before (score and rank), how the latest month's score
 * moved from the month before, and each province's groups below the provinces' mean (analytics.service_index). Every
 * export is a snapshot the portal recomputes daily, so the page names the one it shows: its time and file.
 */
final class ServiceIndexPage {
  private ServiceIndexPage() {}

  static final String ID = "service-index";
  static final String UNITS = "điểm Bộ chỉ số 766 (tối đa 100), cộng dồn từ đầu năm";
  /** Shown where a change cannot be computed (no earlier export, no score for the month before). */
  static final String NONE = "—";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'ngày' dd/MM/yyyy");

  /** The six groups of the index: the view's column suffix, the Vietnamese label, the most points it gives. */
  record Group(String column, String label, int max) {}

  static final List<Group> GROUPS = List.of(
      new Group("progress", "Tiến độ giải quyết", 20),
      new Group("satisfaction", "Mức độ hài lòng", 18),
      new Group("digitisation", "Số hoá hồ sơ", 22),
      new Group("online_payment", "Thanh toán trực tuyến", 10),
      new Group("online_service", "Cung cấp DVC trực tuyến", 12),
      new Group("transparency", "Công khai, minh bạch", 18));

  static ReportSection build(ReportContext ctx) {
    List<ReportFigure> figures = new ArrayList<>();
    List<ReportTable> tables = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<Row> rows = ctx.rows("service_index_leaderboard", Map.of());
    if (rows.isEmpty()) {
      notes.add("Chưa nạp bản xuất Bộ chỉ số 766 nào / no 766 export loaded (./dvcw refresh reads them from "
          + "inputs/service-index).");
      return section(notes, figures, tables);
    }
    notes.add(snapshotNote(rows.get(0)));
    figures.add(ctx.figure("service-index-ranked", ServiceIndexCharts.ranked(rows), UNITS, rows));
    tables.add(ctx.table("service-index-leaderboard", "Xếp hạng Bộ chỉ số 766 của 34 tỉnh, thành phố, từ đầu năm "
            + RowValues.date(rows.get(0), "period_start").getYear() + " đến " + time(rows.get(0), "snapshot_at"),
        List.of("Hạng", "Tỉnh, thành phố", "Tổng điểm", "± điểm so với lần xuất trước", "± hạng so với lần xuất trước",
            "Điểm tháng " + month(rows.get(0)), "± điểm so với tháng trước", "Nhóm dưới trung bình các tỉnh"),
        rows.stream().map(ServiceIndexPage::leaderboardRow).toList(), rows));
    tables.add(ctx.table("service-index-group-means", "Điểm trung bình của 34 tỉnh, thành phố theo nhóm chỉ số",
        List.of("Nhóm chỉ số", "Tối đa", "Trung bình các tỉnh", "Số tỉnh dưới trung bình"),
        groupMeans(rows), rows));
    notes.add("Trung bình là trung bình cộng của các tỉnh (mỗi tỉnh một phiếu), không gia quyền. Hạng tăng là số "
        + "dương. / The mean counts each province once; a positive rank change is a move up.");
    monthNote(rows).ifPresent(notes::add);
    return section(notes, figures, tables);
  }

  /** Which export the page shows and which it compares with, in Vietnam's time, and where the year's rows are. */
  private static String snapshotNote(Row first) {
    String previous = first.getAs("previous_snapshot_at") == null ? "không có lần xuất trước / no earlier export"
        : "so với lần xuất lúc " + time(first, "previous_snapshot_at") + " / compared with the export before";
    return "Số liệu: bản xuất lúc " + time(first, "snapshot_at") + " (giờ Việt Nam), tệp "
        + RowValues.text(first, "file_name") + ", bảng “" + RowValues.text(first, "table_id") + "”; " + previous
        + ". / Figures: the export taken at that time, that file and sheet.";
  }

  /** Says where the month before comes from when it is not the portal's own row (an exporter's trend total). */
  private static java.util.Optional<String> monthNote(List<Row> rows) {
    List<String> fromTrend = rows.stream().filter(r -> "exporter_trend".equals(RowValues.text(r, "previous_month_source")))
        .map(r -> RowValues.text(r, "province_name") + " (tệp " + RowValues.text(r, "previous_month_file") + ", bảng “"
            + RowValues.text(r, "previous_month_table") + "”)")
        .toList();
    long compared = rows.stream().filter(r -> r.getAs("month_change") != null).count();
    String head = "So sánh theo tháng: " + compared + "/" + rows.size() + " tỉnh có điểm tháng trước trong các bản xuất "
        + "đã nạp; các tỉnh còn lại ghi " + NONE + ".";
    if (fromTrend.isEmpty()) {
      return java.util.Optional.of(head);
    }
    return java.util.Optional.of(head + " Điểm tháng trước của " + String.join(", ", fromTrend) + " là tổng do công "
        + "cụ xuất tự tính cho tỉnh của mình, không phải dòng của Cổng. / The month before is the exporter's own "
        + "trend total, not a row of the portal.");
  }

  private static List<String> leaderboardRow(Row r) {
    List<String> below = GROUPS.stream().filter(g -> Boolean.TRUE.equals(r.getAs("below_" + g.column())))
        .map(Group::label).toList();
    return List.of(String.valueOf(RowValues.count(r, "rank")), RowValues.text(r, "province_name"),
        score(r.getAs("total_score")), change(r.getAs("total_change")), rankChange(r.getAs("rank_change")),
        r.getAs("month_score") == null ? NONE : score(r.getAs("month_score")), change(r.getAs("month_change")),
        below.isEmpty() ? NONE : String.join("; ", below));
  }

  private static List<List<String>> groupMeans(List<Row> rows) {
    List<List<String>> cells = new ArrayList<>();
    for (Group g : GROUPS) {
      long below = rows.stream().filter(r -> Boolean.TRUE.equals(r.getAs("below_" + g.column()))).count();
      cells.add(List.of(g.label(), String.valueOf(g.max()), decimal(RowValues.number(rows.get(0), "avg_" + g.column())),
          below + "/" + rows.size()));
    }
    cells.add(List.of("Tổng điểm", "100", decimal(RowValues.number(rows.get(0), "avg_total")), ""));
    return cells;
  }

  /** "87,86": two decimals, Vietnamese comma. */
  static String score(BigDecimal v) {
    return v == null ? NONE : decimal(v.doubleValue());
  }

  /** "+0,05", "-0,02", "0,00"; {@link #NONE} when there is nothing to compare with. */
  static String change(BigDecimal v) {
    if (v == null) {
      return NONE;
    }
    return (v.signum() > 0 ? "+" : "") + decimal(v.doubleValue());
  }

  /** "+1" (moved up one place), "-2", "0"; {@link #NONE} when unranked before. */
  static String rankChange(Integer v) {
    return v == null ? NONE : (v > 0 ? "+" : "") + v;
  }

  private static String decimal(double v) {
    return String.format(Locale.ROOT, "%.2f", v).replace('.', ',');
  }

  private static String month(Row r) {
    java.time.LocalDate m = RowValues.date(r, "month_start");
    return m == null ? "gần nhất" : String.format(Locale.ROOT, "%02d/%d", m.getMonthValue(), m.getYear());
  }

  /** A UTC timestamp column in Vietnam's time, as the readers' clock shows it. */
  private static String time(Row r, String column) {
    Object v = r.getAs(column);
    Instant at = v instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) v;
    return TIME.format(at.atZone(HtmlReport.VIETNAM));
  }

  private static ReportSection section(List<String> notes, List<ReportFigure> figures, List<ReportTable> tables) {
    return new ReportSection(ID, "8. Bộ chỉ số 766: xếp hạng các tỉnh, thành phố",
        "The 766 service index: provinces ranked (year to date)", notes, figures, tables);
  }
}
