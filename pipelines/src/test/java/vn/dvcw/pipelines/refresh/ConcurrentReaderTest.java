package vn.dvcw.pipelines.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import vn.dvcw.pipelines.SparkTestBase;

/** A reader querying the views in a loop while a refresh writes never fails and never sees a half-written state. */
class ConcurrentReaderTest extends SparkTestBase {

  @Test
  void readersAreNeverBlockedNorSeePartialWrites() throws Exception {
    Path lakehouse = freshLakehouse();
    Path inputs = Files.createTempDirectory("dvcw-inputs");
    Files.copy(seedInputs().resolve("000_f45c6a0f6911e2f4.txt"), inputs.resolve("7260.txt"));
    assertEquals(RefreshResult.OK, refresh(spark(), lakehouse, inputs).exitCode());
    Files.writeString(inputs.resolve("7999.txt"), EditedInputsTest.augustLetter(false, false));

    SparkSession reader = spark();
    ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    CompletableFuture<RefreshResult> writer = CompletableFuture.supplyAsync(() -> refresh(spark(), lakehouse, inputs));
    int queries = 0;
    while (!writer.isDone() && queries < 500) {
      try {
        List<Row> r = reader.sql("SELECT count(*), sum(received_processed) FROM gold.fact_dossier_receipt")
            .collectAsList();
        seen.add(r.get(0).getLong(0) + "/" + r.get(0).getLong(1));
      } catch (Throwable t) {
        errors.add(t);
      }
      queries++;
    }
    assertEquals(RefreshResult.OK, writer.get().exitCode());
    assertTrue(queries > 0);
    assertTrue(errors.isEmpty(), "reader errors: " + errors);
    // Before the commit: July only; after: July and August. Never anything in between.
    assertTrue(Set.of("34/1777005", "68/3554010").containsAll(Set.copyOf(seen)), seen.toString());

    // Every figure can be reproduced as a run published it: dvcw sql --as-of RUN.
    List<Row> runs = rows("SELECT run_id, ended_at FROM ops.refresh_run ORDER BY started_at");
    String first = runs.get(0).getString(0);
    java.sql.Timestamp between = runs.get(0).getTimestamp(1);
    vn.dvcw.storage.catalog.AsOfCatalog.attach(spark(), lakehouse.toString(), first);
    assertEquals(34, count("SELECT count(*) FROM gold.fact_dossier_receipt"));
    assertEquals(34, count("SELECT count(*) FROM analytics.dossier_receipt"), "views work as of a run");
    assertEquals(1, count("SELECT count(*) FROM ops.refresh_run"));
    vn.dvcw.storage.catalog.AsOfCatalog.attach(spark(), lakehouse.toString(), between.toInstant().toString()
        .replace('T', ' ').replace("Z", ""));
    assertEquals(34, count("SELECT count(*) FROM gold.fact_dossier_receipt"));
    vn.dvcw.storage.WarehouseSession.attach(spark(), lakehouse.toString());
    assertEquals(68, count("SELECT count(*) FROM gold.fact_dossier_receipt"));
  }
}
