package vn.dvcw.tools.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Expected national submissions per day and channel group, before the unit's share and online rate.
 *
 * <p>{@code perDay(d, online) = DOSSIERS_PER_YEAR × scale × season(d) × dayType(d, online) / Z(year, online)},
 * where Z sums {@code season × dayType} over the whole calendar year, so each year holds 70 M × scale
 * dossiers whatever the range generated. Day types (choice): a working day 1; in person, a non-working
 * Saturday 0.04 (some one-stop centres open on Saturday mornings), Sundays and public holidays 0;
 * online, Saturday 0.30, Sunday 0.22, holiday 0.15 (people submit from home; acceptance waits for the
 * next working day, so acceptances on those days stay near zero). Season (choice): month factors with a
 * year-end peak (December 1.12, plus 12% more from 15 December), a rush before Tết (×1.15 over the 10
 * days before the Tết break, found as the first run of five or more days off in January-February of
 * the working calendar) and a lull after it (×0.9 for 7 days).
 */
final class DayVolume {
  private static final double[] MONTH = {1.05, 0.90, 1.00, 0.97, 1.00, 1.02, 1.00, 0.98, 0.98, 1.00, 1.03, 1.12};
  static final double SATURDAY_OFFLINE = 0.04;
  static final double SATURDAY_ONLINE = 0.30;
  static final double SUNDAY_ONLINE = 0.22;
  static final double HOLIDAY_ONLINE = 0.15;

  private final WorkTime time;
  private final long first;
  private final double[] online;
  private final double[] offline;

  DayVolume(WorkTime time, LocalDate from, LocalDate to, double scale) {
    this.time = time;
    this.first = from.toEpochDay();
    int n = (int) (to.toEpochDay() - first + 1);
    online = new double[n];
    offline = new double[n];
    int year = -1;
    double zOn = 0;
    double zOff = 0;
    for (int i = 0; i < n; i++) {
      long day = first + i;
      LocalDate d = LocalDate.ofEpochDay(day);
      if (d.getYear() != year) {
        year = d.getYear();
        zOn = 0;
        zOff = 0;
        for (LocalDate x = LocalDate.of(year, 1, 1); x.getYear() == year; x = x.plusDays(1)) {
          double s = season(x.toEpochDay());
          zOn += s * dayType(x.toEpochDay(), true);
          zOff += s * dayType(x.toEpochDay(), false);
        }
      }
      double base = FeedModel.DOSSIERS_PER_YEAR * scale * season(day);
      online[i] = base * dayType(day, true) / zOn;
      offline[i] = base * dayType(day, false) / zOff;
    }
  }

  /** Expected national submissions on {@code day} in the channel group, before unit share and rate. */
  double perDay(long day, boolean onlineGroup) {
    int i = (int) (day - first);
    return onlineGroup ? online[i] : offline[i];
  }

  double dayType(long day, boolean onlineGroup) {
    if (time.isWorking(day)) {
      return 1;
    }
    DayOfWeek dow = LocalDate.ofEpochDay(day).getDayOfWeek();
    if (dow == DayOfWeek.SATURDAY) {
      return onlineGroup ? SATURDAY_ONLINE : SATURDAY_OFFLINE;
    }
    if (dow == DayOfWeek.SUNDAY) {
      return onlineGroup ? SUNDAY_ONLINE : 0;
    }
    return onlineGroup ? HOLIDAY_ONLINE : 0;
  }

  double season(long day) {
    LocalDate d = LocalDate.ofEpochDay(day);
    double s = MONTH[d.getMonthValue() - 1];
    if (d.getMonthValue() == 12 && d.getDayOfMonth() >= 15) {
      s *= 1.12;
    }
    long[] tet = tetBreak(d.getYear());
    if (tet != null) {
      if (day >= tet[0] - 10 && day < tet[0]) {
        s *= 1.15;
      } else if (day > tet[1] && day <= tet[1] + 7) {
        s *= 0.9;
      }
    }
    return s;
  }

  private final java.util.Map<Integer, long[]> tetCache = new java.util.HashMap<>();

  /** First and last day of the Tết break of {@code year}: the first run of ≥ 5 days off in Jan-Feb. */
  private long[] tetBreak(int year) {
    return tetCache.computeIfAbsent(year, y -> {
      long start = LocalDate.of(y, 1, 2).toEpochDay();
      long end = LocalDate.of(y, 3, 1).toEpochDay();
      long runStart = -1;
      for (long day = start; day < end; day++) {
        if (!time.isWorking(day)) {
          if (runStart < 0) {
            runStart = day;
          }
        } else {
          if (runStart >= 0 && day - runStart >= 5) {
            return new long[] {runStart, day - 1};
          }
          runStart = -1;
        }
      }
      return null;
    });
  }
}
