package vn.dvcw.pipelines.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.dvcw.pipelines.JobContext;
import vn.dvcw.pipelines.SparkTestBase;
import vn.dvcw.pipelines.StepHook;
import vn.dvcw.storage.WarehouseSession;
import vn.dvcw.storage.catalog.WarehouseTables;
import vn.dvcw.storage.write.TableWriter;

/**
 * analytics.freshness and the refresh's stale-source alert, with "today" pinned through {@link #TODAY_CONF}: the
 * bundled documents are fresh on their own date, stale on 2026-12-03, alerted once, and alerted again only once
 * newer figures have gone stale in turn.
 */
class FreshnessTest extends SparkTestBase {

  @AfterEach
  void restoreToday() {
    spark().conf().set(TODAY_CONF, SEED_TODAY);
  }

  @Test
  void bundledSourcesOnTheirOwnDateAreFreshNeverLoadedOrUntracked() {
    useSeedLakehouse();
    Map<String, String> status = statuses();
    assertEquals(Map.of("monthly_receipt_letter", "fresh", "integration_letter", "fresh",
        "steering_daily_report", "fresh", "kpi_directive", "fresh", "secondary_article", "untracked",
        "service_index_766", "never_loaded", "dossier_feed", "never_loaded"), status);
    Row letter = rows("SELECT latest_data_date, latest_snapshot, age_days, stale_after_days, stale_from, today "
        + "FROM analytics.freshness WHERE source = 'monthly_receipt_letter'").get(0);
    assertEquals("2025-07-31", letter.get(0).toString());
    assertEquals("7260/VPCP-KSTT", letter.get(1));
    assertEquals(10, letter.getInt(2));
    assertEquals(62, letter.getInt(3));
    assertEquals("2025-10-02", letter.get(4).toString());
    assertEquals(SEED_TODAY, letter.get(5).toString());
    // The integration letter's snapshot of 09/6/2025 is exactly at its limit on the pinned day: still fresh.
    assertEquals(62, count("SELECT age_days FROM analytics.freshness WHERE source = 'integration_letter'"));
    assertEquals(0, count("SELECT count(*) FROM ops.freshness_alert"), "nothing stale, nothing alerted");
    assertEquals(RefreshResult.OK, seedRefresh().exitCode());
  }

  @Test
  void aStaleSourceIsAlertedOnceAndAgainOnlyAfterNewerFiguresGoStale() throws IOException {
    Path lakehouse = copyOfSeedLakehouse();
    at("2026-12-03", lakehouse);
    RefreshResult first = refresh(spark(), lakehouse, seedInputs());
    // What `dvcw refresh` of the bundled documents prints about them on 2026-12-03 (quoted in the README).
    first.summary().stream().filter(l -> l.startsWith("STALE") || l.startsWith("NEVER") || l.startsWith("freshness"))
        .forEach(System.out::println);
    assertEquals(RefreshResult.FINDINGS, first.exitCode(), "the first time sources pass their limit");
    assertTrue(first.summary().contains(
        "STALE monthly_receipt_letter: data to 2025-07-31 (7260/VPCP-KSTT), 490 days old, limit 62 days [new]"),
        first.summary().toString());
    assertTrue(first.summary().contains("NEVER LOADED service_index_766: nothing of it is in the lakehouse"));
    assertEquals(List.of("integration_letter@2025-06-09", "kpi_directive@" + directiveDate(),
        "monthly_receipt_letter@2025-07-31", "steering_daily_report@2025-08-09"), alertIds());

    RefreshResult again = refresh(spark(), lakehouse, seedInputs());
    assertEquals(RefreshResult.OK, again.exitCode(), "still stale on the same figures: alerted before");
    assertTrue(again.summary().contains("STALE monthly_receipt_letter: data to 2025-07-31 (7260/VPCP-KSTT), "
        + "490 days old, limit 62 days (alerted before)"), again.summary().toString());

    // The dossier feed: figures to 2026-11-30 are fresh on 2026-12-01, stale on 2026-12-03 (one alert), still the
    // same alert on 2026-12-05; newer figures (to 2026-12-04) are fresh again, and stale again on 2026-12-09.
    feedAsOf(lakehouse, "2026-11-30");
    assertEquals(0, check("2026-12-01", lakehouse).newAlerts());
    assertEquals("fresh", statuses().get("dossier_feed"));
    assertEquals(1, check("2026-12-03", lakehouse).newAlerts());
    assertEquals(0, check("2026-12-05", lakehouse).newAlerts());
    feedAsOf(lakehouse, "2026-12-04");
    assertEquals(0, check("2026-12-05", lakehouse).newAlerts());
    assertEquals("fresh", statuses().get("dossier_feed"));
    FreshnessCheck.Result staleAgain = check("2026-12-09", lakehouse);
    assertEquals(1, staleAgain.newAlerts());
    assertTrue(staleAgain.lines().contains(
        "STALE dossier_feed: data to 2026-12-04, 5 days old, limit 2 days [new]"), staleAgain.lines().toString());
    assertEquals(List.of("dossier_feed@2026-11-30", "dossier_feed@2026-12-04"),
        alertIds().stream().filter(id -> id.startsWith("dossier_feed")).toList());
  }

  /** A row of gold.dossier_as_of. */
  record AsOf(String feed, Timestamp asOfAt, Date asOfDate, String pseudonymKeyFingerprint, String runId) {}

  /** Makes the feed's facts as of {@code day} (17:00), written as the feed job writes it. */
  private static void feedAsOf(Path lakehouse, String day) {
    TableWriter writer = new TableWriter(spark(), lakehouse.toString());
    writer.write(WarehouseTables.DOSSIER_AS_OF, writer.frame(WarehouseTables.DOSSIER_AS_OF, List.of(new AsOf("dossier",
        Timestamp.valueOf(day + " 17:00:00"), Date.valueOf(day), "test", "test-run"))));
  }

  /** Pins "today" and attaches {@code lakehouse}: the views are created again, counting to that day. */
  private static void at(String today, Path lakehouse) {
    spark().conf().set(TODAY_CONF, today);
    WarehouseSession.attach(spark(), lakehouse.toString());
  }

  private static FreshnessCheck.Result check(String today, Path lakehouse) {
    at(today, lakehouse);
    return new FreshnessCheck(JobContext.of(spark(), StepHook.NONE)).run("test-" + today);
  }

  private static Map<String, String> statuses() {
    Map<String, String> out = new LinkedHashMap<>();
    rows("SELECT source, status FROM analytics.freshness ORDER BY source").forEach(r -> out.put(r.getString(0),
        r.getString(1)));
    return out;
  }

  private static List<String> alertIds() {
    return rows("SELECT alert_id FROM ops.freshness_alert ORDER BY alert_id").stream().map(r -> r.getString(0))
        .toList();
  }

  private static String directiveDate() {
    return String.valueOf(scalar("SELECT latest_data_date FROM analytics.freshness WHERE source = 'kpi_directive'"));
  }

  /** The seed lakehouse copied folder by folder (Delta logs hold relative paths): its data without a refresh. */
  private static Path copyOfSeedLakehouse() throws IOException {
    Path from = Path.of(seedLakehouse());
    Path to = Files.createTempDirectory("dvcw-fresh-lakehouse");
    try (Stream<Path> files = Files.walk(from)) {
      files.filter(p -> !p.equals(from) && !p.startsWith(from.resolve("_locks"))).forEach(p -> {
        try {
          Files.copy(p, to.resolve(from.relativize(p).toString()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    return to;
  }
}
