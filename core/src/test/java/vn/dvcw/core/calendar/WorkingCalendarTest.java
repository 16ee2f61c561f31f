package vn.dvcw.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("fast")
class WorkingCalendarTest {

  private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
  private static final LocalDate LAST = LocalDate.of(2026, 12, 31);
  private static final String FILE = "calendar_vn.csv";

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  private static WorkingCalendar cal() {
    return WorkingCalendar.vietnam();
  }

  /** The lines of the shipped file, read directly (not through the cached calendar). */
  private static List<String> fileLines() throws Exception {
    try (InputStream in = WorkingCalendarTest.class.getResourceAsStream(WorkingCalendar.RESOURCE);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().collect(Collectors.toList());
    }
  }

  /** 1-based line of {@code date} in the shipped file: line 1 is the header, 2 is 2024-01-01. */
  private static int lineOf(LocalDate date) {
    return 2 + (int) ChronoUnit.DAYS.between(FIRST, date);
  }

  /** Parses the shipped file after {@code edit}, expecting a failure, and returns its message. */
  private static String failure(UnaryOperator<List<String>> edit) throws Exception {
    List<String> lines = edit.apply(new ArrayList<>(fileLines()));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> WorkingCalendar.parse(lines, FILE));
    return e.getMessage();
  }

  /** Replaces the row of {@code date} with {@code row}. */
  private static UnaryOperator<List<String>> replaceRow(String date, String row) {
    return lines -> {
      int i = lineOf(d(date)) - 1;
      assertTrue(lines.get(i).startsWith(date + ","), lines.get(i));
      lines.set(i, row);
      return lines;
    };
  }

  private static void assertMentions(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), () -> "'" + part + "' not in: " + message);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The shipped file

  @Test
  void coversThreeYearsWithOneRowPerDate() throws Exception {
    List<String> lines = fileLines();
    assertEquals("date,is_working_day,kind,name,source", lines.get(0));
    assertEquals(1 + 1096, lines.size());
    assertEquals(FIRST, cal().firstDay());
    assertEquals(LAST, cal().lastDay());
    List<WorkingCalendar.Day> days = cal().days();
    assertEquals(1096, days.size());
    for (int i = 0; i < days.size(); i++) {
      assertEquals(FIRST.plusDays(i), days.get(i).date());
    }
    assertTrue(cal().covers(FIRST));
    assertTrue(cal().covers(LAST));
    assertFalse(cal().covers(FIRST.minusDays(1)));
    assertFalse(cal().covers(LAST.plusDays(1)));
    assertSame(cal(), WorkingCalendar.vietnam());
  }

  @ParameterizedTest(name = "{0} {2}")
  @CsvSource({
      // 2024: Tết 8-14/2 (Thông báo 5015/TB-LĐTBXH): 8-12 are the five Tết days, Sat 10 and Sun 11
      // among them, so 13 and 14 are given in lieu.
      "2024-01-01, false, holiday,      Tết Dương lịch",
      "2024-01-06, false, weekend,      ''",
      "2024-02-07, true,  weekday,      ''",
      "2024-02-08, false, holiday,      Tết Nguyên đán",
      "2024-02-10, false, holiday,      Tết Nguyên đán",
      "2024-02-13, false, observed,     Tết Nguyên đán",
      "2024-02-14, false, observed,     Tết Nguyên đán",
      "2024-02-15, true,  weekday,      ''",
      "2024-04-18, false, holiday,      Giỗ Tổ Hùng Vương",
      // 2450/VPCP-KGVX: Monday 29/4 off, Saturday 4/5 worked.
      "2024-04-27, false, weekend,      ''",
      "2024-04-29, false, swap_off,     Ngày Chiến thắng",
      "2024-04-30, false, holiday,      Ngày Chiến thắng",
      "2024-05-01, false, holiday,      Quốc tế Lao động",
      "2024-05-04, true,  swap_workday, Ngày Chiến thắng",
      "2024-05-11, false, weekend,      ''",
      "2024-09-02, false, holiday,      Quốc khánh",
      "2024-09-03, false, holiday,      Quốc khánh",
      // 2025: Tết 27-31/1 inside the 25/1-2/2 break; Friday 2/5 swapped for Saturday 26/4.
      "2025-01-01, false, holiday,      Tết Dương lịch",
      "2025-01-24, true,  weekday,      ''",
      "2025-01-25, false, weekend,      ''",
      "2025-01-27, false, holiday,      Tết Nguyên đán",
      "2025-01-29, false, holiday,      Tết Nguyên đán",
      "2025-01-31, false, holiday,      Tết Nguyên đán",
      "2025-02-01, false, weekend,      ''",
      "2025-02-03, true,  weekday,      ''",
      "2025-04-07, false, holiday,      Giỗ Tổ Hùng Vương",
      "2025-04-26, true,  swap_workday, Quốc tế Lao động",
      "2025-04-30, false, holiday,      Ngày Chiến thắng",
      "2025-05-02, false, swap_off,     Quốc tế Lao động",
      "2025-09-01, false, holiday,      Quốc khánh",
      "2025-09-02, false, holiday,      Quốc khánh",
      "2025-09-03, true,  weekday,      ''",
      // 2026: Friday 2/1 swapped for Saturday 10/1 (12729/VPCP-KGVX); Tết 16-20/2 (mùng 1 = 17/2);
      // Hùng Kings on Sunday 26/4, Monday 27/4 in lieu; Monday 31/8 swapped for Saturday 22/8.
      "2026-01-01, false, holiday,      Tết Dương lịch",
      "2026-01-02, false, swap_off,     Tết Dương lịch",
      "2026-01-10, true,  swap_workday, Tết Dương lịch",
      "2026-02-13, true,  weekday,      ''",
      "2026-02-14, false, weekend,      ''",
      "2026-02-16, false, holiday,      Tết Nguyên đán",
      "2026-02-17, false, holiday,      Tết Nguyên đán",
      "2026-02-20, false, holiday,      Tết Nguyên đán",
      "2026-02-23, true,  weekday,      ''",
      "2026-04-26, false, holiday,      Giỗ Tổ Hùng Vương",
      "2026-04-27, false, observed,     Giỗ Tổ Hùng Vương",
      "2026-04-30, false, holiday,      Ngày Chiến thắng",
      "2026-05-01, false, holiday,      Quốc tế Lao động",
      "2026-08-22, true,  swap_workday, Quốc khánh",
      "2026-08-31, false, swap_off,     Quốc khánh",
      "2026-09-01, false, holiday,      Quốc khánh",
      "2026-09-02, false, holiday,      Quốc khánh",
      "2026-09-03, true,  weekday,      ''",
      "2026-11-24, false, holiday,      Ngày Văn hóa Việt Nam",
      "2026-12-31, true,  weekday,      ''",
  })
  void knownDays(String date, boolean working, String kind, String name) {
    LocalDate day = d(date);
    assertEquals(working, cal().isWorkingDay(day), date);
    assertEquals(DayKind.fromCode(kind), cal().kind(day), date);
    assertEquals(name, cal().name(day), date);
    WorkingCalendar.Day row = cal().days().get((int) ChronoUnit.DAYS.between(FIRST, day));
    assertEquals(day, row.date());
    assertEquals(working, row.workingDay());
    assertEquals(kind.equals("weekday") || kind.equals("weekend"), row.source().isEmpty(), date);
  }

  /**
   * Working days per year.
   *
   * <p>2024 (leap year, starts on a Monday): 262 weekdays. Weekdays off: 1/1; Tết 8, 9, 12, 13,
   * 14/2 (5); 18/4; 29/4 (swap), 30/4, 1/5; 2/9, 3/9 = 12. One Saturday worked (4/5).
   * 262 − 12 + 1 = 251.
   *
   * <p>2025 (starts on a Wednesday): 261 weekdays. Off: 1/1; Tết 27-31/1 (5); 7/4; 30/4, 1/5, 2/5
   * (swap); 1/9, 2/9 = 12. Saturday 26/4 worked. 261 − 12 + 1 = 250.
   *
   * <p>2026 (starts on a Thursday): 261 weekdays. Off: 1/1, 2/1 (swap); Tết 16-20/2 (5); 27/4 (in
   * lieu of Sunday 26/4); 30/4, 1/5; 31/8 (swap), 1/9, 2/9; 24/11 = 14. Saturdays 10/1 and 22/8
   * worked. 261 − 14 + 2 = 249 (250 if Ngày Văn hóa Việt Nam were dropped, see CALENDAR.md).
   */
  @Test
  void workingDaysPerYear() {
    assertEquals(251, countWorking(2024));
    assertEquals(250, countWorking(2025));
    assertEquals(249, countWorking(2026));
    // The O(1) count agrees with the row-by-row count, starting from the day before the calendar.
    assertEquals(251, cal().workingDaysBetween(d("2023-12-31"), d("2024-12-31")));
    assertEquals(250, cal().workingDaysBetween(d("2024-12-31"), d("2025-12-31")));
    assertEquals(249, cal().workingDaysBetween(d("2025-12-31"), d("2026-12-31")));
  }

  private static long countWorking(int year) {
    return cal().days().stream()
        .filter(day -> day.date().getYear() == year && day.workingDay())
        .count();
  }

  /**
   * The weekdays off per year by kind, which pins down the numbers above: 2024 has 9 holidays on
   * weekdays, 2 observed and 1 swap (12); 2025 has 11 and 1 swap (12); 2026 has 11, 1 observed and
   * 2 swaps (14).
   */
  @Test
  void offDaysPerYearByKind() {
    assertEquals(Map.of(DayKind.HOLIDAY, 9, DayKind.OBSERVED, 2, DayKind.SWAP_OFF, 1),
        weekdaysOff(2024));
    assertEquals(Map.of(DayKind.HOLIDAY, 11, DayKind.SWAP_OFF, 1), weekdaysOff(2025));
    assertEquals(Map.of(DayKind.HOLIDAY, 11, DayKind.OBSERVED, 1, DayKind.SWAP_OFF, 2),
        weekdaysOff(2026));
  }

  private static Map<DayKind, Integer> weekdaysOff(int year) {
    Map<DayKind, Integer> counts = new EnumMap<>(DayKind.class);
    for (WorkingCalendar.Day day : cal().days()) {
      DayOfWeek dow = day.date().getDayOfWeek();
      boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
      if (day.date().getYear() == year && !weekend && !day.workingDay()) {
        counts.merge(day.kind(), 1, Integer::sum);
      }
    }
    return counts;
  }

  @Test
  void everyRowIsConsistentWithItsWeekday() {
    for (WorkingCalendar.Day day : cal().days()) {
      DayOfWeek dow = day.date().getDayOfWeek();
      boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
      switch (day.kind()) {
        case WEEKDAY, OBSERVED, SWAP_OFF -> assertFalse(weekend, day::toString);
        case WEEKEND, SWAP_WORKDAY -> assertTrue(weekend, day::toString);
        case HOLIDAY -> { }
      }
      assertEquals(day.kind().isWorking(), day.workingDay(), day::toString);
      assertEquals(day.kind().isPlain(), day.name().isEmpty(), day::toString);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Arithmetic around Tết and swaps

  @Test
  void tet2025() {
    // Friday 24/1 is the last working day before the 25/1-2/2 break; Monday 3/2 the first after it.
    assertEquals(d("2025-02-03"), cal().nextWorkingDay(d("2025-01-24")));
    assertEquals(d("2025-02-03"), cal().nextWorkingDay(d("2025-01-28")));
    assertEquals(d("2025-01-24"), cal().addWorkingDays(d("2025-01-24"), 0));
    assertEquals(d("2025-02-03"), cal().addWorkingDays(d("2025-01-25"), 0));
    assertEquals(d("2025-02-03"), cal().addWorkingDays(d("2025-01-24"), 1));
    assertEquals(d("2025-02-07"), cal().addWorkingDays(d("2025-01-24"), 5));
    assertEquals(d("2025-02-03"), cal().addWorkingDays(d("2025-01-20"), 5));
    assertEquals(1, cal().workingDaysBetween(d("2025-01-24"), d("2025-02-03")));
    assertEquals(0, cal().workingDaysBetween(d("2025-01-24"), d("2025-02-02")));
    // January 2025: 23 weekdays, minus 1/1 and 27-31/1.
    assertEquals(17, cal().workingDaysBetween(d("2024-12-31"), d("2025-01-31")));
  }

  @Test
  void tet2024WithDaysInLieu() {
    assertEquals(d("2024-02-15"), cal().nextWorkingDay(d("2024-02-07")));
    // 15, 16, 19, 20, 21, 22, 23, 26, 27, 28 February.
    assertEquals(d("2024-02-28"), cal().addWorkingDays(d("2024-02-07"), 10));
    assertEquals(10, cal().workingDaysBetween(d("2024-02-07"), d("2024-02-28")));
  }

  @Test
  void tet2026() {
    assertEquals(d("2026-02-23"), cal().nextWorkingDay(d("2026-02-13")));
    assertEquals(d("2026-02-23"), cal().addWorkingDays(d("2026-02-17"), 0));
    assertEquals(0, cal().workingDaysBetween(d("2026-02-13"), d("2026-02-22")));
  }

  @Test
  void swapIn2024MovesTheWorkingDayToSaturday() {
    // 27-28/4 weekend, 29/4 swapped off, 30/4 and 1/5 holidays.
    assertEquals(d("2024-05-02"), cal().addWorkingDays(d("2024-04-26"), 1));
    assertEquals(d("2024-05-04"), cal().addWorkingDays(d("2024-05-03"), 1));
    assertEquals(d("2024-05-04"), cal().nextWorkingDay(d("2024-05-03")));
    assertEquals(d("2024-05-06"), cal().nextWorkingDay(d("2024-05-04")));
    // 2/5, 3/5, Saturday 4/5, 6/5.
    assertEquals(4, cal().workingDaysBetween(d("2024-04-26"), d("2024-05-06")));
  }

  @Test
  void swapsIn2025And2026() {
    assertEquals(d("2025-04-26"), cal().nextWorkingDay(d("2025-04-25")));
    assertEquals(d("2025-05-05"), cal().nextWorkingDay(d("2025-04-29")));
    assertEquals(d("2026-01-05"), cal().nextWorkingDay(d("2025-12-31")));
    assertEquals(d("2026-01-10"), cal().addWorkingDays(d("2026-01-09"), 1));
    // 5, 6, 7, 8, 9 and Saturday 10 January.
    assertEquals(6, cal().workingDaysBetween(d("2025-12-31"), d("2026-01-10")));
    assertEquals(d("2026-08-22"), cal().addWorkingDays(d("2026-08-21"), 1));
    assertEquals(d("2026-09-03"), cal().nextWorkingDay(d("2026-08-28")));
    // Hùng Kings 2026 on a Sunday, Monday 27/4 in lieu, then 30/4-3/5.
    assertEquals(d("2026-04-28"), cal().nextWorkingDay(d("2026-04-24")));
    assertEquals(d("2026-05-04"), cal().addWorkingDays(d("2026-04-24"), 3));
    assertEquals(d("2026-11-25"), cal().nextWorkingDay(d("2026-11-23")));
  }

  @Test
  void edgesAndBadArguments() {
    assertEquals(d("2026-12-31"), cal().addWorkingDays(d("2026-12-29"), 2));
    assertThrows(IllegalArgumentException.class, () -> cal().addWorkingDays(d("2026-12-29"), 3));
    assertThrows(IllegalArgumentException.class, () -> cal().nextWorkingDay(LAST));
    assertThrows(IllegalArgumentException.class, () -> cal().addWorkingDays(FIRST, -1));
    assertThrows(IllegalArgumentException.class,
        () -> cal().addWorkingDays(FIRST, Integer.MAX_VALUE));
    assertEquals(0, cal().workingDaysBetween(d("2025-03-10"), d("2025-03-10")));
    assertEquals(0, cal().workingDaysBetween(d("2025-03-11"), d("2025-03-10")));
    assertEquals(0, cal().workingDaysBetween(d("2030-01-02"), d("2030-01-01")));
    assertEquals(1, cal().workingDaysBetween(d("2023-12-31"), FIRST.plusDays(1)));

    IllegalArgumentException before =
        assertThrows(IllegalArgumentException.class, () -> cal().isWorkingDay(d("2023-12-31")));
    assertMentions(before.getMessage(), "2023-12-31", "2024-01-01 to 2026-12-31");
    IllegalArgumentException after =
        assertThrows(IllegalArgumentException.class, () -> cal().kind(d("2027-01-01")));
    assertMentions(after.getMessage(), "2027-01-01", "2024-01-01 to 2026-12-31");
    assertThrows(IllegalArgumentException.class, () -> cal().name(d("2027-01-01")));
    assertThrows(IllegalArgumentException.class,
        () -> cal().workingDaysBetween(d("2023-12-30"), d("2024-01-05")));
    assertThrows(IllegalArgumentException.class,
        () -> cal().workingDaysBetween(d("2026-12-01"), d("2027-01-05")));
  }

  /** The O(1) answers agree with counting day by day, for every start day and up to 60 days on. */
  @Test
  void arithmeticAgreesWithDayByDayCounting() {
    WorkingCalendar c = cal();
    for (LocalDate from = FIRST.minusDays(1); from.isBefore(LAST); from = from.plusDays(1)) {
      int count = 0;
      LocalDate firstWorkingAfter = null;
      for (LocalDate to = from.plusDays(1); !to.isAfter(LAST) && to.isBefore(from.plusDays(61));
          to = to.plusDays(1)) {
        if (c.isWorkingDay(to)) {
          count++;
          if (firstWorkingAfter == null) {
            firstWorkingAfter = to;
          }
          if (c.covers(from)) {
            assertEquals(to, c.addWorkingDays(from, count), from + " + " + count);
          }
        }
        assertEquals(count, c.workingDaysBetween(from, to), from + " .. " + to);
      }
      if (c.covers(from) && firstWorkingAfter != null) {
        assertEquals(firstWorkingAfter, c.nextWorkingDay(from), from.toString());
        assertEquals(c.isWorkingDay(from) ? from : firstWorkingAfter, c.addWorkingDays(from, 0));
      }
    }
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(cal());
    }
    assertTrue(bytes.size() < 64 * 1024, "serialised size " + bytes.size());
    WorkingCalendar copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (WorkingCalendar) in.readObject();
    }
    assertEquals(cal().days(), copy.days());
    assertEquals(d("2025-02-03"), copy.nextWorkingDay(d("2025-01-24")));
    assertEquals(750, copy.workingDaysBetween(d("2023-12-31"), LAST));
  }

  // ---------------------------------------------------------------------------------------------
  // Validation

  @Test
  void missingDateNamesTheLineAfterTheGap() throws Exception {
    String message = failure(lines -> {
      lines.remove(lineOf(d("2025-03-12")) - 1);
      return lines;
    });
    // 2025-03-12 was line 438; after removing it, 2025-03-13 is line 438.
    assertEquals(438, lineOf(d("2025-03-12")));
    assertMentions(message, FILE + " line 438", "missing date 2025-03-12", "2025-03-13");
  }

  @Test
  void missingRunOfDates() throws Exception {
    String message = failure(lines -> {
      lines.subList(lineOf(d("2024-02-08")) - 1, lineOf(d("2024-02-14"))).clear();
      return lines;
    });
    assertMentions(message, "line " + lineOf(d("2024-02-08")),
        "missing dates 2024-02-08 to 2024-02-14");
  }

  @Test
  void duplicateDateNamesBothLines() throws Exception {
    int line = lineOf(d("2024-05-04"));
    String message = failure(lines -> {
      lines.add(line, lines.get(line - 1));
      return lines;
    });
    assertMentions(message, FILE + " line " + (line + 1),
        "duplicate date 2024-05-04, first at line " + line);
  }

  @Test
  void swappedRows() throws Exception {
    // Two rows swapped in the middle: the first of them opens a gap.
    int line = lineOf(d("2024-03-01"));
    assertMentions(failure(lines -> swapWithNext(lines, line)), "line " + line,
        "missing date 2024-03-01");
    // The first two rows swapped: the second goes backwards.
    assertMentions(failure(lines -> swapWithNext(lines, 2)), "line 3",
        "date 2024-01-01 is out of order: it follows 2024-01-02 (line 2)");
  }

  private static List<String> swapWithNext(List<String> lines, int line) {
    String a = lines.get(line - 1);
    lines.set(line - 1, lines.get(line));
    lines.set(line, a);
    return lines;
  }

  @Test
  void saturdayMarkedWeekday() throws Exception {
    String message = failure(replaceRow("2024-01-06", "2024-01-06,true,weekday,,"));
    assertMentions(message, FILE + " line 7", "2024-01-06 is a Saturday", "kind weekday",
        "Monday to Friday");
  }

  @Test
  void workingFlagContradictsKind() throws Exception {
    assertMentions(failure(replaceRow("2024-09-02",
            "2024-09-02,true,holiday,Quốc khánh,BLLĐ 2019 Đ.112")),
        "line " + lineOf(d("2024-09-02")), "is_working_day=true contradicts kind holiday");
    assertMentions(failure(replaceRow("2024-01-02", "2024-01-02,false,weekday,,")),
        "line 3", "is_working_day=false contradicts kind weekday");
    assertMentions(failure(replaceRow("2024-01-02", "2024-01-02,yes,weekday,,")),
        "line 3", "neither true nor false");
  }

  @Test
  void kindOnTheWrongDayOfTheWeek() throws Exception {
    assertMentions(failure(replaceRow("2024-05-03",
            "2024-05-03,true,swap_workday,Ngày Chiến thắng,x")),
        "line " + lineOf(d("2024-05-03")), "is a Friday", "Saturday or Sunday");
    assertMentions(failure(replaceRow("2024-02-11",
            "2024-02-11,false,observed,Tết Nguyên đán,x")),
        "line " + lineOf(d("2024-02-11")), "is a Sunday", "kind observed", "Monday to Friday");
    assertMentions(failure(replaceRow("2024-01-03", "2024-01-03,false,weekend,,")),
        "line 4", "is a Wednesday", "kind weekend");
  }

  @Test
  void namesAndSources() throws Exception {
    assertMentions(failure(replaceRow("2024-01-02", "2024-01-02,true,weekday,Tết,")),
        "line 3", "plain weekday has no name or source");
    assertMentions(failure(replaceRow("2024-01-01", "2024-01-01,false,holiday,Tết Dương lịch,")),
        "line 2", "needs a source");
    assertMentions(failure(replaceRow("2024-01-01", "2024-01-01,false,holiday,,BLLĐ 2019 Đ.112")),
        "line 2", "needs the holiday's name");
  }

  @Test
  void malformedCells() throws Exception {
    assertMentions(failure(replaceRow("2024-01-07", "2024-1-07,false,weekend,,")),
        "line 8", "'2024-1-07' is not an ISO date");
    assertMentions(failure(replaceRow("2024-01-07", "2024-01-07,false,holyday,,")),
        "line 8", "unknown kind 'holyday'", "swap_workday");
    assertMentions(failure(replaceRow("2024-01-01",
            "2024-01-01,false,holiday,Tết Dương lịch,BLLĐ 2019, Đ.112")),
        "line 2", "expected 5 fields, found 6");
    assertMentions(failure(replaceRow("2024-01-01",
            "2024-01-01,false,holiday,\"Tết Dương lịch,BLLĐ 2019 Đ.112")),
        "line 2", "unterminated quote");
  }

  @Test
  void unbalancedSwap() throws Exception {
    String message = failure(replaceRow("2024-05-04", "2024-05-04,false,weekend,,"));
    assertMentions(message, FILE, "4 swap_off", "3 swap_workday",
        String.valueOf(lineOf(d("2024-04-29"))));
  }

  @Test
  void headerAndEmptyInput() throws Exception {
    assertMentions(failure(lines -> {
      lines.set(0, "date,is_working_day,type,name,source");
      return lines;
    }), "line 1", "header lacks column 'kind'");
    assertMentions(assertThrows(IllegalStateException.class,
        () -> WorkingCalendar.parse(List.of(), FILE)).getMessage(), FILE, "empty");
    assertMentions(assertThrows(IllegalStateException.class,
        () -> WorkingCalendar.parse(List.of("date,is_working_day,kind,name,source", ""), FILE))
        .getMessage(), "no dates");
  }

  /** A short calendar with quoting, a BOM, reordered and extra columns, and blank lines. */
  @Test
  void parsesAnyRangeAndRfc4180Quoting() {
    WorkingCalendar c = WorkingCalendar.parse(List.of(
        "\uFEFFkind,date,is_working_day,source,name,note",
        "weekend,2024-04-27,false,,,",
        "",
        "weekend,2024-04-28,false,,,\"a note, with a comma\"",
        "swap_off,2024-04-29,false,\"Công văn 2450/VPCP-KGVX, \"\"hoán đổi\"\"\",Ngày Chiến thắng,",
        "holiday,2024-04-30,FALSE,BLLĐ 2019 Đ.112,Ngày Chiến thắng,",
        "holiday,2024-05-01,false,BLLĐ 2019 Đ.112,Quốc tế Lao động,",
        "weekday,2024-05-02,true,,,",
        "weekday,2024-05-03,true,,,",
        "swap_workday,2024-05-04,true,Công văn 2450/VPCP-KGVX,Ngày Chiến thắng,"), "test.csv");
    assertEquals(d("2024-04-27"), c.firstDay());
    assertEquals(d("2024-05-04"), c.lastDay());
    assertEquals(8, c.days().size());
    assertEquals("Công văn 2450/VPCP-KGVX, \"hoán đổi\"", c.days().get(2).source());
    assertEquals(DayKind.SWAP_OFF, c.kind(d("2024-04-29")));
    assertEquals(d("2024-05-02"), c.nextWorkingDay(d("2024-04-27")));
    assertEquals(d("2024-05-04"), c.addWorkingDays(d("2024-04-27"), 3));
    assertEquals(3, c.workingDaysBetween(d("2024-04-26"), d("2024-05-04")));
    assertThrows(IllegalArgumentException.class, () -> c.nextWorkingDay(d("2024-05-04")));
    assertThrows(IllegalArgumentException.class, () -> c.isWorkingDay(d("2024-05-05")));
    assertTrue(c.toString().contains("test.csv"));
  }
}
