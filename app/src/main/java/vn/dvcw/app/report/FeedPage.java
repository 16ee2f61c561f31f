package vn.dvcw.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import vn.dvcw.charts.OnlineRateCharts;
import vn.dvcw.charts.RowValues;

/**
 * Page 7: the dossier-level history (the DVCQG feed, or synthetic data when only that is loaded): the monthly
 * online rate on today's 34 provinces since the first month loaded, and the four KPIs nationally for the latest
 * month. Real feed data is preferred; synthetic data is shown only when it is all there is, and labelled.
 */
final class FeedPage {
  private FeedPage() {}

  static final String ID = "dossier-feed";
  static final String UNITS = "% hồ sơ nộp trực tuyến trên tổng số hồ sơ tiếp nhận trong tháng, mọi cấp";
  static final int TREND_PROVINCES = 5;

  static ReportSection build(ReportContext ctx) {
    List<ReportFigure> figures = new ArrayList<>();
    List<ReportTable> tables = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<Row> kinds = ctx.rows("dossier_feed_source_kinds", Map.of());
    if (kinds.isEmpty()) {
      notes.add("Chưa nạp dữ liệu hồ sơ đồng bộ từ Cổng DVCQG / no dossier-level feed loaded "
          + "(./dvcw refresh --feed DIR).");
      return section(notes, figures, tables);
    }
    String kind = RowValues.text(kinds.get(0), "source_kind");
    if (kind.equals("synthetic")) {
      notes.add("DỮ LIỆU TỔNG HỢP: số liệu trang này do ./dvcw generate tạo ra để thử nghiệm, không phải số liệu "
          + "thật. / SYNTHETIC: generated test data, not real figures.");
    }
    List<Row> trend = ctx.rows("online_rate_trend_series", Map.of("source_kind", kind, "period_kind", "month"));
    if (!trend.isEmpty()) {
      List<String> lowest = ctx.rows("online_rate_lowest_latest_month",
              Map.of("source_kind", kind, "province_count", TREND_PROVINCES)).stream()
          .map(r -> RowValues.text(r, "province_code")).toList();
      figures.add(ctx.figure("dossier-feed-online-trend", OnlineRateCharts.trend(trend, lowest),
          UNITS + "; theo tháng tiếp nhận", trend));
      notes.add("Mỗi điểm là một tháng tiếp nhận; hồ sơ trước 01/7/2025 được cộng theo địa giới 34 tỉnh hiện nay. "
          + "/ One point per receipt month; dossiers before 1 July 2025 re-based onto today's 34 provinces.");
    }
    List<Row> national = ctx.rows("dossier_kpis_national_latest_month", Map.of("source_kind", kind));
    Row n = national.get(0);
    List<List<String>> cells = List.of(
        kpi("Tỷ lệ hồ sơ nộp trực tuyến / online", n, "online", "received", "≥ 70%"),
        kpi("Tỷ lệ thanh toán trực tuyến / online payment", n, "paid_online", "with_fee", "≥ 30%"),
        kpi("Tỷ lệ hồ sơ quá hạn / overdue", n, "overdue", "received", "≤ 5%"),
        kpi("Tỷ lệ số hóa kết quả / digitised results", n, "digitised", "finished", "≥ 90%"));
    tables.add(ctx.table("dossier-feed-kpis", "Bốn chỉ tiêu, cả nước, tháng " + RowValues.text(n, "month")
            + " (số liệu đến ngày " + n.getAs("as_of_date") + ")",
        List.of("Chỉ tiêu", "Giá trị", "Tử số / mẫu số", "Mục tiêu"), cells, national));
    return section(notes, figures, tables);
  }

  private static List<String> kpi(String label, Row r, String numerator, String denominator, String target) {
    long num = ((Number) r.getAs(numerator)).longValue();
    long den = ((Number) r.getAs(denominator)).longValue();
    return List.of(label, den == 0 ? "" : ReportContext.pct((double) num / den, 2),
        ReportContext.count(num) + " / " + ReportContext.count(den), target);
  }

  private static ReportSection section(List<String> notes, List<ReportFigure> figures, List<ReportTable> tables) {
    return new ReportSection(ID, "7. Hồ sơ đồng bộ lên Cổng DVCQG theo tháng",
        "Dossier-level history from the DVCQG feed, by month", notes, figures, tables);
  }
}
