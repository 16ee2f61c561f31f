package vn.dvcw.tools.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import vn.dvcw.core.calendar.WorkingCalendar;

/**
 * Working days and working hours as fast array look-ups, for due dates and office-hour timestamps.
 *
 * <p>Times are <em>local seconds</em>: seconds since 1970-01-01T00:00 in Asia/Ho_Chi_Minh wall-clock
 * time (no zone arithmetic is needed: Vietnam has no daylight saving). Days are epoch days.
 *
 * <p>Working days come from {@link WorkingCalendar#vietnam()} (weekends, Labour Code holidays, Tết and
 * swapped days from the official notices). Due dates can fall after the calendar's last day (a dossier
 * received on 31/12/2026 is due in 2027): there, and only there, the plain Monday-Friday rule is used.
 *
 * <p>Working hours are TD's default (spec §9, S1 {@code CaculateTime}): 07:00-11:30 and 13:30-17:00,
 * 8 working hours a day. Adding working time first snaps the start into working time (before 07:00 →
 * 07:00, lunch → 13:30, after 17:00 or a day off → 07:00 of the next working day); a result that lands
 * exactly on the end of a day stays at 17:00 of that day rather than 07:00 of the next.
 */
final class WorkTime {
  static final int DAY = 86_400;
  static final int MORNING_START = 7 * 3600;
  static final int MORNING_END = 11 * 3600 + 1800;
  static final int AFTERNOON_START = 13 * 3600 + 1800;
  static final int AFTERNOON_END = 17 * 3600;
  static final int MORNING_SECONDS = MORNING_END - MORNING_START;
  /** 8 working hours. */
  static final int WORK_SECONDS_PER_DAY = MORNING_SECONDS + AFTERNOON_END - AFTERNOON_START;

  private final long first;
  private final boolean[] working;
  private final boolean[] covered;
  /** Number of working days before index i. */
  private final int[] ordinal;
  /** Epoch day of the k-th working day. */
  private final long[] byOrdinal;

  WorkTime(WorkingCalendar calendar) {
    LocalDate firstDay = calendar.firstDay();
    LocalDate end = calendar.lastDay().plusDays(800);
    first = firstDay.toEpochDay();
    int n = (int) (end.toEpochDay() - first + 1);
    working = new boolean[n];
    covered = new boolean[n];
    ordinal = new int[n + 1];
    long[] tmp = new long[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      LocalDate d = firstDay.plusDays(i);
      covered[i] = calendar.covers(d);
      working[i] = covered[i] ? calendar.isWorkingDay(d)
          : d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
      ordinal[i] = k;
      if (working[i]) {
        tmp[k++] = first + i;
      }
    }
    ordinal[n] = k;
    byOrdinal = java.util.Arrays.copyOf(tmp, k);
  }

  long firstDay() {
    return first;
  }

  long lastDay() {
    return first + working.length - 1;
  }

  private int index(long day) {
    long i = day - first;
    if (i < 0 || i >= working.length) {
      throw new IllegalArgumentException("day outside the generator's calendar: " + LocalDate.ofEpochDay(day));
    }
    return (int) i;
  }

  boolean isWorking(long day) {
    return working[index(day)];
  }

  /** True if the day is inside the official calendar (not the weekday fallback). */
  boolean isCovered(long day) {
    return covered[index(day)];
  }

  /** The first working day strictly after {@code day} (as {@code WorkingCalendar.nextWorkingDay}). */
  long nextWorkingDay(long day) {
    int i = index(day);
    return byOrdinal[ordinal[i + 1]];
  }

  /** {@code day} itself if it is a working day, else the next one. */
  long workingDayOnOrAfter(long day) {
    int i = index(day);
    return byOrdinal[ordinal[i]];
  }

  /** The working day {@code n} working days after working day {@code day} (n ≥ 0). */
  long plusWorkingDays(long workingDay, int n) {
    int i = index(workingDay);
    return byOrdinal[ordinal[i] + n];
  }

  /** Working days from working day {@code a} to working day {@code b} (b − a in working days). */
  int workingDaysBetween(long a, long b) {
    return ordinal[index(b)] - ordinal[index(a)];
  }

  /** Local seconds of a working-time offset {@code w} (0..8 h) within {@code day}. */
  static long at(long day, int w) {
    int clock = w <= MORNING_SECONDS ? MORNING_START + w : AFTERNOON_START + (w - MORNING_SECONDS);
    return day * DAY + clock;
  }

  /** The working day of {@code t} after snapping into working time (see class comment). */
  long snapDay(long t) {
    long day = Math.floorDiv(t, DAY);
    int sod = (int) (t - day * DAY);
    if (!isWorking(day) || sod >= AFTERNOON_END) {
      return nextWorkingDay(day);
    }
    return day;
  }

  /** The working-time offset (0..8 h) of {@code t} after snapping. */
  int snapOffset(long t) {
    long day = Math.floorDiv(t, DAY);
    int sod = (int) (t - day * DAY);
    if (!isWorking(day) || sod >= AFTERNOON_END || sod < MORNING_START) {
      return 0;
    }
    if (sod < MORNING_END) {
      return sod - MORNING_START;
    }
    if (sod < AFTERNOON_START) {
      return MORNING_SECONDS;
    }
    return MORNING_SECONDS + sod - AFTERNOON_START;
  }

  /** {@code t} plus {@code seconds} of working time. */
  long plusWorkingSeconds(long t, long seconds) {
    long day = snapDay(t);
    long total = snapOffset(t) + seconds;
    long days = total / WORK_SECONDS_PER_DAY;
    int rest = (int) (total % WORK_SECONDS_PER_DAY);
    if (rest == 0 && days > 0) {
      days--;
      rest = WORK_SECONDS_PER_DAY;
    }
    return at(plusWorkingDays(day, (int) days), rest);
  }

  /** Working seconds from {@code a} to {@code b} (both snapped into working time; 0 if b ≤ a). */
  long workingSecondsBetween(long a, long b) {
    long da = snapDay(a);
    long db = snapDay(b);
    long s = (long) workingDaysBetween(da, db) * WORK_SECONDS_PER_DAY + snapOffset(b) - snapOffset(a);
    return Math.max(0, s);
  }

  /** True if {@code t} is inside working hours of a working day. */
  boolean isWorkingTime(long t) {
    long day = Math.floorDiv(t, DAY);
    int sod = (int) (t - day * DAY);
    return isWorking(day)
        && (sod >= MORNING_START && sod < MORNING_END || sod >= AFTERNOON_START && sod < AFTERNOON_END);
  }

  static long dayOf(long t) {
    return Math.floorDiv(t, DAY);
  }

  static long endOfDay(long day) {
    return day * DAY + DAY - 1;
  }
}
