package vn.dvcw.pipelines.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.dvcw.pipelines.Pipelines;
import vn.dvcw.pipelines.SparkTestBase;
import vn.dvcw.pipelines.StepHook;
import vn.dvcw.pipelines.gold.GoldJob;
import vn.dvcw.storage.WarehouseSession;
import vn.dvcw.storage.catalog.TableSpec;
import vn.dvcw.storage.catalog.WarehouseTables;

/**
 * A refresh that dies part-way (here: an injected failure as each step starts, as a kill would) leaves every
 * table readable at its last committed version and the lock released; the next refresh completes with
 * nothing lost, nothing duplicated and no alert lost: the inputs carry one finding nobody acknowledged, and the
 * recovery run must still call it new (exit 3), however far the killed runs got. Every run is recorded: failed,
 * busy and killed ones too. Then an operator's edits (an emptied gold table, a changed bronze text) are found by
 * {@code --verify} and undone by {@code --rebuild}.
 */
class CrashRecoveryTest extends SparkTestBase {

  @Test
  void failuresAtEachStepThenARefreshThatCompletesAndAlerts() throws Exception {
    Path lakehouse = freshLakehouse();
    Path inputs = seedWithOneUnacknowledgedFinding();
    // Each failing run gets further than the one before: after bronze, after silver, between two gold
    // tables, after reconciliation, before the run record. The failure comes through the jobs' step hook, as a
    // kill at that point would.
    for (String point : new String[] {"documents 3", "refresh 4", "gold 5", "refresh 7", "refresh 9"}) {
      StepHook failAt = (job, step) -> {
        if (point.equals(job + " " + step)) {
          throw new IllegalStateException("injected failure at " + point);
        }
      };
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> refresh(spark(), lakehouse, inputs, failAt));
      assertTrue(e.getMessage().contains("injected failure at " + point), e.getMessage());
      assertTrue(Files.notExists(lakehouse.resolve("_locks/refresh.lock")), "lock released after a failure");
      WarehouseSession.attach(spark(), lakehouse.toString());
      for (TableSpec spec : WarehouseTables.ALL) {
        if (spark().catalog().tableExists(spec.qualifiedName())) {
          count("SELECT count(*) FROM %s", spec.qualifiedName()); // readable, or this throws
        }
      }
      assertEquals("failed: injected failure at " + point, String.valueOf(scalar(
          "SELECT element_at(warnings, -1) FROM ops.refresh_run WHERE status = 'failed' "
              + "ORDER BY started_at DESC LIMIT 1")));
    }

    // A refresh that finds the lakehouse busy (a live holder: this process) writes nothing but is noted; a lock
    // left by a process that no longer runs is taken over, and the killed run is noted.
    Files.writeString(lakehouse.resolve("_locks/refresh.lock"), RefreshLock.holderLine("live-holder"));
    RefreshResult busy = run(lakehouse, new RefreshOptions(inputs.toString(), null, Duration.ZERO));
    assertEquals(RefreshResult.BUSY, busy.exitCode());
    Files.writeString(lakehouse.resolve("_locks/refresh.lock"), RefreshLock.holderLine("killed-holder")
        .replace("pid=" + ProcessHandle.current().pid(), "pid=" + deadPid()));

    RefreshResult done = refresh(spark(), lakehouse, inputs);
    assertEquals(RefreshResult.FINDINGS, done.exitCode(), "the unacknowledged mismatch is new: the killed runs "
        + "never delivered it. " + done.summary());
    assertEquals(1, done.mismatchesNew());
    assertEquals(5, count("SELECT count(*) FROM bronze.document"));
    assertEquals(1948, count("SELECT count(*) FROM silver.report_observation"));
    assertEquals(170, count("SELECT count(*) FROM gold.fact_online_submission"));
    assertEquals(1_777_005L, count("SELECT sum(received_processed) FROM gold.fact_dossier_receipt"));
    assertEquals(874, count("SELECT count(*) FROM gold.reconciliation"));
    assertEquals(9, count("SELECT count(*) FROM analytics.reconciliation WHERE status IN ('mismatch', 'missing_rows')"));
    assertEquals(0, count("SELECT count(*) FROM ops.quarantine"));
    assertEquals(List.of("busy 4", "failed 1", "killed null", "success_with_findings 3"),
        rows("SELECT DISTINCT concat_ws(' ', status, coalesce(cast(exit_code AS STRING), 'null')) AS s "
            + "FROM ops.refresh_run ORDER BY s").stream().map(r -> r.getString(0)).toList());
    assertEquals(5, count("SELECT count(*) FROM ops.refresh_run WHERE status = 'failed'"));
    assertEquals("killed-holder", scalar("SELECT run_id FROM ops.refresh_run WHERE status = 'killed'"));
    assertTrue(Files.notExists(lakehouse.resolve("_locks/pending-runs/" + busy.runId() + ".properties")),
        "the busy run's note is dropped once recorded");
    for (TableSpec spec : WarehouseTables.ALL) {
      if (!spark().catalog().tableExists(spec.qualifiedName())) {
        continue; // the dossier feed's bronze tables exist only once a feed was loaded
      }
      String keys = String.join(", ", spec.keyColumns());
      assertEquals(count("SELECT count(*) FROM %s", spec.qualifiedName()),
          count("SELECT count(*) FROM (SELECT DISTINCT %s FROM %s)", keys, spec.qualifiedName()),
          spec.qualifiedName() + " has duplicates after recovery");
    }

    operatorEditsAreFoundByVerifyAndUndoneByRebuild(lakehouse, inputs);
  }

  /** Writes through the session, as `dvcw sql` allows today: no refresh made these commits. */
  private void operatorEditsAreFoundByVerifyAndUndoneByRebuild(Path lakehouse, Path inputs) {
    IntegrityCheck check = new IntegrityCheck(spark(), lakehouse.toString());
    assertEquals(List.of(), check.quick().problems(), "control: no foreign commit after a good refresh");
    sql("DELETE FROM gold.fact_online_submission");
    sql("UPDATE bronze.document SET raw_text = replace(raw_text, '1.777.005', '1.777.006') "
        + "WHERE kind = 'monthly_receipt_letter'");
    long t = System.nanoTime();
    IntegrityCheck.Report quick = check.quick();
    System.out.printf("CrashRecoveryTest: quick integrity check %.2f s%n", (System.nanoTime() - t) / 1e9);
    assertEquals(Set.of("gold.fact_online_submission", "bronze.document"), quick.tables());
    t = System.nanoTime();
    IntegrityCheck.Report full = check.full();
    System.out.printf("CrashRecoveryTest: full integrity check %.2f s%n", (System.nanoTime() - t) / 1e9);
    Set<String> kinds = full.problems().stream().map(f -> f.kind() + " " + f.table()).collect(Collectors.toSet());
    assertTrue(kinds.contains("emptied gold.fact_online_submission"), kinds.toString());
    assertTrue(kinds.contains("tampered_document bronze.document"), kinds.toString());
    assertTrue(kinds.contains("foreign_commit bronze.document"), kinds.toString());
    String letter = (String) scalar("SELECT doc_id FROM bronze.document WHERE kind = 'monthly_receipt_letter'");
    assertEquals(Set.of(letter), full.tamperedDocuments());

    RefreshResult rebuilt = run(lakehouse, new RefreshOptions(inputs.toString()).withRebuild("all"));
    assertEquals(RefreshResult.FINDINGS, rebuilt.exitCode(), "what was found is reported: " + rebuilt.summary());
    assertTrue(rebuilt.summary().stream().anyMatch(l -> l.startsWith("RESTORED bronze.document " + letter)),
        rebuilt.summary().toString());
    assertEquals(List.of(), check.full().problems(), "verify is clean after the rebuild");
    assertEquals(0, count("SELECT count(*) FROM bronze.document WHERE raw_text LIKE '%1.777.006%'"));
    assertEquals(170, count("SELECT count(*) FROM gold.fact_online_submission"));
    assertEquals(1_777_005L, count("SELECT sum(received_processed) FROM gold.fact_dossier_receipt"));
    // The exact seed figures: every gold fact and silver observation as the seed lakehouse holds them.
    TableFingerprints here = new TableFingerprints(spark(), lakehouse.toString());
    TableFingerprints seed = new TableFingerprints(spark(), seedLakehouse());
    for (TableSpec spec : concat(GoldJob.FACTS, WarehouseTables.REPORT_OBSERVATION)) {
      var mine = here.of(spec, new vn.dvcw.storage.write.TableWriter(spark(), lakehouse.toString()).version(spec),
          null, null).get(0);
      var theirs = seed.of(spec, new vn.dvcw.storage.write.TableWriter(spark(), seedLakehouse()).version(spec),
          null, null).get(0);
      assertTrue(mine.sameContent(theirs), spec.qualifiedName() + " differs from the seed lakehouse");
    }
  }

  private static List<TableSpec> concat(List<TableSpec> a, TableSpec b) {
    List<TableSpec> out = new java.util.ArrayList<>(a);
    out.add(b);
    return out;
  }

  private static RefreshResult run(Path lakehouse, RefreshOptions options) {
    WarehouseSession.attach(spark(), lakehouse.toString());
    return Pipelines.get(spark()).refresh(new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8)).run(options);
  }

  /** The bundled documents with one acknowledged finding removed from the list: a finding to alert once. */
  private static Path seedWithOneUnacknowledgedFinding() throws Exception {
    Path dir = Files.createTempDirectory("dvcw-crash-inputs");
    try (var files = Files.list(seedInputs())) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    Path ack = dir.resolve(vn.dvcw.pipelines.reconciliation.FindingBaseline.FILE_NAME);
    List<String> lines = Files.readAllLines(ack);
    List<String> kept = lines.stream().filter(l -> !l.contains("appendix_document_number")).toList();
    assertEquals(lines.size() - 1, kept.size(), "control: one acknowledged finding removed");
    Files.write(ack, kept);
    return dir;
  }

  /** The id of a process that has exited. */
  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }
}
