package vn.dvcw.core.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import vn.dvcw.core.CsvCells;

/**
 * The working-day calendar of Vietnamese state agencies, one row per date, as set by the Labour
 * Code (BLLĐ 2019 Art. 111-112) and the yearly government notices that fix the Tết days and swap
 * working days. Due dates of public-service dossiers are counted in these working days (spec
 * section 9), so the calendar is data, not rules: {@code /reference/calendar_vn.csv}, with its
 * sources in {@code /reference/CALENDAR.md}.
 *
 * <p>Lookups are array reads: day {@code d} is at index {@code d.toEpochDay() - firstEpochDay}; a
 * prefix count of working days makes {@link #workingDaysBetween} O(1), and the list of working-day
 * indexes makes {@link #nextWorkingDay} and {@link #addWorkingDays} O(1). The object is immutable
 * and serialisable (about 20 KB), so Spark UDFs can capture it and data generators can call it in a
 * hot loop.
 *
 * <p>Every method taking a date fails with {@link IllegalArgumentException} naming the covered
 * range when the date (or the result) is outside the calendar: a due date is never silently
 * computed from weekends alone.
 */
public final class WorkingCalendar implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Class path location of the Vietnamese calendar. */
  static final String RESOURCE = "/reference/calendar_vn.csv";

  private static final List<String> COLUMNS =
      List.of("date", "is_working_day", "kind", "name", "source");

  private static volatile WorkingCalendar vietnam;

  private final String sourceName;
  private final LocalDate firstDay;
  private final LocalDate lastDay;
  private final long firstEpochDay;
  /** DayKind ordinal per day index. */
  private final byte[] kinds;
  private final boolean[] working;
  private final String[] names;
  private final String[] sources;
  /** workingBefore[i] = number of working days among indexes 0 .. i-1; length = days + 1. */
  private final int[] workingBefore;
  /** Indexes of the working days, ascending. */
  private final int[] workingIndexes;

  /** One row of the calendar, as loaded into {@code dim_calendar}. */
  public record Day(LocalDate date, boolean workingDay, DayKind kind, String name, String source)
      implements Serializable {}

  private WorkingCalendar(
      String sourceName, LocalDate firstDay, byte[] kinds, String[] names, String[] sources) {
    this.sourceName = sourceName;
    this.firstDay = firstDay;
    this.lastDay = firstDay.plusDays(kinds.length - 1L);
    this.firstEpochDay = firstDay.toEpochDay();
    this.kinds = kinds;
    this.names = names;
    this.sources = sources;
    this.working = new boolean[kinds.length];
    this.workingBefore = new int[kinds.length + 1];
    int count = 0;
    for (int i = 0; i < kinds.length; i++) {
      working[i] = DayKind.ofOrdinal(kinds[i]).isWorking();
      workingBefore[i] = count;
      if (working[i]) {
        count++;
      }
    }
    workingBefore[kinds.length] = count;
    this.workingIndexes = new int[count];
    for (int i = 0, k = 0; i < kinds.length; i++) {
      if (working[i]) {
        workingIndexes[k++] = i;
      }
    }
  }

  /**
   * Returns the calendar of {@code /reference/calendar_vn.csv} on the class path, loading and
   * validating it on first use and caching it afterwards.
   *
   * @throws IllegalStateException if the file is missing or invalid; the message names the file and
   *     line (see {@link #parse})
   */
  public static WorkingCalendar vietnam() {
    WorkingCalendar c = vietnam;
    if (c == null) {
      synchronized (WorkingCalendar.class) {
        c = vietnam;
        if (c == null) {
          c = parse(readResource(RESOURCE), RESOURCE);
          vietnam = c;
        }
      }
    }
    return c;
  }

  /**
   * Parses and validates a calendar in the CSV layout of {@code calendar_vn.csv}: a header naming
   * {@code date,is_working_day,kind,name,source} (any order, other columns ignored), then one row
   * per date with RFC 4180 quoting on a single line. Blank lines are skipped; a BOM is tolerated.
   *
   * <p>Checks: every date from the first row to the last appears exactly once and in order; the
   * date is ISO ({@code 2024-05-04}); {@code is_working_day} is {@code true}/{@code false} and
   * agrees with the kind; the kind fits the day of the week (a weekday, observed or swap_off day is
   * Monday to Friday, a weekend or swap_workday day is Saturday or Sunday); plain weekdays and
   * weekends carry no name or source, every other kind carries both; and there are as many swap_off
   * days as swap_workday days, since a swap never changes the number of working days.
   *
   * @param csvLines the file's lines, header first
   * @param sourceName the file name used in error messages
   * @throws IllegalStateException naming {@code sourceName}, the 1-based line and the line's text
   *     for the first problem found
   */
  public static WorkingCalendar parse(List<String> csvLines, String sourceName) {
    Objects.requireNonNull(csvLines, "csvLines");
    Objects.requireNonNull(sourceName, "sourceName");
    int[] column = null;
    int headerSize = 0;
    LocalDate first = null;
    LocalDate previous = null;
    int previousLine = 0;
    Map<LocalDate, Integer> lineOf = new HashMap<>();
    Map<String, String> shared = new HashMap<>();
    List<Byte> kindList = new ArrayList<>();
    List<String> nameList = new ArrayList<>();
    List<String> sourceList = new ArrayList<>();
    List<Integer> swapOffLines = new ArrayList<>();
    List<Integer> swapWorkLines = new ArrayList<>();

    for (int i = 0; i < csvLines.size(); i++) {
      int line = i + 1;
      String text = csvLines.get(i);
      if (text == null || text.isBlank()) {
        continue;
      }
      if (column == null) {
        text = text.replace("\uFEFF", "");
      }
      List<String> cells = split(text, sourceName, line);
      if (column == null) {
        List<String> header = new ArrayList<>();
        cells.forEach(h -> header.add(h.strip().toLowerCase(Locale.ROOT)));
        column = new int[COLUMNS.size()];
        for (int c = 0; c < COLUMNS.size(); c++) {
          column[c] = header.indexOf(COLUMNS.get(c));
          if (column[c] < 0) {
            throw problem(sourceName, line, text, "header lacks column '" + COLUMNS.get(c)
                + "' (expected " + String.join(",", COLUMNS) + ")");
          }
        }
        headerSize = header.size();
        continue;
      }
      if (cells.size() != headerSize) {
        throw problem(sourceName, line, text,
            "expected " + headerSize + " fields, found " + cells.size()
                + " (quote a value that contains a comma)");
      }
      String dateText = cells.get(column[0]).strip();
      String workingText = cells.get(column[1]).strip();
      String kindText = cells.get(column[2]).strip();
      String name = nfc(cells.get(column[3]).strip());
      String source = nfc(cells.get(column[4]).strip());

      LocalDate date;
      try {
        date = LocalDate.parse(dateText);
      } catch (DateTimeParseException e) {
        throw problem(sourceName, line, text,
            "date '" + dateText + "' is not an ISO date (yyyy-MM-dd)");
      }
      boolean isWorking;
      if (workingText.equalsIgnoreCase("true")) {
        isWorking = true;
      } else if (workingText.equalsIgnoreCase("false")) {
        isWorking = false;
      } else {
        throw problem(sourceName, line, text,
            "is_working_day '" + workingText + "' is neither true nor false");
      }
      DayKind kind = DayKind.fromCode(kindText);
      if (kind == null) {
        String known =
            Arrays.stream(DayKind.values()).map(DayKind::code).collect(Collectors.joining(", "));
        throw problem(sourceName, line, text,
            "unknown kind '" + kindText + "' (expected one of " + known + ")");
      }

      Integer seenAt = lineOf.putIfAbsent(date, line);
      if (seenAt != null) {
        throw problem(sourceName, line, text,
            "duplicate date " + date + ", first at line " + seenAt);
      }
      if (previous != null && !date.equals(previous.plusDays(1))) {
        if (date.isBefore(previous)) {
          throw problem(sourceName, line, text,
              "date " + date + " is out of order: it follows " + previous + " (line " + previousLine
                  + ")");
        }
        LocalDate gapEnd = date.minusDays(1);
        LocalDate gapStart = previous.plusDays(1);
        String gap = gapStart.equals(gapEnd)
            ? "date " + gapStart
            : "dates " + gapStart + " to " + gapEnd;
        throw problem(sourceName, line, text, "missing " + gap + " between line " + previousLine
            + " (" + previous + ") and this line");
      }

      DayOfWeek dow = date.getDayOfWeek();
      boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
      if (kind.isWorking() != isWorking) {
        throw problem(sourceName, line, text,
            "is_working_day=" + isWorking + " contradicts kind " + kind.code() + ", which is "
                + (kind.isWorking() ? "" : "not ") + "a working day");
      }
      if (!kind.weekPart().allows(weekend)) {
        throw problem(sourceName, line, text,
            date + " is a " + display(dow) + ", but kind " + kind.code() + " must fall on "
                + kind.weekPart());
      }
      if (kind.isPlain() && (!name.isEmpty() || !source.isEmpty())) {
        throw problem(sourceName, line, text, "a plain " + kind.code()
            + " has no name or source; use kind holiday, observed, swap_off or swap_workday"
            + " for a special day");
      }
      if (!kind.isPlain() && name.isEmpty()) {
        throw problem(sourceName, line, text, "kind " + kind.code() + " needs the holiday's name");
      }
      if (!kind.isPlain() && source.isEmpty()) {
        throw problem(sourceName, line, text,
            "kind " + kind.code() + " needs a source (the law or notice that sets the day)");
      }
      if (kind == DayKind.SWAP_OFF) {
        swapOffLines.add(line);
      } else if (kind == DayKind.SWAP_WORKDAY) {
        swapWorkLines.add(line);
      }

      if (first == null) {
        first = date;
      }
      previous = date;
      previousLine = line;
      kindList.add((byte) kind.ordinal());
      nameList.add(shared.computeIfAbsent(name, s -> s));
      sourceList.add(shared.computeIfAbsent(source, s -> s));
    }

    if (column == null) {
      throw new IllegalStateException(sourceName + ": empty, expected a header line "
          + String.join(",", COLUMNS));
    }
    if (first == null) {
      throw new IllegalStateException(sourceName + ": header only, no dates");
    }
    if (swapOffLines.size() != swapWorkLines.size()) {
      throw new IllegalStateException(sourceName + ": " + swapOffLines.size()
          + " swap_off day(s) (lines " + swapOffLines + ") but " + swapWorkLines.size()
          + " swap_workday day(s) (lines " + swapWorkLines
          + "); every weekday swapped off is made up on a weekend day");
    }
    byte[] kinds = new byte[kindList.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = kindList.get(i);
    }
    return new WorkingCalendar(sourceName, first, kinds,
        nameList.toArray(new String[0]), sourceList.toArray(new String[0]));
  }

  /** Returns the first date the calendar covers. */
  public LocalDate firstDay() {
    return firstDay;
  }

  /** Returns the last date the calendar covers. */
  public LocalDate lastDay() {
    return lastDay;
  }

  /** Returns true if {@code d} is between {@link #firstDay()} and {@link #lastDay()} inclusive. */
  public boolean covers(LocalDate d) {
    long off = d.toEpochDay() - firstEpochDay;
    return off >= 0 && off < kinds.length;
  }

  /**
   * Returns true if state agencies work on {@code d}.
   *
   * @throws IllegalArgumentException if {@code d} is outside the calendar (the message names the
   *     range)
   */
  public boolean isWorkingDay(LocalDate d) {
    return working[index(d)];
  }

  /**
   * Returns why {@code d} is or is not a working day.
   *
   * @throws IllegalArgumentException if {@code d} is outside the calendar
   */
  public DayKind kind(LocalDate d) {
    return DayKind.ofOrdinal(kinds[index(d)]);
  }

  /**
   * Returns the Vietnamese name of the holiday {@code d} belongs to (e.g. "Tết Nguyên đán"), or ""
   * for a plain weekday or weekend. A swap day carries the name of the holiday it lengthens.
   *
   * @throws IllegalArgumentException if {@code d} is outside the calendar
   */
  public String name(LocalDate d) {
    return names[index(d)];
  }

  /**
   * Returns the first working day strictly after {@code d}.
   *
   * @throws IllegalArgumentException if {@code d} is outside the calendar or no working day follows
   *     it within the calendar
   */
  public LocalDate nextWorkingDay(LocalDate d) {
    int k = workingBefore[index(d) + 1];
    if (k >= workingIndexes.length) {
      throw new IllegalArgumentException(
          "no working day after " + d + " within the calendar, which covers " + range());
    }
    return LocalDate.ofEpochDay(firstEpochDay + workingIndexes[k]);
  }

  /**
   * Returns the date {@code n} working days after {@code d}, not counting {@code d} itself: for
   * {@code n = 1} the next working day, and so on. For {@code n = 0} returns {@code d} if it is a
   * working day, else the next working day (the usual "a deadline on a day off moves to the next
   * working day").
   *
   * @throws IllegalArgumentException if {@code n < 0}, {@code d} is outside the calendar, or the
   *     result would be after {@link #lastDay()}
   */
  public LocalDate addWorkingDays(LocalDate d, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
    int i = index(d);
    if (n == 0 && working[i]) {
      return d;
    }
    long k = (long) workingBefore[i + 1] + Math.max(n, 1) - 1;
    if (k >= workingIndexes.length) {
      throw new IllegalArgumentException(d + " + " + n
          + " working days is after the end of the calendar, which covers " + range());
    }
    return LocalDate.ofEpochDay(firstEpochDay + workingIndexes[(int) k]);
  }

  /**
   * Returns the number of working days {@code w} with {@code fromExclusive < w <= toInclusive}, or
   * 0 if {@code toInclusive <= fromExclusive}. {@code fromExclusive} may be the day before
   * {@link #firstDay()}, so a count can start at the first covered day.
   *
   * @throws IllegalArgumentException if the interval reaches outside the calendar
   */
  public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    long from = fromExclusive.toEpochDay() - firstEpochDay;
    long to = toInclusive.toEpochDay() - firstEpochDay;
    if (to <= from) {
      return 0;
    }
    if (from < -1 || to >= kinds.length) {
      throw new IllegalArgumentException("working days from " + fromExclusive + " (exclusive) to "
          + toInclusive + " reach outside the calendar, which covers " + range());
    }
    return workingBefore[(int) to + 1] - workingBefore[(int) from + 1];
  }

  /** Returns every row of the calendar in date order (a new unmodifiable list on each call). */
  public List<Day> days() {
    List<Day> days = new ArrayList<>(kinds.length);
    for (int i = 0; i < kinds.length; i++) {
      days.add(new Day(LocalDate.ofEpochDay(firstEpochDay + i), working[i],
          DayKind.ofOrdinal(kinds[i]), names[i], sources[i]));
    }
    return Collections.unmodifiableList(days);
  }

  @Override
  public String toString() {
    return "WorkingCalendar[" + range() + " from " + sourceName + "]";
  }

  private int index(LocalDate d) {
    long off = d.toEpochDay() - firstEpochDay;
    if (off < 0 || off >= kinds.length) {
      throw new IllegalArgumentException(
          d + " is outside the working-day calendar, which covers " + range());
    }
    return (int) off;
  }

  private String range() {
    return firstDay + " to " + lastDay;
  }

  private static List<String> readResource(String resource) {
    InputStream in = WorkingCalendar.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is not on the class path");
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static IllegalStateException problem(String file, int line, String text, String message) {
    return new IllegalStateException(file + " line " + line + ": " + message + " [" + text + "]");
  }

  private static String display(DayOfWeek dow) {
    String s = dow.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String nfc(String s) {
    return Normalizer.isNormalized(s, Normalizer.Form.NFC)
        ? s
        : Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  /** Splits one CSV line with RFC 4180 quoting; a quoted value may not span lines. */
  private static List<String> split(String text, String file, int line) {
    if (CsvCells.hasOpenQuote(text)) {
      throw problem(file, line, text, "unterminated quote");
    }
    return CsvCells.split(text);
  }
}
