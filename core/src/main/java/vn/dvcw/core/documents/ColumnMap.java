package vn.dvcw.core.documents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a table's printed headers to the warehouse's measures by keywords, so that a header with a typo
 * ("Thực tuyển" for "Trực tuyến") or columns in another order still load, and a column nobody knows is
 * reported instead of guessed. Keywords are matched on folded text (no diacritics, lower case).
 */
public final class ColumnMap {
  /** A measure and the folded keywords, any of which identifies its header. */
  public record Rule(String measure, String unit, List<String> keywords) {
    public static Rule of(String measure, String unit, String... keywords) {
      return new Rule(measure, unit, List.of(keywords));
    }
  }

  private final Map<String, Integer> indexByMeasure = new LinkedHashMap<>();
  private final Map<String, String> unitByMeasure = new LinkedHashMap<>();
  private final List<String> unmatched;

  private ColumnMap(List<String> headers, List<Rule> rules, int firstColumn) {
    List<String> misses = new java.util.ArrayList<>();
    for (int i = firstColumn; i < headers.size(); i++) {
      String folded = Text.fold(headers.get(i));
      Optional<Rule> rule = rules.stream()
          .filter(r -> !indexByMeasure.containsKey(r.measure()))
          .filter(r -> r.keywords().stream().anyMatch(k -> matches(folded, k)))
          .findFirst();
      if (rule.isPresent()) {
        indexByMeasure.put(rule.get().measure(), i);
        unitByMeasure.put(rule.get().measure(), rule.get().unit());
      } else if (!folded.isEmpty()) {
        misses.add(headers.get(i));
      }
    }
    this.unmatched = List.copyOf(misses);
  }

  /** A keyword matches when the folded header contains it; "=word" must equal the whole header. */
  private static boolean matches(String foldedHeader, String keyword) {
    return keyword.startsWith("=") ? foldedHeader.equals(keyword.substring(1)) : foldedHeader.contains(keyword);
  }

  /** Maps headers from {@code firstColumn} on (0 is usually the STT column). */
  public static ColumnMap of(List<String> headers, List<Rule> rules, int firstColumn) {
    return new ColumnMap(headers, rules, firstColumn);
  }

  public Optional<Integer> index(String measure) {
    return Optional.ofNullable(indexByMeasure.get(measure));
  }

  public Map<String, Integer> measures() {
    return indexByMeasure;
  }

  public String unit(String measure) {
    return unitByMeasure.get(measure);
  }

  /** Headers no rule recognised. */
  public List<String> unmatched() {
    return unmatched;
  }
}
