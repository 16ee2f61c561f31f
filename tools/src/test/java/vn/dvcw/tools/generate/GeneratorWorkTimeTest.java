package vn.dvcw.tools.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.dvcw.core.calendar.WorkingCalendar;

/** Working days agree with {@link WorkingCalendar}; working hours are 07:00-11:30 and 13:30-17:00. */
@Tag("fast")
class GeneratorWorkTimeTest {
  static final WorkingCalendar CAL = WorkingCalendar.vietnam();
  static final WorkTime TIME = new WorkTime(CAL);

  static long t(String iso) {
    return LocalDateTime.parse(iso).toEpochSecond(ZoneOffset.UTC);
  }

  static String iso(long t) {
    return LocalDateTime.ofEpochSecond(t, 0, ZoneOffset.UTC).toString();
  }

  @Test
  void workingDaysAreTheCalendars() {
    for (LocalDate d = CAL.firstDay(); d.isBefore(CAL.lastDay()); d = d.plusDays(1)) {
      assertEquals(CAL.isWorkingDay(d), TIME.isWorking(d.toEpochDay()), d.toString());
      assertEquals(CAL.nextWorkingDay(d).toEpochDay(), TIME.nextWorkingDay(d.toEpochDay()), d.toString());
    }
  }

  @Test
  void workingHoursSkipLunchNightsWeekendsAndTet() {
    // Friday 16:00 + 2 h → Monday 08:00
    assertEquals("2025-03-10T08:00", iso(TIME.plusWorkingSeconds(t("2025-03-07T16:00"), 2 * 3600)));
    // 11:00 + 1 h → 14:00 (lunch 11:30-13:30)
    assertEquals("2025-03-10T14:00", iso(TIME.plusWorkingSeconds(t("2025-03-10T11:00"), 3600)));
    // 3 working days from Thursday 23/1/2025 09:00 skip Tết (27-31/1) and the weekends: Tuesday 4/2
    assertEquals("2025-02-04T09:00", iso(TIME.plusWorkingSeconds(t("2025-01-23T09:00"), 3 * 8 * 3600)));
    // a due time landing on the end of the day stays at 17:00
    assertEquals("2025-03-10T17:00", iso(TIME.plusWorkingSeconds(t("2025-03-10T07:00"), 8 * 3600)));
    // submitted on Saturday evening, half a day → Monday 11:30
    assertEquals("2025-03-10T11:30", iso(TIME.plusWorkingSeconds(t("2025-03-08T20:00"), 4 * 3600 + 1800)));
    assertEquals(8 * 3600, TIME.workingSecondsBetween(t("2025-03-07T10:00"), t("2025-03-10T10:00")));
    assertTrue(TIME.isWorkingTime(t("2025-03-10T13:30")));
  }

  @Test
  void dueDatesPastTheCalendarUseWeekdays() {
    long d = LocalDate.of(2026, 12, 31).toEpochDay();
    assertEquals(LocalDate.of(2027, 1, 1).toEpochDay(), TIME.nextWorkingDay(d));
    assertEquals(LocalDate.of(2027, 1, 4).toEpochDay(), TIME.nextWorkingDay(d + 1));
  }
}
