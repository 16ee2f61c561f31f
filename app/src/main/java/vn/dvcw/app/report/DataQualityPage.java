package vn.dvcw.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import vn.dvcw.charts.DataQualityCharts;
import vn.dvcw.charts.RowValues;

/**
 * Page 6: how far the figures can be trusted: every reconciliation check by result per document
 * (analytics.reconciliation), the findings themselves, and the inputs held in quarantine (ops.quarantine).
 */
final class DataQualityPage {
  private DataQualityPage() {}

  static final String ID = "data-quality";
  /** Raw text of a quarantined line, cut so one bad binary file cannot swamp the page. */
  private static final int RAW_TEXT_CHARS = 160;

  static ReportSection build(ReportContext ctx) {
    List<ReportFigure> figures = new ArrayList<>();
    List<ReportTable> tables = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    // Checks are per document, on whichever map it prints: the period is the documents' own, the source each one.
    List<Row> counts = ctx.rows("reconciliation_checks_by_status", Map.of());
    long matches = counts.stream().filter(r -> "match".equals(RowValues.text(r, "status")))
        .mapToLong(r -> RowValues.count(r, "checks")).sum();
    // Matches outnumber findings a hundred to one: on one scale they would hide them, so they are counted in words.
    List<Row> findingCounts = counts.stream().filter(r -> !"match".equals(RowValues.text(r, "status"))).toList();
    if (counts.isEmpty()) {
      notes.add("Chưa có phép đối soát nào / no reconciliation checks yet.");
    } else {
      notes.add(String.format("%d phép kiểm khớp hoàn toàn; %d phát hiện khác dưới đây. / %d checks match; %d "
          + "findings below.", matches, count(findingCounts), matches, count(findingCounts)));
    }
    if (!findingCounts.isEmpty()) {
      figures.add(ctx.figure("reconciliation-status", DataQualityCharts.reconciliationStatus(findingCounts),
          "số phát hiện (tổng in trong văn bản, tỷ lệ, số liệu trong lời văn so với các dòng)", findingCounts));
    }
    List<Row> findings = ctx.rows("reconciliation_findings", Map.of());
    List<List<String>> cells = new ArrayList<>();
    for (Row r : findings) {
      cells.add(List.of(RowValues.text(r, "status"), RowValues.text(r, "document"),
          RowValues.text(r, "table_id") + " · " + RowValues.text(r, "check"),
          nz(RowValues.text(r, "measure")) + " [" + nz(RowValues.text(r, "scope")) + "]",
          nz(RowValues.text(r, "published_value")), nz(RowValues.text(r, "computed_value")),
          Boolean.TRUE.equals(r.getAs("acknowledged")) ? "đã ghi nhận" : "MỚI"));
    }
    tables.add(ctx.table("reconciliation-findings", "Phát hiện đối soát (mọi kết quả khác 'match') / findings",
        List.of("Kết quả", "Văn bản", "Bảng · phép kiểm", "Chỉ số [phạm vi]", "Số in", "Số tính lại", "Trạng thái"),
        cells, findings));
    List<Row> quarantine = ctx.spark().catalog().tableExists("ops.quarantine")
        ? ctx.rows("quarantined_inputs", Map.of()) : List.of();
    List<List<String>> qcells = new ArrayList<>();
    for (Row r : quarantine) {
      String raw = nz(RowValues.text(r, "raw_text"));
      qcells.add(List.of(nz(RowValues.text(r, "stage")), nz(RowValues.text(r, "file_path")),
          nz(RowValues.text(r, "table_id")) + (r.isNullAt(r.fieldIndex("line_no")) ? "" : " dòng " + r.getAs("line_no")),
          nz(RowValues.text(r, "reason")), raw.length() > RAW_TEXT_CHARS ? raw.substring(0, RAW_TEXT_CHARS) + "…" : raw,
          nz(RowValues.text(r, "first_run_id"))));
    }
    tables.add(ctx.table("quarantine", "Đầu vào bị cách ly / quarantined inputs",
        List.of("Bước", "Tệp", "Bảng, dòng", "Lý do", "Nội dung gốc", "Lần chạy"), qcells, quarantine));
    if (quarantine.isEmpty()) {
      notes.add("Không có đầu vào nào bị cách ly / no quarantined inputs.");
    }
    notes.add("Số liệu sai lệch được hiển thị nguyên trạng, không sửa. / Mismatches are shown, never corrected.");
    return new ReportSection(ID, "6. Chất lượng dữ liệu: đối soát và cách ly",
        "Data quality: reconciliation findings and quarantined inputs", notes, figures, tables);
  }

  private static long count(List<Row> counts) {
    return counts.stream().mapToLong(r -> RowValues.count(r, "checks")).sum();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
