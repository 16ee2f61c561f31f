package vn.dvcw.core.geo;

import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The province dimension: the 63 former and 34 current provinces, the 2025 lineage between them, the
 * name/unit-type history of each and the spelling aliases. Immutable and serialisable, so it can be
 * shipped to Spark executors.
 *
 * <p>Loaded from the class path folder {@code /reference/}: {@code province_former.csv},
 * {@code province_current.csv}, {@code province_lineage.csv} (required), {@code province_status.csv}
 * and {@code province_alias.csv} (optional). Columns are found by header; missing
 * {@code valid_from}/{@code valid_to}/{@code dvcqg_code} default to 2008-08-01 / 2025-06-30 / null for
 * former provinces and 2025-07-01 / null / null for current ones.
 */
public final class ProvinceDirectory implements Serializable {

  private static final long serialVersionUID = 1L;
  private static volatile ProvinceDirectory classpathInstance;

  private final List<Province> provinces;
  private final Map<String, Province> byKey;
  private final List<LineageLink> lineage;
  private final Map<String, LineageLink> lineageByFormer;
  private final List<ProvinceStatus> statusHistory;
  private final List<ProvinceAlias> aliases;

  ProvinceDirectory(
      List<Province> provinces,
      List<LineageLink> lineage,
      List<ProvinceStatus> statusHistory,
      List<ProvinceAlias> aliases) {
    this.provinces = List.copyOf(provinces);
    Map<String, Province> keys = new LinkedHashMap<>();
    provinces.forEach(p -> keys.put(p.provinceKey(), p));
    this.byKey = Map.copyOf(keys);
    this.lineage = List.copyOf(lineage);
    Map<String, LineageLink> links = new LinkedHashMap<>();
    lineage.forEach(l -> links.put(l.formerCode(), l));
    this.lineageByFormer = Map.copyOf(links);
    this.statusHistory = List.copyOf(statusHistory);
    this.aliases = List.copyOf(aliases);
  }

  /**
   * Returns the directory loaded from {@code /reference/} on the class path, loading and validating it
   * on first use and caching it afterwards.
   *
   * @throws IllegalStateException if a file is missing or invalid (the message names the bad row):
   *     not 63 former or 34 current provinces, a duplicate or malformed code, a former province absent
   *     from or repeated in the lineage, a lineage/status/alias row naming an unknown code
   */
  public static ProvinceDirectory fromClasspath() {
    ProvinceDirectory d = classpathInstance;
    if (d == null) {
      synchronized (ProvinceDirectory.class) {
        d = classpathInstance;
        if (d == null) {
          d = load(file -> ProvinceDirectory.class.getResourceAsStream("/reference/" + file));
          classpathInstance = d;
        }
      }
    }
    return d;
  }

  /**
   * Returns a directory read from files supplied by {@code opener} (file name such as
   * "province_former.csv" → stream, or null if the file does not exist). Not cached.
   *
   * @throws IllegalStateException as for {@link #fromClasspath()}
   */
  public static ProvinceDirectory load(Function<String, InputStream> opener) {
    return new ProvinceDirectoryLoader(opener).load();
  }

  /** Returns all 97 provinces, former first, each era in file order. */
  public List<Province> provinces() {
    return provinces;
  }

  /** Returns the provinces of {@code era} (63 former or 34 current), in file order. */
  public List<Province> provinces(Era era) {
    return provinces.stream().filter(p -> p.era() == era).toList();
  }

  /** Returns the province with two-digit {@code code} in {@code era}, or empty if there is none. */
  public Optional<Province> byCode(Era era, String code) {
    return code == null ? Optional.empty() : byKey(Province.key(era, code.strip()));
  }

  /** Returns the province with key {@code provinceKey} (e.g. "F15"), or empty if there is none. */
  public Optional<Province> byKey(String provinceKey) {
    return provinceKey == null ? Optional.empty() : Optional.ofNullable(byKey.get(provinceKey));
  }

  /**
   * Returns the province of {@code era} whose DVCQG code is {@code dvcqgCode} ("H56", any case), or
   * empty if none (also when the dvcqg_code column is not filled).
   */
  public Optional<Province> byDvcqgCode(Era era, String dvcqgCode) {
    if (dvcqgCode == null) {
      return Optional.empty();
    }
    return provinces.stream()
        .filter(p -> p.era() == era && dvcqgCode.strip().equalsIgnoreCase(p.dvcqgCode()))
        .findFirst();
  }

  /** Returns true if at least one province of {@code era} has a DVCQG code. */
  public boolean hasDvcqgCodes(Era era) {
    return provinces.stream().anyMatch(p -> p.era() == era && p.dvcqgCode() != null);
  }

  /** Returns the 63 lineage links, one per former province, in file order. */
  public List<LineageLink> lineage() {
    return lineage;
  }

  /** Returns the lineage link of former province {@code formerCode}, or empty if the code is unknown. */
  public Optional<LineageLink> lineageOf(String formerCode) {
    return formerCode == null
        ? Optional.empty()
        : Optional.ofNullable(lineageByFormer.get(formerCode.strip()));
  }

  /**
   * Returns the code of the current province that former province {@code formerCode} became part of
   * (e.g. "74" Bình Dương → "79"), or empty if {@code formerCode} is not a former code.
   */
  public Optional<String> currentCodeOf(String formerCode) {
    return lineageOf(formerCode).map(LineageLink::currentCode);
  }

  /** Returns the current province that former province {@code formerCode} became part of, if any. */
  public Optional<Province> successorOf(String formerCode) {
    return currentCodeOf(formerCode).flatMap(c -> byCode(Era.CURRENT, c));
  }

  /**
   * Returns the former provinces merged into current province {@code currentCode}, ordered by code
   * (e.g. "51" → Quảng Ngãi, Kon Tum); empty if the code is not a current code.
   */
  public List<Province> formerPartsOf(String currentCode) {
    if (currentCode == null) {
      return List.of();
    }
    String code = currentCode.strip();
    List<Province> parts = new ArrayList<>();
    for (LineageLink link : lineage) {
      if (link.currentCode().equals(code)) {
        byCode(Era.FORMER, link.formerCode()).ifPresent(parts::add);
      }
    }
    parts.sort(Comparator.comparing(Province::code));
    return List.copyOf(parts);
  }

  /** Returns every row of {@code province_status.csv} (empty if the file is absent). */
  public List<ProvinceStatus> statusHistory() {
    return statusHistory;
  }

  /**
   * Returns the name/unit-type versions of one province ordered by start date. When the status file has
   * no row for it, a single version built from the province row is returned (source = the file name);
   * empty if the province does not exist.
   */
  public List<ProvinceStatus> statusHistory(Era era, String code) {
    Optional<Province> province = byCode(era, code);
    if (province.isEmpty()) {
      return List.of();
    }
    Province p = province.get();
    List<ProvinceStatus> versions = statusHistory.stream()
        .filter(s -> s.era() == era && s.code().equals(p.code()))
        .sorted(Comparator.comparing(ProvinceStatus::validFrom,
            Comparator.nullsFirst(Comparator.naturalOrder())))
        .toList();
    if (!versions.isEmpty()) {
      return versions;
    }
    String source = era == Era.FORMER
        ? ProvinceDirectoryLoader.FORMER_FILE
        : ProvinceDirectoryLoader.CURRENT_FILE;
    return List.of(new ProvinceStatus(era, p.code(), p.name(), p.unitType(), p.validFrom(),
        p.validTo(), source));
  }

  /**
   * Returns the version of province {@code code} of {@code era} in force on {@code date} (e.g. former
   * 46 on 2024-06-01 → "Thừa Thiên Huế", tỉnh when the status file has that row), or empty if none.
   */
  public Optional<ProvinceStatus> statusOn(Era era, String code, LocalDate date) {
    Objects.requireNonNull(date, "date");
    Optional<Province> p = byCode(era, code);
    if (p.isEmpty() || !p.get().validOn(date)) {
      return Optional.empty();
    }
    return statusHistory(era, code).stream().filter(s -> s.validOn(date)).findFirst();
  }

  /** Returns every row of {@code province_alias.csv} (empty if the file is absent). */
  public List<ProvinceAlias> aliases() {
    return aliases;
  }
}
