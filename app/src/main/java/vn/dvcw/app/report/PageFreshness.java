package vn.dvcw.app.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.dvcw.charts.Provenance;
import vn.dvcw.charts.RowValues;

/**
 * The report header's line per page saying how fresh that page's sources are: the sources its charts and tables
 * cite (through {@link SourceCatalog}), each with the date its latest figures are about, their age and whether
 * that is past the source's limit, as analytics.freshness has them. A reader sees a stale page before reading it.
 */
final class PageFreshness {
  /** A row of analytics.freshness (report model source_freshness). */
  private record Source(String source, String label, LocalDate latestDataDate, String latestSnapshot,
      Integer ageDays, Integer staleAfterDays, String status) {}

  private final Map<String, Source> bySource = new LinkedHashMap<>();
  private final SourceCatalog catalog;

  PageFreshness(SparkSession spark, SourceCatalog catalog) {
    this.catalog = catalog;
    for (Row r : ReportQueries.run(spark, "source_freshness", Map.of()).collectAsList()) {
      Source s = new Source(RowValues.text(r, "source"), RowValues.text(r, "label"),
          RowValues.date(r, "latest_data_date"), RowValues.text(r, "latest_snapshot"), r.getAs("age_days"),
          r.getAs("stale_after_days"), RowValues.text(r, "status"));
      bySource.put(s.source(), s);
    }
  }

  /** Each section's line, by section id, in page order. */
  Map<String, String> lines(List<ReportSection> sections) {
    Map<String, String> out = new LinkedHashMap<>();
    for (ReportSection s : sections) {
      List<String> cited = Stream.concat(s.figures().stream().flatMap(f -> f.sources().stream()),
          s.tables().stream().flatMap(t -> t.sources().stream())).toList();
      out.put(s.id(), line(catalog.freshnessSources(cited)));
    }
    return out;
  }

  /** "7260/VPCP-KSTT: số liệu đến 31/07/2025, 490 ngày, quá hạn (giới hạn 62 ngày) / stale; …" */
  String line(Set<String> sources) {
    List<String> parts = new ArrayList<>();
    for (String key : sources) {
      Source s = bySource.get(key);
      if (s == null || s.latestDataDate() == null) {
        continue; // a cited source always has figures; one the view does not date says nothing about age
      }
      String name = s.latestSnapshot() != null && !s.source().equals("dossier_feed") ? s.latestSnapshot() : s.label();
      StringBuilder b = new StringBuilder(name).append(": số liệu đến ")
          .append(s.latestDataDate().format(Provenance.VN_DATE));
      if (s.ageDays() != null) {
        b.append(", ").append(s.ageDays()).append(" ngày / days");
      }
      b.append(switch (s.status()) {
        case "stale" -> ", QUÁ HẠN / STALE (giới hạn / limit " + s.staleAfterDays() + " ngày)";
        case "fresh" -> ", còn mới / fresh (giới hạn / limit " + s.staleAfterDays() + " ngày)";
        default -> ""; // untracked: no cadence to compare with
      });
      parts.add(b.toString());
    }
    return parts.isEmpty() ? "không dẫn nguồn có ngày / no dated source cited" : String.join("; ", parts);
  }
}
