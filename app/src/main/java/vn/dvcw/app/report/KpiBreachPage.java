package vn.dvcw.app.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import vn.dvcw.charts.KpiCharts;
import vn.dvcw.charts.Provenance;
import vn.dvcw.charts.RowValues;

/**
 * Page 4: the breach lists a provincial office draws up from the directive (analytics.kpi_breaches): one list per
 * KPI, period and level on today's map, worst first; a gap chart for each KPI's latest all-level list; and the
 * directive's KPIs no loaded source can measure yet, said out loud rather than left out.
 */
final class KpiBreachPage {
  private KpiBreachPage() {}

  static final String ID = "kpi-breaches";
  static final Map<String, String> KPI_LABELS = Map.of(
      "online_rate", "Tỷ lệ hồ sơ nộp trực tuyến",
      "overdue_rate", "Tỷ lệ hồ sơ quá hạn",
      "online_payment_rate", "Tỷ lệ thanh toán trực tuyến",
      "digitised_result_rate", "Tỷ lệ số hóa kết quả giải quyết TTHC");
  static final Map<String, String> LEVEL_LABELS = Map.of(
      "all", "mọi cấp", "province", "cấp tỉnh", "commune", "cấp xã");

  static ReportSection build(ReportContext ctx) {
    Map<String, Object> published = Map.of("source_kind", ReportContext.PUBLISHED_REPORTS);
    List<Row> all = ctx.rows("kpi_breach_lists", published);
    Map<String, List<Row>> lists = new LinkedHashMap<>();
    for (Row r : all) {
      String key = String.join("|", RowValues.text(r, "kpi"), RowValues.text(r, "period_start"),
          RowValues.text(r, "period_end"), RowValues.text(r, "level"));
      lists.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    List<ReportFigure> figures = new ArrayList<>();
    List<ReportTable> tables = new ArrayList<>();
    List<String> charted = new ArrayList<>();
    for (Map.Entry<String, List<Row>> e : lists.entrySet()) {
      List<Row> rows = e.getValue();
      Row first = rows.get(0);
      String kpi = RowValues.text(first, "kpi");
      String level = RowValues.text(first, "level");
      String label = KPI_LABELS.getOrDefault(kpi, kpi) + " (" + LEVEL_LABELS.getOrDefault(level, level) + ", ngưỡng "
          + ReportContext.pct(RowValues.number(first, "threshold_pct") / 100, 0) + ")";
      String period = Provenance.of(rows).period();
      if ("all".equals(level) && !charted.contains(kpi)) {
        charted.add(kpi);
        figures.add(ctx.figure("kpi-breaches-" + kpi, KpiCharts.breachGaps(rows, label),
            "điểm phần trăm so với ngưỡng của chỉ thị (âm: thấp hơn ngưỡng tối thiểu; dương: vượt ngưỡng tối đa)", rows));
      }
      List<List<String>> cells = new ArrayList<>();
      for (Row r : rows) {
        cells.add(List.of(String.valueOf(RowValues.count(r, "rank_in_kpi")), RowValues.text(r, "province_name"),
            RowValues.text(r, "value_pct").replace('.', ',') + "%", RowValues.text(r, "threshold_pct").replace('.', ',') + "%",
            RowValues.text(r, "gap_pct").replace('.', ','),
            ReportContext.count(RowValues.count(r, "numerator")) + " / " + ReportContext.count(RowValues.count(r, "denominator"))));
      }
      tables.add(ctx.table("kpi-list-" + e.getKey().replace('|', '-'), label + ", kỳ " + period,
          List.of("TT", "Tỉnh, thành phố", "Giá trị", "Ngưỡng", "Chênh lệch (điểm %)", "Tử số / mẫu số"), cells, rows));
    }
    List<String> notes = new ArrayList<>();
    if (all.isEmpty()) {
      notes.add("Không có tỉnh nào vi phạm chỉ tiêu trong số liệu đã nạp / no breaches in the loaded figures.");
    }
    for (Row r : ctx.rows("kpi_without_source", published)) {
      String kpi = RowValues.text(r, "kpi");
      notes.add("Chỉ tiêu \"" + KPI_LABELS.getOrDefault(kpi, kpi) + "\" (" + RowValues.text(r, "comparator") + " "
          + ReportContext.pct(RowValues.number(r, "threshold"), 0) + "): chưa có nguồn số liệu để đo / no loaded "
          + "source gives its counts yet.");
    }
    return new ReportSection(ID, "4. Danh sách vi phạm chỉ tiêu (KPI) theo chỉ thị của tỉnh",
        "KPI breach lists, as the provincial directive draws them up", notes, figures, tables);
  }
}
