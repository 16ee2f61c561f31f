package vn.dvcw.charts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.spark.sql.Row;

/**
 * What a chart's rows say about themselves: the period they cover, the map they are on, the sources they name
 * and whether any of them is synthetic. Every chart states these, so they are derived from the rows drawn,
 * never typed by hand.
 */
public record Provenance(LocalDate periodStart, LocalDate periodEnd, String geography, List<String> sources,
    boolean synthetic) {

  public static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  /** The label synthetic data carries on every chart that uses it. */
  public static final String SYNTHETIC_LABEL = "DỮ LIỆU TỔNG HỢP (synthetic data)";

  /**
   * Reads period_start/period_end (or snapshot_date, as_of_date), geography and source/sources from rows.
   * A row whose source mentions 'synthetic' marks the whole chart as synthetic.
   */
  public static Provenance of(Collection<Row> rows) {
    LocalDate start = null;
    LocalDate end = null;
    TreeSet<String> geographies = new TreeSet<>();
    TreeSet<String> sources = new TreeSet<>();
    for (Row r : rows) {
      LocalDate s = firstDate(r, "period_start", "snapshot_date", "as_of_date");
      LocalDate e = firstDate(r, "period_end", "snapshot_date", "as_of_date");
      if (s != null && (start == null || s.isBefore(start))) {
        start = s;
      }
      if (e != null && (end == null || e.isAfter(end))) {
        end = e;
      }
      if (RowValues.hasColumn(r, "geography") && RowValues.text(r, "geography") != null) {
        geographies.add(RowValues.text(r, "geography"));
      }
      for (String col : List.of("source", "sources")) {
        if (RowValues.hasColumn(r, col) && RowValues.text(r, col) != null) {
          for (String one : RowValues.text(r, col).split(";\\s*")) {
            sources.add(one.strip());
          }
        }
      }
    }
    boolean synthetic = sources.stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).contains("synthetic"));
    String geography = geographies.isEmpty() ? "current" : String.join("+", geographies);
    return new Provenance(start, end, geography, List.copyOf(sources), synthetic);
  }

  private static LocalDate firstDate(Row r, String... columns) {
    for (String c : columns) {
      if (RowValues.hasColumn(r, c)) {
        return RowValues.date(r, c);
      }
    }
    return null;
  }

  /** "01/07/2025 – 09/08/2025", or one date when the period is a day or a snapshot. */
  public String period() {
    if (periodStart == null) {
      return "(không có số liệu / no data)";
    }
    return periodStart.equals(periodEnd) ? periodStart.format(VN_DATE)
        : periodStart.format(VN_DATE) + " – " + periodEnd.format(VN_DATE);
  }

  /** The map, in words a reader of a provincial report expects. */
  public String geographyLabel() {
    return switch (geography) {
      case "current" -> "34 tỉnh, thành phố (địa giới từ 01/7/2025)";
      case "former" -> "63 tỉnh, thành phố (địa giới trước 01/7/2025)";
      case "as_printed" -> "theo địa giới từng văn bản in / each document's own map";
      default -> "địa giới: " + geography;
    };
  }

  /** The chart title with the period, and the synthetic label first when it applies. */
  public String title(String subject) {
    return (synthetic ? "[" + SYNTHETIC_LABEL + "] " : "") + subject + ", " + period();
  }

  /** Footer lines for an image: period, geography, sources (as the rows name them), synthetic flag. */
  public List<String> footer(List<String> datedSources) {
    List<String> lines = new ArrayList<>();
    lines.add("Kỳ số liệu / period: " + period() + "   ·   Địa giới / geography: " + geographyLabel());
    lines.add("Nguồn / sources: " + String.join("; ", datedSources.isEmpty() ? sources : datedSources));
    if (synthetic) {
      lines.add(SYNTHETIC_LABEL + ": không phải số liệu chính thức / not official figures");
    }
    return lines;
  }
}
