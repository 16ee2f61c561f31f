package vn.dvcw.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import vn.dvcw.charts.IntegrationCharts;
import vn.dvcw.charts.RowValues;

/**
 * Page 2: online services integrated on DVCQG per current province, rolled up from the former provinces the
 * letters report on (analytics.integration_progress, latest snapshot), against 100%.
 */
final class IntegrationPage {
  private IntegrationPage() {}

  static final String ID = "integration";

  static ReportSection build(ReportContext ctx) {
    List<Row> rows = ctx.rows("integration_latest_snapshot", Map.of());
    List<ReportFigure> figures = new ArrayList<>();
    List<ReportTable> tables = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (rows.isEmpty()) {
      notes.add("Chưa có số liệu tích hợp / no integration figures loaded yet.");
    } else {
      figures.add(ctx.figure("integration-ranked", IntegrationCharts.ranked(rows),
          "% số dịch vụ công trực tuyến của tỉnh đã tích hợp, cung cấp trên DVCQG", rows));
      List<List<String>> cells = new ArrayList<>();
      for (Row r : rows) {
        cells.add(List.of(RowValues.text(r, "province_name"), ReportContext.count(RowValues.count(r, "services_provided")),
            ReportContext.count(RowValues.count(r, "services_integrated")),
            ReportContext.count(RowValues.count(r, "services_remaining")),
            ReportContext.pct(RowValues.number(r, "integrated_share"), 2),
            String.valueOf(RowValues.count(r, "former_parts"))));
      }
      tables.add(ctx.table("integration-table", "Số dịch vụ công trực tuyến đã tích hợp, cộng từ các tỉnh cũ",
          List.of("Tỉnh, thành phố", "DVC trực tuyến", "Đã tích hợp", "Còn lại", "Tỷ lệ đã tích hợp", "Số tỉnh cũ"),
          cells, rows));
      notes.add("Công văn của VPCP báo cáo theo 63 tỉnh cũ; số liệu được cộng theo địa giới mới rồi tính lại tỷ lệ "
          + "(không lấy trung bình các tỷ lệ). / Former-province counts summed onto today's provinces, shares recomputed.");
    }
    return new ReportSection(ID, "2. Tích hợp dịch vụ công trực tuyến trên Cổng DVCQG",
        "Online services integrated on the National Public Service Portal (target 100%)", notes, figures, tables);
  }
}
