package vn.dvcw.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import vn.dvcw.charts.ReadinessCharts;

/**
 * Page 5: the steering committee's commune readiness as heat maps (analytics.commune_readiness, latest report
 * date): green/yellow/red coverage, and the 16 basic criteria.
 */
final class ReadinessPage {
  private ReadinessPage() {}

  static final String ID = "readiness";

  static ReportSection build(ReportContext ctx) {
    List<Row> coverage = ctx.rows("commune_readiness_latest", Map.of("basic_criteria", false));
    List<Row> criteria = ctx.rows("commune_readiness_latest", Map.of("basic_criteria", true));
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
