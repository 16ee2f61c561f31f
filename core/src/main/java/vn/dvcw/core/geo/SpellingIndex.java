package vn.dvcw.core.geo;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every accepted spelling of every province, keyed by {@link ProvinceNames#key}: official names,
 * historical names from the status file and aliases. Lookups are exact on the key; there is no
 * edit-distance guessing.
 */
final class SpellingIndex implements Serializable {

  private static final long serialVersionUID = 1L;

  enum Kind {
    OFFICIAL("official name"),
    HISTORICAL("historical name"),
    ALIAS("alias");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** One spelling; {@code from}/{@code to} narrow the province's own validity (null = no limit). */
  record Spelling(String key, Province province, Kind kind, String written, LocalDate from,
      LocalDate to, String note) implements Serializable {

    boolean validOn(LocalDate date) {
      return province.validOn(date)
          && (from == null || !date.isBefore(from))
          && (to == null || !date.isAfter(to));
    }

    String describe() {
      String text = kind.label + " '" + written + "'";
      if (from != null || to != null) {
        text += " (valid " + (from == null ? "" : from) + ".." + (to == null ? "" : to) + ")";
      }
      return text;
    }
  }

  private final Map<String, List<Spelling>> byKey;

  SpellingIndex(ProvinceDirectory directory) {
    Map<String, List<Spelling>> map = new HashMap<>();
    for (Province p : directory.provinces()) {
      add(map, new Spelling(ProvinceNames.key(p.name()), p, Kind.OFFICIAL, p.name(), null, null,
          null));
    }
    for (ProvinceStatus s : directory.statusHistory()) {
      Province p = directory.byCode(s.era(), s.code()).orElseThrow();
      add(map, new Spelling(ProvinceNames.key(s.name()), p, Kind.HISTORICAL, s.name(),
          s.validFrom(), s.validTo(), s.source()));
    }
    for (ProvinceAlias a : directory.aliases()) {
      Province p = directory.byCode(a.era(), a.code()).orElseThrow();
      add(map, new Spelling(ProvinceNames.key(a.alias()), p, Kind.ALIAS, a.alias(), a.validFrom(),
          a.validTo(), a.note()));
    }
    Map<String, List<Spelling>> frozen = new HashMap<>();
    map.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    this.byKey = Map.copyOf(frozen);
  }

  private static void add(Map<String, List<Spelling>> map, Spelling s) {
    map.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s);
  }

  /** Returns the spellings of {@code era} with this key, whatever their dates. */
  List<Spelling> lookup(String key, Era era) {
    return byKey.getOrDefault(key, List.of()).stream()
        .filter(s -> s.province().era() == era)
        .toList();
  }
}
