package vn.dvcw.pipelines.refresh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.dvcw.core.CsvCells;
import vn.dvcw.core.calendar.WorkingCalendar;
import vn.dvcw.core.geo.Era;
import vn.dvcw.core.geo.LineageLink;
import vn.dvcw.core.geo.Province;
import vn.dvcw.core.geo.ProvinceDirectory;
import vn.dvcw.core.geo.ProvinceStatus;

/**
 * Rows of the reference tables, from the CSV files shipped with the warehouse (see
 * core/src/main/resources/reference/SOURCES.md for where each fact comes from).
 */
final class ReferenceTables {
  /** A row of ref.province. */
  record ProvinceRow(String provinceKey, String era, String code, String dvcqgCode, String name, String nameAscii,
      String unitType, LocalDate validFrom, LocalDate validTo) {}

  /** A row of ref.province_status. */
  record StatusRow(String era, String code, String provinceKey, String name, String unitType, LocalDate validFrom,
      LocalDate validTo, String source) {}

  /** A row of ref.province_lineage. */
  record LineageRow(String formerCode, String formerKey, String formerName, String currentCode, String currentKey,
      String currentName, LocalDate effectiveDate) {}

  /** A row of ref.calendar. */
  record CalendarRow(LocalDate date, boolean isWorkingDay, String kind, String name, String source) {}

  /** A row of ref.commune_indicator. */
  record CommuneIndicatorRow(String indicator, String label, String annex) {}

  /** A row of ref.source_cadence. */
  record SourceCadenceRow(String source, String sourceType, String label, Integer cadenceDays,
      Integer staleAfterDays, String basis) {}

  private ReferenceTables() {}

  /** One row per province per era; unit_type is the latest status within the era (it can change: 2026 cities). */
  static List<ProvinceRow> provinces(ProvinceDirectory dir, LocalDate today) {
    List<ProvinceRow> rows = new ArrayList<>();
    for (Province p : dir.provinces()) {
      LocalDate at = p.validTo() != null && p.validTo().isBefore(today) ? p.validTo() : today;
      String unitType = dir.statusOn(p.era(), p.code(), at).map(ProvinceStatus::unitType).orElse(p.unitType());
      String name = dir.statusOn(p.era(), p.code(), at).map(ProvinceStatus::name).orElse(p.name());
      rows.add(new ProvinceRow(p.provinceKey(), p.era().sqlName(), p.code(), p.dvcqgCode(), name, p.nameAscii(),
          unitType, p.validFrom(), p.validTo()));
    }
    return rows;
  }

  static List<StatusRow> statuses(ProvinceDirectory dir) {
    List<StatusRow> rows = new ArrayList<>();
    for (ProvinceStatus s : dir.statusHistory()) {
      rows.add(new StatusRow(s.era().sqlName(), s.code(), s.provinceKey(), s.name(), s.unitType(), s.validFrom(),
          s.validTo(), s.source()));
    }
    return rows;
  }

  static List<LineageRow> lineage(ProvinceDirectory dir) {
    List<LineageRow> rows = new ArrayList<>();
    for (LineageLink l : dir.lineage()) {
      String formerName = dir.byCode(Era.FORMER, l.formerCode()).map(Province::name).orElse(null);
      String currentName = dir.byCode(Era.CURRENT, l.currentCode()).map(Province::name).orElse(null);
      rows.add(new LineageRow(l.formerCode(), Province.key(Era.FORMER, l.formerCode()), formerName,
          l.currentCode(), Province.key(Era.CURRENT, l.currentCode()), currentName, l.effectiveDate()));
    }
    return rows;
  }

  static List<CalendarRow> calendar(WorkingCalendar calendar) {
    List<CalendarRow> rows = new ArrayList<>();
    for (WorkingCalendar.Day d : calendar.days()) {
      rows.add(new CalendarRow(d.date(), d.workingDay(), d.kind().code(),
          d.name().isEmpty() ? null : d.name(), d.source() == null || d.source().isEmpty() ? null : d.source()));
    }
    return rows;
  }

  /** Where the commune-readiness indicators and their labels are (core's reference files). */
  static final String COMMUNE_INDICATOR_CSV = "reference/commune_indicator.csv";

  /**
   * The commune-readiness indicators of the steering committee's daily report with the Vietnamese label the
   * views show: the coverage shares of Phụ lục 4 and the 16 basic criteria of Phụ lục 5. Labels are kept
   * byte for byte as the file has them (no normalisation): they are display text, not keys.
   *
   * @throws IllegalStateException if the file is missing, or a line does not have exactly three cells
   */
  static List<CommuneIndicatorRow> communeIndicators() {
    List<String> lines = resourceLines(COMMUNE_INDICATOR_CSV);
    if (lines.isEmpty() || !CsvCells.split(lines.get(0).strip()).equals(List.of("indicator", "label", "annex"))) {
      throw new IllegalStateException(COMMUNE_INDICATOR_CSV + " must start with the header indicator,label,annex");
    }
    List<CommuneIndicatorRow> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> cells = CsvCells.split(lines.get(i).strip());
      if (cells.size() != 3 || cells.stream().anyMatch(String::isBlank)) {
        throw new IllegalStateException(COMMUNE_INDICATOR_CSV + " line " + (i + 1)
            + ": expected indicator,label,annex, all non-empty: " + lines.get(i));
      }
      rows.add(new CommuneIndicatorRow(cells.get(0), cells.get(1), cells.get(2)));
    }
    return rows;
  }

  /** Where the expected cadence of each source is (core's reference files). */
  static final String SOURCE_CADENCE_CSV = "reference/source_cadence.csv";
  private static final List<String> SOURCE_CADENCE_HEADER =
      List.of("source", "source_type", "label", "cadence_days", "stale_after_days", "basis");

  /**
   * How often each source the warehouse reads is expected and after how many days without newer data it is stale
   * (analytics.freshness). Both day counts are empty for a source with no cadence (never stale), or both set with
   * the limit at least the cadence: a limit shorter than the cadence would alert on every on-time source.
   *
   * @throws IllegalStateException if the file is missing, or a line breaks those rules (the line is named)
   */
  static List<SourceCadenceRow> sourceCadence() {
    List<String> lines = resourceLines(SOURCE_CADENCE_CSV);
    if (lines.isEmpty() || !CsvCells.split(lines.get(0).strip()).equals(SOURCE_CADENCE_HEADER)) {
      throw new IllegalStateException(SOURCE_CADENCE_CSV + " must start with the header "
          + String.join(",", SOURCE_CADENCE_HEADER));
    }
    List<SourceCadenceRow> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> c = CsvCells.split(lines.get(i).strip());
      String where = SOURCE_CADENCE_CSV + " line " + (i + 1) + ": ";
      if (c.size() != SOURCE_CADENCE_HEADER.size() || c.get(0).isBlank() || c.get(1).isBlank()
          || c.get(2).isBlank() || c.get(5).isBlank()) {
        throw new IllegalStateException(where + "expected " + SOURCE_CADENCE_HEADER.size()
            + " cells with source, source_type, label and basis non-empty: " + lines.get(i));
      }
      Integer cadence = days(c.get(3), where);
      Integer limit = days(c.get(4), where);
      if ((cadence == null) != (limit == null) || (cadence != null && limit < cadence)) {
        throw new IllegalStateException(where + "cadence_days and stale_after_days are both empty, or both set "
            + "with stale_after_days >= cadence_days: " + lines.get(i));
      }
      rows.add(new SourceCadenceRow(c.get(0), c.get(1), c.get(2), cadence, limit, c.get(5)));
    }
    return rows;
  }

  private static Integer days(String cell, String where) {
    if (cell.isBlank()) {
      return null;
    }
    if (!cell.strip().matches("[1-9][0-9]{0,3}")) {
      throw new IllegalStateException(where + "a number of days (1 to 9999) expected, not '" + cell + "'");
    }
    return Integer.valueOf(cell.strip());
  }

  private static List<String> resourceLines(String path) {
    try (InputStream in = ReferenceTables.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing reference file " + path + " on the class path (dvcw-core)");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1).lines().toList() : text.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

}
