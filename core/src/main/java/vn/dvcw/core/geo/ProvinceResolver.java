package vn.dvcw.core.geo;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Resolves province names and codes as written in documents to the province valid on a given date:
 * a former (63-map) province before 2025-07-01, a current (34-map) province from that day.
 *
 * <p>Names match only when their {@link ProvinceNames#key key} equals the key of an official name, a
 * historical name (status file, within its dates) or an alias (alias file) of exactly one province
 * valid on the date. There is no edit-distance guessing. A name that exists only in the other era is
 * never mapped: the resolution fails with a reason naming what the province became. Immutable,
 * thread-safe and serialisable.
 */
public final class ProvinceResolver implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Pattern STAT_CODE = Pattern.compile("\\d{1,2}");
  /** "H56", or an agency code ending in it: "000.00.00.H56", "000.00.53.H48", "000.A0.01.H26". */
  private static final Pattern AGENCY_CODE =
      Pattern.compile("([0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.)?(H\\d{2})");
  private static volatile ProvinceResolver standard;

  private final ProvinceDirectory directory;
  private final SpellingIndex spellings;

  /** Returns a resolver over {@code directory} and its status and alias rows. */
  public ProvinceResolver(ProvinceDirectory directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.spellings = new SpellingIndex(directory);
  }

  /**
   * Returns the shared resolver over {@link ProvinceDirectory#fromClasspath()}.
   *
   * @throws IllegalStateException if the reference files are invalid
   */
  public static ProvinceResolver standard() {
    ProvinceResolver r = standard;
    if (r == null) {
      synchronized (ProvinceResolver.class) {
        r = standard;
        if (r == null) {
          r = new ProvinceResolver(ProvinceDirectory.fromClasspath());
          standard = r;
        }
      }
    }
    return r;
  }

  /** Returns the directory this resolver reads. */
  public ProvinceDirectory directory() {
    return directory;
  }

  /**
   * Resolves a province name as written ("UBND tỉnh Thanh Hóa", "TP.HCM", "Hung Yên", NFD or NFC) to
   * the province valid on {@code asOf}. Never throws; a null name or date gives an unresolved result.
   *
   * @return a resolved result, or an unresolved one whose reason says the name is unknown, ambiguous,
   *     belongs to the other era (e.g. "'Bình Dương' ceased to exist on 2025-07-01 (merged into Hồ Chí
   *     Minh, code 79); no current province of that name") or is not valid on that date
   */
  public Resolution resolve(String nameAsWritten, LocalDate asOf) {
    ProvinceNames.ParsedName parsed = ProvinceNames.parse(nameAsWritten);
    String key = parsed.key();
    if (key.isEmpty()) {
      return Resolution.unresolved(nameAsWritten, key, "empty province name");
    }
    if (asOf == null) {
      return Resolution.unresolved(nameAsWritten, key,
          "no reference date, so former and current provinces cannot be told apart");
    }
    String shown = ProvinceNames.nfc(nameAsWritten).strip();
    Era era = Era.of(asOf);
    List<SpellingIndex.Spelling> sameEra = spellings.lookup(key, era);
    Map<Province, SpellingIndex.Spelling> valid = new LinkedHashMap<>();
    for (SpellingIndex.Spelling s : sameEra) {
      if (s.validOn(asOf)) {
        valid.merge(s.province(), s, (a, b) -> a.kind().ordinal() <= b.kind().ordinal() ? a : b);
      }
    }
    if (valid.size() == 1) {
      SpellingIndex.Spelling s = valid.values().iterator().next();
      return Resolution.matched(s.province(), nameAsWritten, key, matchNote(s, parsed, asOf));
    }
    if (valid.size() > 1) {
      return Resolution.unresolved(nameAsWritten, key, "ambiguous: '" + shown + "' matches "
          + valid.keySet().stream().map(Province::label).collect(Collectors.joining(" and ")));
    }
    if (!sameEra.isEmpty()) {
      return Resolution.unresolved(nameAsWritten, key, "'" + shown + "' is not valid on " + asOf
          + "; it denotes " + sameEra.stream().map(ProvinceResolver::window).distinct()
              .collect(Collectors.joining(" or ")));
    }
    return Resolution.unresolved(nameAsWritten, key, otherEraReason(shown, key, era));
  }

  /**
   * Resolves a province code as written to the province it denoted on {@code asOf}. Accepts a
   * two-digit statistical code interpreted in the era of {@code asOf} ("15" is Yên Bái on 2025-06-30 and
   * Lào Cai on 2025-07-01; a single digit is zero-padded), a DVCQG code "H56" or an agency code
   * "000.00.00.H56" or of a unit within the province ("000.00.53.H48", "000.A0.01.H26"); DVCQG codes
   * work only when the dvcqg_code column is filled. Never throws.
   *
   * @return a resolved result, or an unresolved one with a reason (unknown code, code that ceased to
   *     exist, DVCQG codes not available, malformed input)
   */
  public Resolution resolveCode(String code, LocalDate asOf) {
    String text = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    if (text.isEmpty()) {
      return Resolution.unresolved(code, text, "empty province code");
    }
    if (asOf == null) {
      return Resolution.unresolved(code, text,
          "no reference date, so former and current codes cannot be told apart");
    }
    Era era = Era.of(asOf);
    if (STAT_CODE.matcher(text).matches()) {
      String padded = text.length() == 1 ? "0" + text : text;
      return byStatisticalCode(code, padded, era, asOf);
    }
    Matcher agency = AGENCY_CODE.matcher(text);
    if (agency.matches()) {
      return byDvcqgCode(code, agency.group(2), agency.group(1) != null, era, asOf);
    }
    return Resolution.unresolved(code, text, "'" + code.strip()
        + "' is not a province code (expected two digits, Hxx or 000.00.00.Hxx)");
  }

  /**
   * Returns the two-digit code, in the era of {@code asOf}, of the province {@code name} denotes on
   * {@code asOf}, or null if the name does not resolve (see {@link #resolve}).
   */
  public String provinceCode(String name, LocalDate asOf) {
    return resolve(name, asOf).code();
  }

  /**
   * Returns the 34-map code of the province that {@code code} denoted on {@code asOf}: a former code
   * (asOf before 2025-07-01) is mapped through the lineage ("10" → "15", "27" → "24", "15" → "15"); a
   * current code is returned as is. Also accepts the DVCQG forms of {@link #resolveCode}.
   *
   * @return the current code, or null if {@code code} denoted no province on {@code asOf}
   */
  public String currentProvinceCode(String code, LocalDate asOf) {
    Province p = resolveCode(code, asOf).province();
    if (p == null) {
      return null;
    }
    return p.era() == Era.CURRENT ? p.code() : directory.currentCodeOf(p.code()).orElse(null);
  }

  private Resolution byStatisticalCode(String input, String code, Era era, LocalDate asOf) {
    Optional<Province> p = directory.byCode(era, code);
    if (p.isPresent() && p.get().validOn(asOf)) {
      return Resolution.matched(p.get(), input, code, era.sqlName() + " province code " + code);
    }
    if (p.isPresent()) {
      return Resolution.unresolved(input, code, "code " + code + " (" + p.get().label()
          + ") is valid only from " + p.get().validFrom() + ", not on " + asOf);
    }
    if (era == Era.CURRENT) {
      Optional<Province> former = directory.byCode(Era.FORMER, code);
      if (former.isPresent()) {
        return Resolution.unresolved(input, code, "code " + code + " is not a current province code;"
            + " before " + Era.REORGANISATION_DATE + " it was " + former.get().name() + ", "
            + mergedInto(former.get()));
      }
    } else {
      Optional<Province> current = directory.byCode(Era.CURRENT, code);
      if (current.isPresent()) {
        return Resolution.unresolved(input, code, "code " + code + " is used only from "
            + Era.REORGANISATION_DATE + " (" + current.get().name() + "); no former province had it");
      }
    }
    return Resolution.unresolved(input, code, "unknown province code '" + code + "'");
  }

  private Resolution byDvcqgCode(String input, String dvcqg, boolean agency, Era era, LocalDate asOf) {
    if (!directory.hasDvcqgCodes(era)) {
      return Resolution.unresolved(input, dvcqg, "cannot resolve DVCQG code " + dvcqg
          + ": the dvcqg_code column of the " + era.sqlName() + " provinces is not filled");
    }
    Optional<Province> p = directory.byDvcqgCode(era, dvcqg);
    if (p.isEmpty() && era == Era.CURRENT) {
      Optional<Province> former = directory.byDvcqgCode(Era.FORMER, dvcqg);
      if (former.isPresent()) {
        return Resolution.unresolved(input, dvcqg, "DVCQG code " + dvcqg + " is not used from "
            + Era.REORGANISATION_DATE + "; it was " + former.get().name() + " (code "
            + former.get().code() + "), " + mergedInto(former.get()));
      }
    }
    if (p.isEmpty()) {
      return Resolution.unresolved(input, dvcqg, "unknown DVCQG province code '" + dvcqg + "' in the "
          + era.sqlName() + " province list");
    }
    if (!p.get().validOn(asOf)) {
      return Resolution.unresolved(input, dvcqg, "DVCQG code " + dvcqg + " (" + p.get().label()
          + ") is not valid on " + asOf);
    }
    String note = "DVCQG code " + dvcqg + (agency ? " (from agency code " + input.strip() + ")" : "");
    return Resolution.matched(p.get(), input, dvcqg, note);
  }

  private String otherEraReason(String shown, String key, Era era) {
    Era other = era == Era.FORMER ? Era.CURRENT : Era.FORMER;
    List<Province> elsewhere = spellings.lookup(key, other).stream()
        .map(SpellingIndex.Spelling::province).distinct().toList();
    if (elsewhere.isEmpty()) {
      return "unknown province name '" + shown + "'";
    }
    if (era == Era.CURRENT) {
      String merged = elsewhere.stream().map(this::mergedInto).collect(Collectors.joining("; "));
      LocalDate ceased = elsewhere.get(0).validTo() == null
          ? Era.REORGANISATION_DATE : elsewhere.get(0).validTo().plusDays(1);
      return "'" + shown + "' ceased to exist on " + ceased + " (" + merged
          + "); no current province of that name";
    }
    return "'" + shown + "' denotes " + elsewhere.stream()
        .map(p -> p.name() + ", code " + p.code()).collect(Collectors.joining(" or "))
        + " only from " + Era.REORGANISATION_DATE + "; no former province of that name";
  }

  /** "Huế (F46) from 2008-08-01 to 2024-12-31": where a spelling's and its province's dates overlap. */
  private static String window(SpellingIndex.Spelling s) {
    Province p = s.province();
    LocalDate from = s.from() == null || s.from().isBefore(p.validFrom()) ? p.validFrom() : s.from();
    LocalDate to = s.to() == null || (p.validTo() != null && s.to().isAfter(p.validTo()))
        ? p.validTo() : s.to();
    return p.label() + " from " + from + (to == null ? "" : " to " + to);
  }

  private String mergedInto(Province former) {
    return directory.successorOf(former.code())
        .map(c -> "merged into " + c.name() + ", code " + c.code())
        .orElse("no successor recorded");
  }

  private String matchNote(SpellingIndex.Spelling s, ProvinceNames.ParsedName parsed, LocalDate asOf) {
    String note = "matched " + s.describe();
    if (parsed.unitPrefix() == null) {
      return note;
    }
    Province p = s.province();
    String unitType = directory.statusOn(p.era(), p.code(), asOf)
        .map(ProvinceStatus::unitType).orElse(p.unitType());
    boolean city = unitType.startsWith("thành phố");
    boolean writtenCity = parsed.unitPrefix() == ProvinceNames.Prefix.CITY;
    if (city != writtenCity) {
      note += "; written as '" + parsed.unitWritten() + "' although it is a " + unitType
          + " (resolved to the province-level unit of that name)";
    }
    return note;
  }
}
