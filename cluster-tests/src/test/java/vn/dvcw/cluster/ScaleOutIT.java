package vn.dvcw.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The same refresh where users outgrow one machine (issue 14), proven on this one:
 *
 * <ol>
 *   <li>A Spark standalone cluster (a Master and Workers from the Spark jars, executors in JVMs of their own)
 *       runs the application jar's refresh through spark-submit in client mode, first with one Worker, then
 *       with two, on the bundled inputs (the documents and the service index's .xlsx exports) plus a small
 *       generated feed. The Spark installation holds Spark's own commons-compress, commons-io and commons-lang3,
 *       older than POI needs: the application jar's relocated copies must be the ones it uses.
 *   <li>The lakehouse and the inputs on S3 ({@code s3a://}, an S3-compatible server on 127.0.0.1): refresh,
 *       re-run, query, {@code --as-of}, the lock, maintain.
 *   <li>Every gold table (and the quarantine) of both equals the local-mode result on a local disk.
 * </ol>
 *
 * The work runs once, in {@link #runEverything()}; each test checks one claim on what it printed. The test JVM
 * holds no Spark: it starts the processes, serves S3, and reads their output. Wall times go to
 * {@code target/scale-out/summary.txt}.
 */
@Tag("spark")
class ScaleOutIT {
  /** The pseudonymisation secret of every process here: the same secret gives the same pseudonyms everywhere. */
  private static final String SECRET = "scale-out-test-only-secret-0123456789abcdef";
  private static final String BUCKET = "dvcw";
  private static final String S3_LAKEHOUSE = "s3a://" + BUCKET + "/lakehouse";
  // Far above the normal time: a limit for a stuck process, not a speed target (a loaded machine is slow).
  private static final Duration RUN_LIMIT = Duration.ofMinutes(45);
  private static final Pattern DIGEST = Pattern.compile("^@@digest (\\S+) (\\d+) (-?\\d+) (\\w+)$");
  /** The cluster sizes the refresh runs on, in order ({@code -Ddvcw.scaleOut.workers=1,2}, the default). */
  private static final List<Integer> WORKERS = java.util.Arrays.stream(
      System.getProperty("dvcw.scaleOut.workers", "1,2").split(",")).map(String::strip).map(Integer::valueOf)
      .sorted().distinct().toList();

  private static Path work;
  private static SparkInstallation spark;
  private static Path feed;
  private static final Map<Integer, Integer> clusterExit = new LinkedHashMap<>();
  private static final Map<Integer, Double> clusterSeconds = new LinkedHashMap<>();
  private static final Map<Integer, String> clusterOutput = new LinkedHashMap<>();
  private static Script local;
  private static Script clusterDigests;
  private static final List<String> summary = new ArrayList<>();

  @BeforeAll
  static void runEverything() throws Exception {
    work = Checkout.target().resolve("scale-out");
    deleteRecursively(work);
    Files.createDirectories(work);
    spark = SparkInstallation.layOut();
    feed = generateFeed();

    // 1. Local mode: the reference on a local disk, then everything on S3.
    try (S3Server s3 = S3Server.start()) {
      s3.createBucket(BUCKET);
      s3.upload(Checkout.bundledInputs(), BUCKET, "landing/inputs");
      s3.upload(feed, BUCKET, "landing/feed");
      String inputs = "s3a://" + BUCKET + "/landing/inputs";
      String s3Feed = "s3a://" + BUCKET + "/landing/feed";
      local = Script.run("local", s3.sparkOptions(), List.of(
          step("dvcw", "refresh", "--lakehouse", lakehouse("local"), "--inputs", Checkout.bundledInputs().toString(),
              "--feed", feed.toString()),
          step("digest", lakehouse("local")),
          // S3: the inputs first, then the feed beside them (so --as-of the first run has no dossier facts),
          // then the same again, which must change nothing.
          step("dvcw", "refresh", "--lakehouse", S3_LAKEHOUSE, "--inputs", inputs),
          step("dvcw", "refresh", "--lakehouse", S3_LAKEHOUSE, "--inputs", inputs, "--feed", s3Feed),
          step("digest", S3_LAKEHOUSE),
          step("dvcw", "refresh", "--lakehouse", S3_LAKEHOUSE, "--inputs", inputs, "--feed", s3Feed),
          step("digest", S3_LAKEHOUSE),
          step("dvcw", "sql", "--lakehouse", S3_LAKEHOUSE, "--format", "csv",
              "SELECT count(*) AS daily_rows, sum(received) AS received FROM gold.dossier_daily"),
          step("dvcw", "sql", "--lakehouse", S3_LAKEHOUSE, "--format", "csv", "--as-of", "${RUN2}",
              "SELECT count(*) AS daily_rows, sum(received) AS received FROM gold.dossier_daily"),
          // The lock: one held by a refresh on another machine is honoured; create-if-absent is not atomic on S3A.
          step("hold-lock", S3_LAKEHOUSE),
          step("dvcw", "refresh", "--lakehouse", S3_LAKEHOUSE, "--inputs", inputs),
          step("drop-lock", S3_LAKEHOUSE),
          step("create-race", "s3a://" + BUCKET + "/race"),
          step("create-race", work.resolve("race").toUri().toString()),
          step("dvcw", "maintain", "--lakehouse", S3_LAKEHOUSE),
          step("dvcw", "sql", "--lakehouse", S3_LAKEHOUSE, "--format", "csv", "--as-of", "${RUN2}",
              "SELECT count(*) AS daily_rows, sum(received) AS received FROM gold.dossier_daily"),
          step("digest", S3_LAKEHOUSE)));
      summary.add(String.format("local mode (local disk reference, digests, all S3 steps): %.1f s", local.seconds));
      summary.add("S3 lakehouse objects after maintain: " + s3.keys(BUCKET, "lakehouse/").size());
    }

    // 2. The standalone cluster: the refresh with one Worker, then with two, each into its own lakehouse.
    try (StandaloneCluster cluster = StandaloneCluster.start(spark, work.resolve("cluster"))) {
      for (int workers : WORKERS) {
        while (cluster.workers() < workers) {
          cluster.addWorker();
        }
        submitRefresh(cluster, workers);
      }
    }
    clusterDigests = Script.run("cluster-digests", List.of(),
        WORKERS.stream().map(w -> step("digest", lakehouse("cluster-" + w))).toList());
    Files.write(work.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
    summary.forEach(System.out::println);
  }

  @AfterAll
  static void keepLogs() {
    System.out.println("scale-out logs: " + work);
  }

  // ---- the cluster ------------------------------------------------------------------------------------------

  @Test
  void theClusterRefreshSucceedsOnEachClusterSize() {
    for (int workers : WORKERS) {
      // Exit 3: the generator injects broken messages, which are quarantined (the local run says the same).
      assertEquals(local.exitOf(0), clusterExit.get(workers), "exit with " + workers + " workers\n"
          + tail(clusterOutput.get(workers)));
      assertTrue(clusterOutput.get(workers).contains("spark://127.0.0.1:"), "ran on the standalone master");
    }
  }

  @Test
  void everyGoldTableOnTheClusterEqualsLocalMode() {
    Map<String, String> reference = local.contents(lakehouse("local"), 0);
    assertTrue(reference.keySet().containsAll(List.of("gold.dossier_daily", "gold.fact_online_submission",
        "ops.quarantine")), reference.toString());
    assertTrue(!reference.get("gold.dossier_daily").startsWith("0 "), "the reference has dossier facts");
    assertTrue(!reference.get("silver.service_index_score").startsWith("0 "), "the reference has the .xlsx rows");
    for (int workers : WORKERS) {
      assertEquals(reference, clusterDigests.contents(lakehouse("cluster-" + workers), 0), workers + " worker(s)");
    }
  }

  // ---- S3 ---------------------------------------------------------------------------------------------------

  @Test
  void theS3RefreshesExitAsLocallyAndTheRerunChangesNothing() {
    // Exit 3 the first time: the bundled documents' sources are stale, which is alerted once (README "Freshness").
    assertEquals(3, local.exitOf(1), "documents only");
    assertEquals(local.exitOf(0), local.exitOf(2), "documents and the feed, as in local mode");
    assertEquals(0, local.exitOf(3), "the same inputs again");
    // Same rows and the same Delta version of every gold table: the re-run committed nothing.
    assertEquals(local.digests(S3_LAKEHOUSE, 0), local.digests(S3_LAKEHOUSE, 1));
  }

  @Test
  void everyGoldTableOnS3EqualsLocalMode() {
    assertEquals(local.contents(lakehouse("local"), 0), local.contents(S3_LAKEHOUSE, 0));
  }

  @Test
  void theS3LakehouseAnswersQueriesNowAndAsOfAnEarlierRun() {
    String now = local.outputOfStep(7);
    String asOfDocumentsOnly = local.outputOfStep(8);
    assertTrue(now.matches("(?s).*daily_rows,received\n[1-9]\\d*,[1-9]\\d*\n.*"), now);
    assertTrue(asOfDocumentsOnly.contains("daily_rows,received\n0,\n"), "as of the documents-only run: "
        + asOfDocumentsOnly);
  }

  @Test
  void theLockOnS3IsHonouredButItsCreateIsNotAtomic() {
    assertEquals(4, local.exitOf(6), "a lock held from another machine makes the refresh wait, then exit 4");
    assertTrue(local.outputOfStep(10).contains("another refresh is writing to this lakehouse"),
        local.outputOfStep(10));
    assertTrue(local.output.contains("where the refresh lock is an existence check then a write"),
        "the refresh on s3a says what its lock guarantees");
    assertTrue(local.output.contains("@@race s3a://" + BUCKET + "/race both-created first"),
        "S3A lets a second create-if-absent through while the first file is open: " + races());
    assertTrue(local.output.matches("(?s).*@@race file:\\S+ refused first.*"), "the local disk refuses it: " + races());
  }

  @Test
  void maintainOnS3KeepsTheRowsAndTheEarlierVersionsReadable() {
    assertEquals(9, local.exitCodes.size(), "every dvcw command ran: " + local.exitCodes);
    assertEquals(0, local.exitOf(7), "maintain");
    assertEquals(local.contents(S3_LAKEHOUSE, 0), local.contents(S3_LAKEHOUSE, 2), "rows after maintain");
    assertEquals(withoutLogLines(local.outputOfStep(8)), withoutLogLines(local.outputOfStep(15)),
        "--as-of the first run after maintain");
  }

  /** A command's output without Spark's log lines ("03:12:11.808 WARN …"), which vary with the JVM's history. */
  private static String withoutLogLines(String output) {
    return output.lines().filter(l -> !l.matches("\\d{2}:\\d{2}:\\d{2}\\.\\d{3} [A-Z]+ .*"))
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  // ---- the runs ---------------------------------------------------------------------------------------------

  /** 'dvcw generate' in a JVM of its own (no Spark): two weeks across the 1 July 2025 reorganisation. */
  private static Path generateFeed() {
    Path out = work.resolve("feed");
    try (ChildJvm gen = ChildJvm.start(new ChildJvm.Spec("generate", "vn.dvcw.app.Main")
        .classpath(spark.classpathWithApplication()).heap("512m").log(work.resolve("generate.log"))
        .args("generate", "--from", "2025-06-24", "--to", "2025-07-07", "--scale", "0.0002", "--seed", "3",
            "--out", out.toString(), "--threads", "1"))) {
      int code = gen.awaitExit(RUN_LIMIT);
      assertEquals(0, code, "dvcw generate: " + gen.tail(20));
      summary.add(String.format("generate: %.1f s; %s", gen.seconds(),
          gen.output().lines().filter(l -> l.startsWith("generated")).findFirst().orElse("")));
    }
    return out;
  }

  /** spark-submit (client mode) of the application jar's refresh, as the README shows it. */
  private static void submitRefresh(StandaloneCluster cluster, int workers) {
    List<String> args = new ArrayList<>(List.of("--master", cluster.masterUrl(), "--deploy-mode", "client",
        "--class", "vn.dvcw.app.Main", "--name", "dvcw-refresh-" + workers + "-workers",
        "--conf", "spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension",
        "--conf", "spark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog",
        "--conf", "spark.executor.memory=1g",
        "--conf", "spark.executor.extraJavaOptions=@" + Checkout.path("conf", "java17.args"),
        "--conf", "spark.driver.host=127.0.0.1",
        Checkout.applicationJar().toString(),
        "refresh", "--lakehouse", lakehouse("cluster-" + workers), "--inputs", Checkout.bundledInputs().toString(),
        "--feed", feed.toString()));
    try (ChildJvm submit = ChildJvm.start(spark.environment(new ChildJvm.Spec("spark-submit-" + workers,
        "org.apache.spark.deploy.SparkSubmit")).classpath(spark.classpath()).heap("1g")
        .env("DVCW_PSEUDONYM_KEY", SECRET)
        .log(work.resolve("spark-submit-" + workers + "-workers.log")).args(args))) {
      clusterExit.put(workers, submit.awaitExit(RUN_LIMIT));
      clusterSeconds.put(workers, submit.seconds());
      clusterOutput.put(workers, submit.output());
      summary.add(String.format("standalone cluster, %d worker(s) of 1 core and 1 GiB: refresh %.1f s (exit %d)",
          workers, submit.seconds(), clusterExit.get(workers)));
    }
  }

  private static String lakehouse(String name) {
    return work.resolve("lake-" + name).toString();
  }

  private static String[] step(String... words) {
    return words;
  }

  private static String races() {
    return local.output.lines().filter(l -> l.startsWith("@@race")).collect(Collectors.joining("; "));
  }

  private static String tail(String text) {
    List<String> lines = text.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (Files.exists(p)) {
      try (Stream<Path> all = Files.walk(p)) {
        for (Path f : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
  }

  /** The output of one {@link WarehouseScript} run, cut at its {@code @@} markers. */
  private static final class Script {
    private final String output;
    private final double seconds;
    private final List<Integer> exitCodes = new ArrayList<>();
    private final List<String> commandOutputs = new ArrayList<>();

    private Script(String output, double seconds) {
      this.output = output;
      this.seconds = seconds;
      StringBuilder current = null;
      for (String line : output.lines().toList()) {
        if (line.startsWith("@@step dvcw ")) {
          current = new StringBuilder();
        } else if (line.startsWith("@@exit ") && current != null) {
          exitCodes.add(Integer.parseInt(line.substring(7).strip()));
          commandOutputs.add(current.toString());
          current = null;
        } else if (current != null && !line.startsWith("@@")) {
          current.append(line).append('\n');
        }
      }
    }

    static Script run(String name, List<String> jvmOptions, List<String[]> steps) throws IOException {
      Path file = work.resolve(name + "-steps.tsv");
      Files.write(file, steps.stream().map(s -> String.join("\t", s)).toList(), StandardCharsets.UTF_8);
      ChildJvm.Spec spec = new ChildJvm.Spec(name, WarehouseScript.class.getName())
          .classpath(spark.classpathWithApplication()).heap("2g").env("DVCW_PSEUDONYM_KEY", SECRET)
          .env("DVCW_LOCK_WAIT_SECONDS", "2").log(work.resolve(name + ".log")).args(file.toString());
      jvmOptions.forEach(spec::jvmOption);
      try (ChildJvm jvm = ChildJvm.start(spec)) {
        int code = jvm.awaitExit(RUN_LIMIT);
        String out = jvm.output();
        assertEquals(0, code, name + " failed; its log: " + jvm.log() + "\n" + jvm.tail(60));
        assertTrue(out.contains("@@done"), name + " stopped early:\n" + jvm.tail(60));
        return new Script(out, jvm.seconds());
      }
    }

    int exitOf(int command) {
      return exitCodes.get(command);
    }

    /** What the {@code n}-th step (counting from 0, every kind) printed, when it was a dvcw command. */
    String outputOfStep(int n) {
      List<String> steps = output.lines().filter(l -> l.startsWith("@@step ")).toList();
      int dvcwIndex = -1;
      for (int i = 0; i <= n; i++) {
        if (steps.get(i).startsWith("@@step dvcw ")) {
          dvcwIndex++;
        }
      }
      assertTrue(steps.get(n).startsWith("@@step dvcw "), "step " + n + " is no dvcw command: " + steps.get(n));
      return commandOutputs.get(dvcwIndex);
    }

    /** The {@code occurrence}-th digest of {@code lakehouse}: table → "rows version sha". */
    Map<String, String> digests(String lakehouse, int occurrence) {
      List<Map<String, String>> all = new ArrayList<>();
      Map<String, String> current = null;
      for (String line : output.lines().toList()) {
        if (line.equals("@@step digest " + lakehouse)) {
          current = new LinkedHashMap<>();
          all.add(current);
        } else if (line.startsWith("@@step ")) {
          current = null;
        } else if (current != null) {
          Matcher m = DIGEST.matcher(line);
          if (m.matches()) {
            current.put(m.group(1), m.group(2) + " " + m.group(3) + " " + m.group(4));
          }
        }
      }
      assertTrue(all.size() > occurrence, "no digest " + occurrence + " of " + lakehouse);
      assertFalse(all.get(occurrence).isEmpty(), "empty digest of " + lakehouse);
      return all.get(occurrence);
    }

    /** Like {@link #digests} without the Delta versions, which depend on how many runs wrote the table. */
    Map<String, String> contents(String lakehouse, int occurrence) {
      Map<String, String> out = new LinkedHashMap<>();
      digests(lakehouse, occurrence).forEach((t, d) -> {
        String[] p = d.split(" ");
        out.put(t, p[0] + " " + p[2]);
      });
      return out;
    }
  }
}
