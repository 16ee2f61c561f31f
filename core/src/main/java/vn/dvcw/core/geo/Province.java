package vn.dvcw.core.geo;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One province-level unit (tỉnh or thành phố trực thuộc trung ương) in one era.
 *
 * @param provinceKey unique across eras: {@code "F" + code} for former, {@code "C" + code} for current
 * @param era the map the code belongs to
 * @param code two-digit statistical code (codes such as 15 mean different places in the two eras)
 * @param dvcqgCode the national public-service portal code ({@code Hxx}), or null when not known
 * @param name the official name without the unit-type prefix, NFC (e.g. "Bà Rịa - Vũng Tàu")
 * @param nameAscii {@code name} without diacritics (e.g. "Ba Ria - Vung Tau")
 * @param unitType "tỉnh" or "thành phố trực thuộc trung ương"
 * @param validFrom first day the unit exists under this code
 * @param validTo last day, or null while still valid
 */
public record Province(
    String provinceKey,
    Era era,
    String code,
    String dvcqgCode,
    String name,
    String nameAscii,
    String unitType,
    LocalDate validFrom,
    LocalDate validTo)
    implements Serializable {

  /** Returns the province key for {@code code} in {@code era}, e.g. {@code key(FORMER, "15")} is "F15". */
  public static String key(Era era, String code) {
    return era.keyPrefix() + code;
  }

  /** Returns true if the unit exists on {@code date} (both ends inclusive; null end = open). */
  public boolean validOn(LocalDate date) {
    return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
  }

  /** Returns e.g. "Hồ Chí Minh (C79)", for messages. */
  public String label() {
    return name + " (" + provinceKey + ")";
  }
}
