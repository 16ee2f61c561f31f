package vn.dvcw.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import vn.dvcw.charts.OnlineRateCharts;
import vn.dvcw.charts.RowValues;

/**
 * Page 1: online submission rate on today's 34 provinces (analytics.online_rate_trend, level 'all'): the latest
 * period ranked against the 70% target, and the trend per period kind with the reorganisation marked.
 */
final class OnlineRatePage {
  private OnlineRatePage() {}

  static final String ID = "online-rate";
  static final String UNITS = "% hồ sơ nộp trực tuyến trên tổng số hồ sơ (trực tiếp + trực tuyến), mọi cấp";
  /** How many of the lowest provinces the trend follows beside the national line: more turns it into noise. */
  static final int TREND_PROVINCES = 5;

  static ReportSection build(ReportContext ctx) {
    List<ReportFigure> figures = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    // The latest period: the latest end date, and of those the longest span (the cumulative figure a report cites).
    List<Row> latest = ctx.rows("online_rate_latest_period", Map.of("source_kind", ReportContext.PUBLISHED_REPORTS));
    if (latest.isEmpty()) {
      notes.add("Chưa có số liệu tỷ lệ hồ sơ trực tuyến / no online-rate figures loaded yet.");
      return section(notes, figures);
    }
    figures.add(ctx.figure("online-rate-ranked", OnlineRateCharts.ranked(latest), UNITS, latest));
    List<String> lowest = latest.stream()
        .sorted(java.util.Comparator.comparingDouble((Row r) -> RowValues.number(r, "online_rate")))
        .limit(TREND_PROVINCES).map(r -> RowValues.text(r, "province_code")).toList();
    long below = latest.stream().filter(r -> Boolean.FALSE.equals(r.getAs("meets_target"))).count();
    notes.add(String.format("%d/%d tỉnh, thành phố chưa đạt mục tiêu trong kỳ gần nhất; diễn biến theo dõi cả nước "
        + "và %d tỉnh thấp nhất. / %d of %d provinces below target in the latest period.", below, latest.size(),
        lowest.size(), below, latest.size()));
    for (String kind : List.of("span", "day")) {
      List<Row> trend = ctx.rows("online_rate_trend_series",
          Map.of("source_kind", ReportContext.PUBLISHED_REPORTS, "period_kind", kind));
      if (!trend.isEmpty()) {
        figures.add(ctx.figure("online-rate-trend-" + kind, OnlineRateCharts.trend(trend, lowest),
            UNITS + (kind.equals("day") ? "; số liệu trong ngày" : "; số liệu lũy kế theo kỳ"), trend));
      }
    }
    notes.add("Mỗi điểm của biểu đồ diễn biến là một kỳ số liệu, đặt tại ngày cuối kỳ; kỳ lũy kế và số liệu trong "
        + "ngày vẽ riêng. Số liệu trước 01/7/2025 được cộng theo địa giới mới. / Each point is one period at its last "
        + "day; former-map figures are re-based onto the 34 provinces.");
    return section(notes, figures);
  }

  private static ReportSection section(List<String> notes, List<ReportFigure> figures) {
    return new ReportSection(ID, "1. Tỷ lệ hồ sơ nộp trực tuyến theo tỉnh, thành phố",
        "Online submission rate per province (target 70%)", notes, figures, List.of());
  }
}
