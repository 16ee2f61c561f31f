package vn.dvcw.tools.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dvcw.core.calendar.WorkingCalendar;

/**
 * The generated volumes follow the calibration: July 2025 online shares per province are the seed's
 * (20-BCHN), late acceptance is 7260's order of magnitude, the national online rate rises through 2024
 * and steps up on 1/7/2025, a year holds about 70 M × scale dossiers, weekends and Tết are near empty
 * and December peaks.
 */
// Writes whole generated feeds (tens of MB): not in the fast group, which must stay under a minute.
@Tag("generator")
class GeneratorCalibrationTest {
  @TempDir static Path tmp;
  static Map<String, long[]> july;
  static Map<String, long[]> twoYears;
  static Path twoYearsDir;

  @BeforeAll
  static void generate() throws IOException {
    Path a = tmp.resolve("july");
    FeedGenerator.generate(GenerateOptions.of(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 8, 5), 0.004, 11, a, false));
    july = GeneratedFeed.truth(a);
    twoYearsDir = tmp.resolve("years");
    FeedGenerator.generate(GenerateOptions.of(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31), 0.0003, 5,
        twoYearsDir, false));
    twoYears = GeneratedFeed.truth(twoYearsDir);
  }

  /** Sum of measure {@code m} over rows whose key matches {@code regex}. */
  static long sum(Map<String, long[]> rows, String regex, int m) {
    Pattern p = Pattern.compile(regex);
    return rows.entrySet().stream().filter(e -> p.matcher(e.getKey()).matches()).mapToLong(e -> e.getValue()[m]).sum();
  }

  static double onlineRate(Map<String, long[]> rows, String monthRegex) {
    return (double) sum(rows, monthRegex + ",.*", 1) / sum(rows, monthRegex + ",.*", 0);
  }

  @Test
  void julyOnlineSharePerProvinceIsTheSeedRate() {
    double worst = 0;
    for (ProvinceCalibration c : Calibration.resourceRows()) {
      long received = sum(july, "2025-07,current," + c.code() + ",.*", 0);
      long online = sum(july, "2025-07,current," + c.code() + ",.*", 1);
      double p = c.onlineRateAll();
      double tolerance = 4 * Math.sqrt(p * (1 - p) / received) + 0.03;
      double share = (double) online / received;
      assertTrue(received > 50, c.name() + " received " + received);
      assertEquals(p, share, tolerance, c.name() + " online share");
      worst = Math.max(worst, Math.abs(share - p) / tolerance);
    }
    double national = onlineRate(july, "2025-07");
    assertEquals(0.7272, national, 0.02, "national online rate in July 2025");
  }

  @Test
  void julyLateAcceptanceAndOverdueAreTheLettersOrderOfMagnitude() {
    long online = sum(july, "2025-07,.*", 1);
    double late = (double) sum(july, "2025-07,.*", 4) / online;
    assertEquals(37_731d / 1_777_005, late, 0.01, "late acceptance share of online dossiers");
    double overdue = (double) sum(july, "2025-07,.*", 8) / sum(july, "2025-07,.*", 0);
    assertTrue(overdue > 0.5 * 87_939 / 1_777_005 && overdue < 2.0 * 87_939 / 1_777_005, "overdue share " + overdue);
    double lateInHanoi = (double) sum(july, "2025-07,current,01,.*", 4) / sum(july, "2025-07,current,01,.*", 1);
    assertEquals(8_025d / 38_792, lateInHanoi, 0.05, "Hà Nội's late acceptance share");
  }

  @Test
  void onlineRateRisesAndStepsUpAtTheSwitchOver() {
    double h1of2024 = onlineRate(twoYears, "2024-0[1-6]");
    double h2of2024 = onlineRate(twoYears, "2024-(0[7-9]|1[0-2])");
    double h1of2025 = onlineRate(twoYears, "2025-0[1-6]");
    double june2025 = onlineRate(twoYears, "2025-06");
    double july2025 = onlineRate(twoYears, "2025-07");
    double h2of2025 = onlineRate(twoYears, "2025-(0[7-9]|1[0-2])");
    assertTrue(h1of2024 > 0.42 && h1of2024 < 0.55, "2024 H1 " + h1of2024);
    assertTrue(h1of2024 < h2of2024 && h2of2024 < h1of2025 && h1of2025 < h2of2025,
        h1of2024 + " " + h2of2024 + " " + h1of2025 + " " + h2of2025);
    assertTrue(july2025 - june2025 > 0.05, "step on 1/7/2025: " + june2025 + " → " + july2025);
    assertEquals(0, sum(twoYears, "2025-0[1-6],current,.*", 0));
    assertEquals(0, sum(twoYears, "2025-(0[7-9]|1[0-2]),former,.*", 0));
    assertEquals(0, sum(twoYears, "2025-(0[7-9]|1[0-2]),.*,district,.*", 0));
  }

  @Test
  void aYearHoldsAboutSeventyMillionTimesTheScale() {
    long received2024 = sum(twoYears, "2024-.*", 0);
    assertEquals(70_000_000 * 0.0003, received2024, 70_000_000 * 0.0003 * 0.05, "dossiers received in 2024");
    long december = sum(twoYears, "2024-12,.*", 0);
    assertTrue(december > received2024 / 12 * 1.08, "December peak: " + december + " vs " + received2024 / 12);
    double postal = (double) sum(twoYears, ".*,postal", 0) / sum(twoYears, ".*", 0);
    assertTrue(postal > 0.01 && postal < 0.05, "postal share " + postal);
  }

  @Test
  void paymentAndDigitisedSharesArePlausible() {
    double paid = (double) sum(twoYears, "2025-(0[7-9]|1[0-2]),.*", 9) / sum(twoYears, "2025-(0[7-9]|1[0-2]),.*", 10);
    assertTrue(paid > 0.30 && paid < 0.55, "online payment share of dossiers with fees, 2025 H2: " + paid);
    double digitised = (double) sum(twoYears, "2025-.*", 11) / sum(twoYears, "2025-.*", 5);
    assertTrue(digitised > 0.80 && digitised < 0.95, "digitised results 2025: " + digitised);
  }

  @Test
  void weekendsAndTetAreNearlyEmptyByAcceptanceDate() throws IOException {
    WorkingCalendar cal = WorkingCalendar.vietnam();
    Pattern accepted = Pattern.compile("\"NgayTiepNhan\":\"(\\d{8})\\d{6}\",\"NgayHenTra\":\"\\d*\",\"TrangThaiHoSo\":\"2\"");
    Map<LocalDate, Integer> perDay = new HashMap<>();
    try (Stream<Path> files = Files.walk(twoYearsDir.resolve("feed"))) {
      for (Path f : files.filter(p -> p.toString().endsWith("-dossiers.jsonl.gz")).toList()) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)),
            StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            Matcher m = accepted.matcher(line);
            if (m.find()) {
              String d = m.group(1);
              perDay.merge(LocalDate.parse(d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6)), 1,
                  Integer::sum);
            }
          }
        }
      }
    }
    long working = 0;
    long workingDays = 0;
    long sundays = 0;
    long tet = 0;
    for (LocalDate d = LocalDate.of(2024, 1, 1); d.isBefore(LocalDate.of(2026, 1, 1)); d = d.plusDays(1)) {
      int n = perDay.getOrDefault(d, 0);
      if (cal.isWorkingDay(d)) {
        working += n;
        workingDays++;
      } else if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
        sundays += n;
      }
      if (!d.isBefore(LocalDate.of(2025, 1, 27)) && !d.isAfter(LocalDate.of(2025, 1, 31))) {
        tet += n;
      }
    }
    double perWorkingDay = (double) working / workingDays;
    assertTrue(perWorkingDay > 40, "acceptances per working day " + perWorkingDay);
    assertEquals(0, sundays, "acceptances on Sundays");
    assertEquals(0, tet, "acceptances during Tết 2025");
  }
}
