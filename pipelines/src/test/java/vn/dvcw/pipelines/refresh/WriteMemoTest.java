package vn.dvcw.pipelines.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.tables.DeltaTable;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import vn.dvcw.pipelines.SparkTestBase;
import vn.dvcw.storage.catalog.TableSpec;
import vn.dvcw.storage.catalog.WarehouseTables;
import vn.dvcw.storage.write.TableWriter;

/**
 * A write of the same thing into a table as the last such write left it is skipped without a Spark job; anything
 * else that touched the table since (or other rows, or other inputs) makes the write run.
 */
class WriteMemoTest extends SparkTestBase {
  private static final TableSpec TABLE = WarehouseTables.SOURCE_CADENCE;

  @Test
  void theSameRowsIntoTheTableAsLeftAreNotWrittenAgain() throws Exception {
    String lake = Files.createTempDirectory("dvcw-memo").toString();
    TableWriter writer = new TableWriter(spark(), lake);
    List<ReferenceTables.SourceCadenceRow> rows = ReferenceTables.sourceCadence();
    long first = writer.write(TABLE, rows).version();

    List<ReferenceTables.SourceCadenceRow> shuffled = new ArrayList<>(rows);
    Collections.reverse(shuffled);
    TableWriter.Result again = jobsCounted(0, () -> writer.write(TABLE, shuffled));
    assertEquals(first, again.version());
    assertFalse(again.changed());

    // An operator's DELETE: the table is no longer as the write left it, so the same rows are written (restoring it).
    DeltaTable.forPath(spark(), TABLE.path(lake)).delete(functions.col("source").equalTo(rows.get(0).source()));
    TableWriter.Result restored = writer.write(TABLE, rows);
    assertEquals(1, restored.inserted());
    assertEquals(rows.size(), spark().read().format("delta").load(TABLE.path(lake)).count());
    assertFalse(jobsCounted(0, () -> writer.write(TABLE, rows)).changed(), "remembered again after the write");

    // Other rows: written.
    List<ReferenceTables.SourceCadenceRow> fewer = rows.subList(1, rows.size());
    assertEquals(1, writer.write(TABLE, fewer).deleted());
  }

  @Test
  void aDerivationRunsOnlyWhenItsInputsOrTheTableMoved() throws Exception {
    String lake = Files.createTempDirectory("dvcw-memo").toString();
    TableWriter writer = new TableWriter(spark(), lake);
    writer.write(TABLE, ReferenceTables.sourceCadence());
    TableSpec derived = WarehouseTables.COMMUNE_INDICATOR;
    writer.write(derived, ReferenceTables.communeIndicators());
    AtomicInteger derivations = new AtomicInteger();
    Supplier<org.apache.spark.sql.Dataset<org.apache.spark.sql.Row>> derive = () -> {
      derivations.incrementAndGet();
      return writer.frame(derived, ReferenceTables.communeIndicators());
    };
    String inputs = writer.state(TABLE.qualifiedName());
    writer.write(derived, inputs, derive);
    writer.write(derived, inputs, derive);
    assertEquals(1, derivations.get(), "same inputs, table as left: not derived again");

    writer.write(TABLE, ReferenceTables.sourceCadence().subList(1, 3)); // an input table moves
    String moved = writer.state(TABLE.qualifiedName());
    assertFalse(moved.equals(inputs));
    writer.write(derived, moved, derive);
    assertEquals(2, derivations.get());
  }

  /** Runs {@code write}, asserting that it ran {@code expected} Spark jobs. */
  private static TableWriter.Result jobsCounted(int expected, Supplier<TableWriter.Result> write) {
    String group = "memo-" + System.nanoTime();
    spark().sparkContext().setJobGroup(group, "counted", false);
    try {
      TableWriter.Result r = write.get();
      assertEquals(expected, spark().sparkContext().statusTracker().getJobIdsForGroup(group).length,
          "Spark jobs run by the write");
      return r;
    } finally {
      spark().sparkContext().clearJobGroup();
    }
  }
}
