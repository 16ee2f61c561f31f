package vn.dvcw.tools.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import picocli.CommandLine;
import vn.dvcw.pipelines.SparkTestBase;
import vn.dvcw.pipelines.feed.FeedJob;
import vn.dvcw.tools.GenerateCommand;

/**
 * A generated feed across the reorganisation, loaded in two installments the way days arrive, must give exactly
 * the generator's own truth (truth/monthly.csv, computed from its model, not from the files), quarantine exactly
 * the broken messages it injected, and change nothing when loaded again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedFeedLoadTest extends SparkTestBase {
  /** The generator's kinds of broken message (manifest "injected"); the other kinds are valid but messy. */
  static final java.util.Set<String> BROKEN = java.util.Set.of("truncated_json", "empty_mahoso",
      "missing_ngaytiepnhan", "bad_timestamp", "unknown_agency", "bad_channel");
  static Path generated;
  static Path feed;
  static Path lakehouse;
  static JsonNode manifest;
  static FeedJob.Result second;
  static Map<String, List<String>> goldBefore;
  static Map<String, List<String>> goldAfter;

  /** gold.dossier_daily's rows as text, by month. */
  private static Map<String, List<String>> monthRows() {
    Map<String, List<String>> byMonth = new TreeMap<>();
    for (Row r : spark().read().format("delta").load(lakehouse.resolve("gold/dossier_daily").toString())
        .orderBy("month", "day", "province_key", "level", "channel", "source").collectAsList()) {
      byMonth.computeIfAbsent(r.getAs("month"), k -> new ArrayList<>()).add(r.toString());
    }
    return byMonth;
  }

  @BeforeAll
  static void generateAndLoadInTwoInstallments() throws Exception {
    generated = Files.createTempDirectory("dvcw-generated");
    int exit = new CommandLine(new GenerateCommand()).execute("--from", "2025-05-01", "--to", "2025-08-31",
        "--scale", "0.0004", "--seed", "11", "--out", generated.resolve("out").toString());
    assertEquals(0, exit, "dvcw generate failed");
    generated = generated.resolve("out");
    manifest = new ObjectMapper().readTree(generated.resolve("manifest.json").toFile());
    lakehouse = freshLakehouse();
    refresh(spark(), lakehouse, seedInputs()); // reference data and views; the feed is loaded by installments
    feed = Files.createTempDirectory("dvcw-feed-installments");
    List<Path> files;
    try (Stream<Path> s = Files.walk(generated.resolve("feed"))) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    FeedJob job = new FeedJob(spark(), lakehouse.toString(), line -> { });
    link(files, f -> f.getFileName().toString().compareTo("dvcqg-2025-07-10") < 0);
    job.run(feed.toString(), "first-installment");
    goldBefore = monthRows();
    link(files, f -> true);
    second = job.run(feed.toString(), "second-installment");
    goldAfter = monthRows();
  }

  private static void link(List<Path> files, java.util.function.Predicate<Path> which) throws Exception {
    for (Path f : files) {
      Path target = feed.resolve(generated.resolve("feed").relativize(f));
      if (which.test(f) && !Files.exists(target)) {
        Files.createDirectories(target.getParent());
        Files.createLink(target, f);
      }
    }
  }

  @Test
  @Order(1)
  void goldEqualsTheGeneratorsTruth() throws Exception {
    Map<String, String> truth = new TreeMap<>();
    List<String> lines = Files.readAllLines(generated.resolve("truth/monthly.csv"));
    String[] header = lines.get(0).split(",");
    String measures = String.join(",", List.of(header).subList(5, header.length));
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",", -1);
      truth.put(String.join(",", List.of(c).subList(0, 5)), String.join(",", List.of(c).subList(5, c.length)));
    }
    Map<String, String> gold = new TreeMap<>();
    String sums = String.join(", ", List.of(header).subList(5, header.length).stream()
        .map(m -> "CAST(sum(" + m + ") AS STRING)").toList());
    for (Row r : rows("SELECT month, era, province_code, level, channel, %s FROM gold.dossier_daily "
        + "GROUP BY month, era, province_code, level, channel", sums)) {
      List<String> v = new ArrayList<>();
      for (int i = 5; i < r.size(); i++) {
        v.add(r.getString(i));
      }
      gold.put(String.join(",", r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4)),
          String.join(",", v));
    }
    assertTrue(truth.size() > 100, "the truth has rows for both eras: " + truth.size());
    List<String> diffs = new ArrayList<>();
    for (String k : truth.keySet()) {
      if (!truth.get(k).equals(gold.get(k))) {
        diffs.add(k + " truth " + truth.get(k) + " gold " + gold.get(k));
      }
    }
    gold.keySet().stream().filter(k -> !truth.containsKey(k)).forEach(k -> diffs.add(k + " only in gold"));
    assertEquals(List.of(), diffs.subList(0, Math.min(10, diffs.size())), measures + "; " + diffs.size() + " differ");
  }

  @Test
  @Order(2)
  void exactlyTheInjectedBrokenMessagesAreQuarantined() {
    long injectedBroken = 0;
    for (var e : iterable(manifest.get("injected").fields())) {
      if (BROKEN.contains(e.getKey())) {
        injectedBroken += e.getValue().asLong();
      }
    }
    assertTrue(injectedBroken > 0, "the generator injected broken messages: " + manifest.get("injected"));
    // A day file the generator wrote with no messages at all is listed too (an empty feed file never passes
    // silently, README "Bad feed files"); it is not a broken message.
    assertEquals(injectedBroken, count("SELECT count(*) FROM ops.quarantine WHERE stage = 'feed' "
        + "AND reason NOT LIKE 'file holds no messages%'"), manifest.get("injected").toString());
  }

  @Test
  @Order(3)
  void theSecondInstallmentRewroteExactlyTheMonthsWhoseFiguresChanged() {
    List<String> changed = new ArrayList<>();
    for (String m : new java.util.TreeSet<>(concat(goldBefore.keySet(), goldAfter.keySet()))) {
      if (!java.util.Objects.equals(goldBefore.get(m), goldAfter.get(m))) {
        changed.add(m);
      }
    }
    assertTrue(changed.contains("2025-08"), "the new days' month changed: " + changed);
    assertEquals(changed, second.monthsRebuilt());
  }

  private static List<String> concat(java.util.Collection<String> a, java.util.Collection<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Test
  @Order(4)
  void everyMonthIsOnTheCurrentMapAndMarkedSynthetic() {
    useLakehouseViews();
    assertEquals(List.of("2025-05", "2025-06", "2025-07", "2025-08"), rows("SELECT DISTINCT month FROM "
        + "analytics.dossier_monthly WHERE geography = 'current' AND level = 'all' ORDER BY month").stream()
        .map(r -> r.getString(0)).toList());
    assertEquals(0L, count("SELECT count(*) FROM analytics.dossier_monthly WHERE source_kind <> 'synthetic'"));
    assertEquals(34L, count("SELECT count(DISTINCT province_code) FROM analytics.online_rate_trend "
        + "WHERE period_kind = 'month' AND period_start = DATE'2025-05-01' AND source_kind = 'synthetic'"));
  }

  @Test
  @Order(5)
  void loadingAgainChangesNothing() {
    long before = io.delta.tables.DeltaTable.forPath(spark(), lakehouse.resolve("silver/dossier").toString())
        .history().count();
    FeedJob.Result again = new FeedJob(spark(), lakehouse.toString(), line -> { }).run(feed.toString(), "again");
    assertEquals(0, again.filesLoaded());
    assertEquals(before, io.delta.tables.DeltaTable.forPath(spark(), lakehouse.resolve("silver/dossier").toString())
        .history().count());
  }

  private static void useLakehouseViews() {
    vn.dvcw.storage.WarehouseSession.attach(spark(), lakehouse.toString());
  }

  private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
    return () -> it;
  }
}
