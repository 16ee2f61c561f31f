package vn.dvcw.core.geo;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A spelling that is not the official name but unambiguously denotes one province in one era
 * (abbreviations such as "TP.HCM", "BR-VT", old names such as "Thừa Thiên Huế", common misspellings).
 * Loaded from {@code /reference/province_alias.csv}.
 *
 * @param validFrom first day the alias applies, or null for "whenever the province is valid"
 * @param validTo last day the alias applies, or null for "whenever the province is valid"
 * @param note why the alias is safe
 */
public record ProvinceAlias(
    String alias, Era era, String code, LocalDate validFrom, LocalDate validTo, String note)
    implements Serializable {

  /** Returns the key of the province the alias denotes, e.g. "C79". */
  public String provinceKey() {
    return Province.key(era, code);
  }

  /** Returns true if the alias applies on {@code date} (open ends defer to the province's own dates). */
  public boolean validOn(LocalDate date) {
    return (validFrom == null || !date.isBefore(validFrom))
        && (validTo == null || !date.isAfter(validTo));
  }
}
