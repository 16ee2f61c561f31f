package vn.dvcw.core.calendar;

/**
 * Why a date of the Vietnamese state-agency calendar is, or is not, a working day. The value in
 * {@code calendar_vn.csv} is {@link #code()}, e.g. {@code swap_workday}.
 *
 * <p>Each kind fixes whether the day is worked and on which days of the week it may fall, so a row
 * that contradicts its own date (a Saturday marked {@code weekday}, a {@code holiday} marked
 * working) is rejected when the calendar loads.
 */
public enum DayKind {

  /** Monday to Friday with nothing special: worked. */
  WEEKDAY("weekday", true, WeekPart.MONDAY_TO_FRIDAY),

  /** Saturday or Sunday, the weekly rest of state agencies: not worked. */
  WEEKEND("weekend", false, WeekPart.SATURDAY_OR_SUNDAY),

  /**
   * A public holiday of BLLĐ 2019 Art. 112 (or a Tết day fixed by the yearly notice), on whatever
   * day of the week it falls: not worked.
   */
  HOLIDAY("holiday", false, WeekPart.ANY),

  /**
   * A weekday off in lieu of a holiday that fell on the weekly rest (BLLĐ 2019 Art. 111(3), "nghỉ
   * bù"): not worked.
   */
  OBSERVED("observed", false, WeekPart.MONDAY_TO_FRIDAY),

  /** A weekday given off by a government swap ("hoán đổi"), paid back by a make-up Saturday. */
  SWAP_OFF("swap_off", false, WeekPart.MONDAY_TO_FRIDAY),

  /** A Saturday (or Sunday) worked to make up for a {@link #SWAP_OFF} day ("làm bù"). */
  SWAP_WORKDAY("swap_workday", true, WeekPart.SATURDAY_OR_SUNDAY);

  /** The days of the week a kind may fall on. */
  enum WeekPart {
    MONDAY_TO_FRIDAY("Monday to Friday"),
    SATURDAY_OR_SUNDAY("Saturday or Sunday"),
    ANY("any day");

    private final String label;

    WeekPart(String label) {
      this.label = label;
    }

    /** Returns true if a date whose weekend flag is {@code weekend} may have this kind. */
    boolean allows(boolean weekend) {
      return this == ANY || (this == SATURDAY_OR_SUNDAY) == weekend;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  private static final DayKind[] VALUES = values();

  private final String code;
  private final boolean working;
  private final WeekPart weekPart;

  DayKind(String code, boolean working, WeekPart weekPart) {
    this.code = code;
    this.working = working;
    this.weekPart = weekPart;
  }

  /** Returns the spelling used in the CSV file, e.g. "swap_off". */
  public String code() {
    return code;
  }

  /** Returns true if a day of this kind is a working day. */
  public boolean isWorking() {
    return working;
  }

  /**
   * Returns true for the two kinds that need no name and no source (plain {@link #WEEKDAY} and
   * {@link #WEEKEND}); every other kind must say which holiday it belongs to and on what basis.
   */
  public boolean isPlain() {
    return this == WEEKDAY || this == WEEKEND;
  }

  /** Returns which days of the week this kind may fall on. */
  WeekPart weekPart() {
    return weekPart;
  }

  /** Returns the kind spelled {@code code} in the CSV file, or null if there is none. */
  public static DayKind fromCode(String code) {
    for (DayKind k : VALUES) {
      if (k.code.equals(code)) {
        return k;
      }
    }
    return null;
  }

  /** Returns the kind with this ordinal, without copying the values array. */
  static DayKind ofOrdinal(int ordinal) {
    return VALUES[ordinal];
  }
}
