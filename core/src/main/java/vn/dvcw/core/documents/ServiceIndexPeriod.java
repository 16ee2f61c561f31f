package vn.dvcw.core.documents;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a 766 score covers: a year (to date), a quarter or a month. {@code number} is the quarter (1–4) or
 * month (1–12), null for a year. Written "year 2025", "quarter 3/2025", "month 10/2025" in
 * {@code service-index-periods.tsv}.
 */
public record ServiceIndexPeriod(String kind, int year, Integer number) {
  public static final String YEAR = "year";
  public static final String QUARTER = "quarter";
  public static final String MONTH = "month";

  private static final Pattern WRITTEN =
      Pattern.compile("(year|quarter|month)\\s++(?:(\\d{1,2})/)?+(\\d{4})", Pattern.CASE_INSENSITIVE);

  public ServiceIndexPeriod {
    if (year < 2000 || year > 2100) {
      throw new IllegalArgumentException("year out of range: " + year);
    }
    switch (kind) {
      case YEAR -> number = null;
      case QUARTER -> require(number, 4);
      case MONTH -> require(number, 12);
      default -> throw new IllegalArgumentException("period kind must be year, quarter or month: " + kind);
    }
  }

  private static void require(Integer number, int max) {
    if (number == null || number < 1 || number > max) {
      throw new IllegalArgumentException("period number must be 1.." + max + ": " + number);
    }
  }

  /** Reads "year 2025", "quarter 3/2025", "month 10/2025"; null for anything else. */
  public static ServiceIndexPeriod parse(String written) {
    Matcher m = WRITTEN.matcher(written == null ? "" : written.strip());
    if (!m.matches()) {
      return null;
    }
    String kind = m.group(1).toLowerCase(Locale.ROOT);
    Integer number = m.group(2) == null ? null : Integer.valueOf(m.group(2));
    try {
      return new ServiceIndexPeriod(kind, Integer.parseInt(m.group(3)), number);
    } catch (IllegalArgumentException bad) {
      return null;
    }
  }

  public LocalDate start() {
    return switch (kind) {
      case YEAR -> LocalDate.of(year, 1, 1);
      case QUARTER -> LocalDate.of(year, (number - 1) * 3 + 1, 1);
      default -> LocalDate.of(year, number, 1);
    };
  }

  public LocalDate end() {
    return switch (kind) {
      case YEAR -> LocalDate.of(year, 12, 31);
      case QUARTER -> start().plusMonths(3).minusDays(1);
      default -> start().plusMonths(1).minusDays(1);
    };
  }

  @Override
  public String toString() {
    return number == null ? kind + " " + year : kind + " " + number + "/" + year;
  }
}
