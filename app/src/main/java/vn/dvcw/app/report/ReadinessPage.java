package vn.dvcw.app.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import vn.dvcw.charts.ReadinessCharts;

/**
 * Page 5: the steering committee's commune readiness as heat maps (analytics.commune_readiness, latest report
 * date): green/yellow/red coverage, and the 16 basic criteria.
 */
final class ReadinessPage {
  private ReadinessPage() {}

  static final String ID = "readiness";
  private static final String ORDER = "CASE indicator WHEN 'green_share' THEN 0 WHEN 'yellow_share' THEN 1 "
      + "WHEN 'red_share' THEN 2 WHEN 'reported_share' THEN 3 ELSE 4 END, indicator, province_code";

  static ReportSection build(ReportContext ctx) {
    String latest = "as_of_date = (SELECT max(as_of_date) FROM analytics.commune_readiness)";
    List<Row> coverage = ctx.rows("SELECT * FROM analytics.commune_readiness WHERE " + latest
        + " AND indicator NOT LIKE 'crit\\_%' ORDER BY " + ORDER);
    List<Row> criteria = ctx.rows("SELECT * FROM analytics.commune_readiness WHERE " + latest
        + " AND indicator LIKE 'crit\\_%' ORDER BY " + ORDER);
    List<ReportFigure> figures = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    String units = "% số xã, phường, đặc khu của tỉnh";
    if (!coverage.isEmpty()) {
      figures.add(ctx.figure("readiness-coverage",
          ReadinessCharts.heatMap(coverage, "Mức độ sẵn sàng của cấp xã: tỷ lệ xã XANH / VÀNG / ĐỎ và đã báo cáo"),
          units, coverage));
    }
    if (!criteria.isEmpty()) {
      figures.add(ctx.figure("readiness-criteria",
          ReadinessCharts.heatMap(criteria, "Tỷ lệ xã đáp ứng 16 tiêu chí cơ bản"), units, criteria));
      long withCoverage = coverage.stream().map(r -> r.getAs("province_code")).distinct().count();
      long withCriteria = criteria.stream().map(r -> r.getAs("province_code")).distinct().count();
      if (withCriteria < withCoverage) {
        notes.add(String.format("Báo cáo chỉ in tiêu chí của %d/%d tỉnh; ô trống là tỉnh không có số liệu (xem mục "
            + "6). / Criteria printed for %d of %d provinces; empty cells have no figure.", withCriteria, withCoverage,
            withCriteria, withCoverage));
      }
    }
    if (figures.isEmpty()) {
      notes.add("Chưa có báo cáo ngày của Ban Chỉ đạo / no steering committee report loaded yet.");
    }
    return new ReportSection(ID, "5. Mức độ sẵn sàng của cấp xã (Ban Chỉ đạo)",
        "Commune readiness (steering committee), heat map", notes, figures, List.of());
  }
}
