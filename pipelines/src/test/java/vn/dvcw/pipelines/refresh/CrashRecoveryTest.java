package vn.dvcw.pipelines.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.dvcw.pipelines.SparkTestBase;
import vn.dvcw.pipelines.StepHook;
import vn.dvcw.storage.catalog.TableSpec;
import vn.dvcw.storage.catalog.WarehouseTables;

/**
 * A refresh that dies part-way (here: an injected failure as each step starts, as a kill would) leaves every
 * table readable at its last committed version and the lock released; the next refresh completes with
 * nothing lost and nothing duplicated.
 */
class CrashRecoveryTest extends SparkTestBase {

  @Test
  void failuresAtEachStepThenARefreshThatCompletes() throws Exception {
    Path lakehouse = freshLakehouse();
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
          () -> refresh(spark(), lakehouse, seedInputs(), failAt));
      assertTrue(e.getMessage().contains("injected failure at " + point), e.getMessage());
      assertTrue(Files.notExists(lakehouse.resolve("_locks/refresh.lock")), "lock released after a failure");
      vn.dvcw.storage.WarehouseSession.attach(spark(), lakehouse.toString());
      for (TableSpec spec : WarehouseTables.ALL) {
        if (spark().catalog().tableExists(spec.qualifiedName())) {
          count("SELECT count(*) FROM %s", spec.qualifiedName()); // readable, or this throws
        }
      }
      assertEquals("failed: injected failure at " + point, String.valueOf(scalar(
          "SELECT element_at(warnings, -1) FROM ops.refresh_run WHERE status = 'failed' "
              + "ORDER BY started_at DESC LIMIT 1")));
    }
    RefreshResult done = refresh(spark(), lakehouse, seedInputs());
    assertEquals(RefreshResult.OK, done.exitCode(), done.summary().toString());
    assertEquals(5, count("SELECT count(*) FROM bronze.document"));
    assertEquals(1948, count("SELECT count(*) FROM silver.report_observation"));
    assertEquals(170, count("SELECT count(*) FROM gold.fact_online_submission"));
    assertEquals(1_777_005L, count("SELECT sum(received_processed) FROM gold.fact_dossier_receipt"));
    assertEquals(874, count("SELECT count(*) FROM gold.reconciliation"));
    assertEquals(0, count("SELECT count(*) FROM ops.quarantine"));
    assertEquals(5, count("SELECT count(*) FROM ops.refresh_run WHERE status = 'failed'"));
    for (TableSpec spec : WarehouseTables.ALL) {
      if (!spark().catalog().tableExists(spec.qualifiedName())) {
        continue; // the dossier feed's bronze tables exist only once a feed was loaded
      }
      String keys = String.join(", ", spec.keyColumns());
      assertEquals(count("SELECT count(*) FROM %s", spec.qualifiedName()),
          count("SELECT count(*) FROM (SELECT DISTINCT %s FROM %s)", keys, spec.qualifiedName()),
          spec.qualifiedName() + " has duplicates after recovery");
    }
  }
}
