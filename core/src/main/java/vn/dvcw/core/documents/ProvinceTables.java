package vn.dvcw.core.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns per-province tables into observations and checks them: each printed total against the sum of its
 * rows, each printed rate against its counts, each printed whole against its parts.
 */
final class ProvinceTables {
  /** Status words a percentage cell may hold instead of a number. */
  private static final Set<String> STATUS_WORDS = Set.of("da hoan thanh");

  private ProvinceTables() {}

  /**
   * Loads a letter table. A row with a cell that is not a number goes whole to quarantine: no partial rows.
   */
  static void load(ParsedDocument out, String tableId, String title, LetterTable table, ColumnMap cols,
      String level, LocalDate start, LocalDate end) {
    int provinceIdx = cols.index("province").orElseThrow();
    int rowNo = 0;
    for (LetterTable.Row row : table.rows()) {
      rowNo++;
      out.add(new RawRow(tableId, title, rowNo, row.lineNo(), row.raw(), row.cells(),
          row.total() ? RawRow.Kind.TOTAL : RawRow.Kind.DATA));
      // On the total row the label takes the STT and name columns: values sit one column to the left.
      int shift = row.total() && row.cells().size() < table.headers().size() ? 1 : 0;
      String province = row.total() ? null : row.cells().get(provinceIdx);
      List<Observation> obs = new ArrayList<>();
      String error = null;
      for (var e : cols.measures().entrySet()) {
        if (e.getKey().equals("province")) {
          continue;
        }
        int idx = e.getValue() - shift;
        String cell = idx < row.cells().size() ? row.cells().get(idx) : "";
        try {
          obs.add(observation(tableId, rowNo, row, province, level, start, end, e.getKey(), cols.unit(e.getKey()),
              cell));
        } catch (NumberFormatException ex) {
          error = "column '" + e.getKey() + "': " + ex.getMessage();
          break;
        }
      }
      if (error != null) {
        out.add(new Problem(tableId, row.lineNo(), row.raw(), "row not loaded, " + error));
      } else {
        obs.forEach(out::add);
      }
    }
    for (String gap : table.gaps()) {
      out.add(new Finding(tableId, "row_numbering", "rows", "table", null, null, null, "missing_rows",
          gap + " in the document's numbering", null));
    }
    for (LetterTable.Rejected r : table.rejected()) {
      out.add(new Problem(tableId, r.lineNo(), r.raw(), r.reason()));
    }
  }

  static Observation observation(String tableId, int rowNo, LetterTable.Row row, String province, String level,
      LocalDate start, LocalDate end, String measure, String unit, String cell) {
    BigDecimal value;
    String label = null;
    if (unit.equals("percent")) {
      if (STATUS_WORDS.contains(Text.fold(cell))) {
        value = null;
        label = cell;
      } else {
        value = VietnameseNumbers.decimal(cell);
      }
    } else {
      value = BigDecimal.valueOf(VietnameseNumbers.count(cell));
      if (VietnameseNumbers.isNone(cell)) {
        label = "none (printed '" + cell + "')";
      }
    }
    return new Observation(tableId, rowNo, row.lineNo(), row.raw(), province, level, start, end, measure, value,
        cell, unit, row.total(), label);
  }

  /** Compares each measure's printed total with the sum of the data rows. */
  static void reconcileSums(ParsedDocument out, String tableId, LetterTable table, ColumnMap cols,
      List<String> measures) {
    for (String measure : measures) {
      reconcileSum(out, tableId, measure, null);
    }
  }

  /** One total check for a measure (and level, when the table has several). */
  static void reconcileSum(ParsedDocument out, String tableId, String measure, String level) {
    List<Observation> all = out.observations().stream()
        .filter(o -> o.tableId().equals(tableId) && o.measure().equals(measure)
            && (level == null || level.equals(o.level())) && o.value() != null)
        .toList();
    Observation total = all.stream().filter(Observation::total).findFirst().orElse(null);
    if (total == null) {
      return;
    }
    BigDecimal sum = all.stream().filter(o -> !o.total()).map(Observation::value).reduce(BigDecimal.ZERO,
        BigDecimal::add);
    out.add(Checks.count(tableId, "total_vs_rows", measure, level == null ? "total row" : "total row, " + level,
        total.value().longValueExact(), sum.longValueExact(), "printed total vs sum of " +
            all.stream().filter(o -> !o.total()).count() + " rows", total.lineNo()));
  }

  /** Checks rate = 100 × numerator / denominator on every row (total row included) of a table. */
  static void reconcileRates(ParsedDocument out, String tableId, String rate, String numerator,
      String denominator) {
    Map<String, Map<String, Observation>> byRow = byRowAndLevel(out, tableId);
    for (var row : byRow.entrySet()) {
      Map<String, Observation> m = row.getValue();
      Observation r = m.get(rate);
      Observation n = m.get(numerator);
      Observation d = m.get(denominator);
      if (r == null || n == null || d == null || r.value() == null) {
        continue;
      }
      String scope = (r.total() ? "total" : r.provinceRaw()) + (r.level() != null ? ", " + r.level() : "");
      out.add(Checks.percent(tableId, "rate_vs_counts", rate, scope, r.value(), n.value().longValueExact(),
          d.value().longValueExact(), numerator + "/" + denominator, r.lineNo()));
    }
  }

  /** Checks whole = sum of parts on every row, e.g. total = direct + online. */
  static void reconcileParts(ParsedDocument out, String tableId, String whole, List<String> parts) {
    for (var row : byRowAndLevel(out, tableId).entrySet()) {
      Map<String, Observation> m = row.getValue();
      Observation w = m.get(whole);
      if (w == null || parts.stream().anyMatch(p -> m.get(p) == null)) {
        continue;
      }
      long sum = parts.stream().mapToLong(p -> m.get(p).value().longValueExact()).sum();
      String scope = (w.total() ? "total" : w.provinceRaw()) + (w.level() != null ? ", " + w.level() : "");
      out.add(Checks.count(tableId, "whole_vs_parts", whole, scope, w.value().longValueExact(), sum,
          whole + " vs " + String.join(" + ", parts), w.lineNo()));
    }
  }

  /** Observations of a table grouped by "rowNo|level", then by measure. */
  static Map<String, Map<String, Observation>> byRowAndLevel(ParsedDocument out, String tableId) {
    Map<String, Map<String, Observation>> byRow = new LinkedHashMap<>();
    for (Observation o : out.observations()) {
      if (o.tableId().equals(tableId)) {
        byRow.computeIfAbsent(o.rowNo() + "|" + o.level(), k -> new LinkedHashMap<>()).put(o.measure(), o);
      }
    }
    return byRow;
  }
}
