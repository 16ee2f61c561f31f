package vn.dvcw.pipelines.refresh;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.dvcw.core.calendar.WorkingCalendar;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import vn.dvcw.core.geo.Era;
import vn.dvcw.core.geo.LineageLink;
import vn.dvcw.core.geo.Province;
import vn.dvcw.core.geo.ProvinceDirectory;
import vn.dvcw.core.geo.ProvinceStatus;

/**
 * Rows of the reference tables, from the CSV files shipped with the warehouse (see
 * warehouse/src/main/resources/reference/SOURCES.md for where each fact comes from).
 */
final class ReferenceTables {
  private ReferenceTables() {}

  /** One row per province per era; unit_type is the latest status within the era (it can change: 2026 cities). */
  static List<Row> provinces(ProvinceDirectory dir, LocalDate today) {
    List<Row> rows = new ArrayList<>();
    for (Province p : dir.provinces()) {
      LocalDate at = p.validTo() != null && p.validTo().isBefore(today) ? p.validTo() : today;
      String unitType = dir.statusOn(p.era(), p.code(), at).map(ProvinceStatus::unitType).orElse(p.unitType());
      String name = dir.statusOn(p.era(), p.code(), at).map(ProvinceStatus::name).orElse(p.name());
      rows.add(RowFactory.create(p.provinceKey(), p.era().sqlName(), p.code(), p.dvcqgCode(), name, p.nameAscii(),
          unitType, date(p.validFrom()), date(p.validTo())));
    }
    return rows;
  }

  static List<Row> statuses(ProvinceDirectory dir) {
    List<Row> rows = new ArrayList<>();
    for (ProvinceStatus s : dir.statusHistory()) {
      rows.add(RowFactory.create(s.era().sqlName(), s.code(), s.provinceKey(), s.name(), s.unitType(),
          date(s.validFrom()), date(s.validTo()), s.source()));
    }
    return rows;
  }

  static List<Row> lineage(ProvinceDirectory dir) {
    List<Row> rows = new ArrayList<>();
    for (LineageLink l : dir.lineage()) {
      String formerName = dir.byCode(Era.FORMER, l.formerCode()).map(Province::name).orElse(null);
      String currentName = dir.byCode(Era.CURRENT, l.currentCode()).map(Province::name).orElse(null);
      rows.add(RowFactory.create(l.formerCode(), Province.key(Era.FORMER, l.formerCode()), formerName,
          l.currentCode(), Province.key(Era.CURRENT, l.currentCode()), currentName, date(l.effectiveDate())));
    }
    return rows;
  }

  static List<Row> calendar(WorkingCalendar calendar) {
    List<Row> rows = new ArrayList<>();
    for (WorkingCalendar.Day d : calendar.days()) {
      rows.add(RowFactory.create(date(d.date()), d.workingDay(), d.kind().code(),
          d.name().isEmpty() ? null : d.name(), d.source() == null || d.source().isEmpty() ? null : d.source()));
    }
    return rows;
  }

  static Date date(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }
}
