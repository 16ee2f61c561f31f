package vn.dvcw.core.geo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The two administrative eras of Vietnam's provincial map: 63 provinces until 2025-06-30 and 34 from
 * 2025-07-01 (Resolution 202/2025/QH15).
 */
public enum Era {
  /** The 63-province map, valid up to and including 2025-06-30. */
  FORMER("former", "F"),
  /** The 34-province map, valid from 2025-07-01. */
  CURRENT("current", "C");

  /** First day of the 34-province map (2025-07-01), from the reference data's lineage. */
  public static final LocalDate REORGANISATION_DATE = ReorganisationDate.fromReferenceData();

  /** Last day of the 63-province map. */
  public static final LocalDate LAST_FORMER_DAY = REORGANISATION_DATE.minusDays(1);

  private final String sqlName;
  private final String keyPrefix;

  Era(String sqlName, String keyPrefix) {
    this.sqlName = sqlName;
    this.keyPrefix = keyPrefix;
  }

  /** Returns the lower-case name used in tables and views: {@code "former"} or {@code "current"}. */
  public String sqlName() {
    return sqlName;
  }

  /** Returns the one-letter prefix of province keys in this era: {@code "F"} or {@code "C"}. */
  public String keyPrefix() {
    return keyPrefix;
  }

  /**
   * Returns the era in force on {@code date}: {@link #FORMER} before 2025-07-01, {@link #CURRENT} from it.
   *
   * @throws NullPointerException if {@code date} is null
   */
  public static Era of(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return date.isBefore(REORGANISATION_DATE) ? FORMER : CURRENT;
  }

  /**
   * Returns the era whose {@link #sqlName()} (or enum name) is {@code text}, ignoring case and spaces.
   *
   * @throws IllegalArgumentException if {@code text} names no era
   */
  public static Era parse(String text) {
    String t = text == null ? "" : text.trim();
    for (Era era : values()) {
      if (era.sqlName.equalsIgnoreCase(t) || era.name().equalsIgnoreCase(t)) {
        return era;
      }
    }
    throw new IllegalArgumentException("unknown era '" + text + "' (expected former or current)");
  }
}
