package vn.dvcw.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import vn.dvcw.charts.DossierCharts;
import vn.dvcw.charts.RowValues;

/** Page 3: overdue and late-received online dossiers per province (analytics.dossier_receipt, latest month). */
final class DossierPage {
  private DossierPage() {}

  static final String ID = "dossiers";

  static ReportSection build(ReportContext ctx) {
    // Today's map when the letter is on it (or re-based onto it); a letter only on the former map stays there.
    List<Row> rows = ctx.rows("dossier_receipt_latest_month", Map.of("source_kind", ReportContext.PUBLISHED_REPORTS));
    List<ReportFigure> figures = new ArrayList<>();
    List<ReportTable> tables = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (rows.isEmpty()) {
      notes.add("Chưa có công văn tháng về hồ sơ từ DVCQG / no monthly receipt letter loaded yet.");
    } else {
      Row ceiling = ctx.rows("kpi_threshold", Map.of("kpi", "overdue_rate")).get(0); // an aggregate: always one row
      Double max = ceiling.getAs("threshold") == null ? null : RowValues.number(ceiling, "threshold");
      figures.add(ctx.figure("dossier-overdue-late", DossierCharts.overdueAndLate(rows, max),
          "% hồ sơ trực tuyến từ DVCQG đã tiếp nhận và xử lý trong tháng", rows));
      List<List<String>> cells = new ArrayList<>();
      for (Row r : rows) {
        cells.add(List.of(RowValues.text(r, "province_name"),
            ReportContext.count(RowValues.count(r, "received_processed")),
            ReportContext.count(RowValues.count(r, "overdue_in_processing")),
            ReportContext.pct(RowValues.number(r, "overdue_share"), 2),
            ReportContext.count(RowValues.count(r, "received_late")),
            ReportContext.pct(RowValues.number(r, "received_late_share"), 2)));
      }
      tables.add(ctx.table("dossier-table", "Hồ sơ quá hạn và tiếp nhận muộn theo tỉnh, thành phố",
          List.of("Tỉnh, thành phố", "Đã tiếp nhận, xử lý", "Quá hạn đang xử lý", "Tỷ lệ quá hạn", "Tiếp nhận muộn",
              "Tỷ lệ tiếp nhận muộn"), cells, rows));
      notes.add("Tiếp nhận muộn: hồ sơ không được tiếp nhận trong 01 ngày làm việc (Điều 17-18 Nghị định "
          + "118/2025/NĐ-CP). Dấu '-' trong công văn được ghi là 0. / Late = not accepted within one working day.");
    }
    return new ReportSection(ID, "3. Hồ sơ quá hạn và tiếp nhận muộn", "Overdue and late-received dossiers",
        notes, figures, tables);
  }
}
