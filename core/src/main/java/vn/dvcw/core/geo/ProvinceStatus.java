package vn.dvcw.core.geo;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One version of a province's name and unit type, e.g. former 46 was "Thừa Thiên Huế" (tỉnh) until
 * 2024-12-31 and "Huế" (thành phố trực thuộc trung ương) from 2025-01-01. A name in a version is a valid
 * spelling of the province between {@code validFrom} and {@code validTo} (inclusive; null = open).
 *
 * @param source where the version comes from (a legal reference or the reference file name)
 */
public record ProvinceStatus(
    Era era,
    String code,
    String name,
    String unitType,
    LocalDate validFrom,
    LocalDate validTo,
    String source)
    implements Serializable {

  /** Returns the key of the province this version describes, e.g. "F46". */
  public String provinceKey() {
    return Province.key(era, code);
  }

  /** Returns true if this version is in force on {@code date}. */
  public boolean validOn(LocalDate date) {
    return (validFrom == null || !date.isBefore(validFrom))
        && (validTo == null || !date.isAfter(validTo));
  }
}
