package vn.dvcw.app.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the report shows, before it becomes HTML: tests assert on this (chart id → series → values)
 * rather than scraping the page.
 */
public record ReportModel(Instant builtAt, String lakehouse, LakehouseVersion version, List<ReportSection> sections,
    Map<String, String> freshness) {

  /** A report without freshness lines (each page's line is then absent from the header). */
  public ReportModel(Instant builtAt, String lakehouse, LakehouseVersion version, List<ReportSection> sections) {
    this(builtAt, lakehouse, version, sections, Map.of());
  }

  /** The header's line saying how fresh page {@code sectionId}'s sources are, if it has one. */
  public Optional<String> freshness(String sectionId) {
    return Optional.ofNullable(freshness.get(sectionId));
  }

  public Optional<ReportSection> section(String id) {
    return sections.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<ReportFigure> figure(String id) {
    return sections.stream().flatMap(s -> s.figures().stream()).filter(f -> f.id().equals(id)).findFirst();
  }

  public Optional<ReportTable> table(String id) {
    return sections.stream().flatMap(s -> s.tables().stream()).filter(t -> t.id().equals(id)).findFirst();
  }

  public boolean usesSyntheticData() {
    return sections.stream().anyMatch(s -> s.figures().stream().anyMatch(ReportFigure::synthetic)
        || s.tables().stream().anyMatch(ReportTable::synthetic));
  }
}
