package vn.dvcw.pipelines.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.tables.DeltaTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import vn.dvcw.pipelines.SparkTestBase;
import vn.dvcw.pipelines.refresh.TableFingerprints.Fingerprint;
import vn.dvcw.storage.catalog.TableSpec;
import vn.dvcw.storage.catalog.WarehouseTables;

/**
 * A refresh records fingerprints by reading only the partitions written since the last record; what it records
 * must be exactly what reading every row gives, whatever the commits in between did.
 */
class TableFingerprintsTest extends SparkTestBase {
  /** A table partitioned by month; the fingerprints only read what is in its folder. */
  private static final TableSpec TABLE = WarehouseTables.DOSSIER_DAILY;

  @Test
  void readingOnlyTheWrittenPartitionsGivesWhatReadingEveryRowGives() throws Exception {
    String lake = Files.createTempDirectory("dvcw-fingerprints").toString();
    String path = TABLE.path(lake);
    TableFingerprints fingerprints = new TableFingerprints(spark(), lake);
    write(rows("('2025-05', 1, 'a'), ('2025-06', 2, 'b'), ('2025-06', 3, 'c'), ('2025-07', 4, 'd'), (NULL, 5, 'e')"),
        "overwrite", path);
    Map<String, Fingerprint> first = byPart(fingerprints.of(TABLE, 0, "run-1", now()));
    assertEquals(5, first.get(TableFingerprints.WHOLE_TABLE).rowCount());
    assertEquals(Set.of("", "month=2025-05", "month=2025-06", "month=2025-07", "month=null"), first.keySet());

    write(rows("('2025-06', 6, 'f')"), "append", path); // version 1: one partition grows
    DeltaTable.forPath(spark(), path).delete("month = '2025-07'"); // version 2: one partition emptied
    DeltaTable.forPath(spark(), path).update(org.apache.spark.sql.functions.expr("n = 5"),
        Map.of("label", org.apache.spark.sql.functions.lit("E"))); // version 3: the null partition edited
    Map<String, Fingerprint> updated = byPart(fingerprints.update(TABLE, first, 3, "run-2", now()));
    Map<String, Fingerprint> reread = byPart(fingerprints.of(TABLE, 3, "run-2", now()));

    assertEquals(contents(reread), contents(updated));
    assertEquals("run-1", updated.get("month=2025-05").runId(), "a partition not written keeps its record");
    assertEquals("run-2", updated.get("month=2025-06").runId(), "a written partition is read again");
    assertEquals(3, updated.get(TableFingerprints.WHOLE_TABLE).deltaVersion());
    assertNotEquals(first.get("month=null").contentHash(), updated.get("month=null").contentHash());
  }

  @Test
  void aNewColumnOrAnInconsistentRecordMeansReadingEveryRow() throws Exception {
    String lake = Files.createTempDirectory("dvcw-fingerprints").toString();
    String path = TABLE.path(lake);
    TableFingerprints fingerprints = new TableFingerprints(spark(), lake);
    write(rows("('2025-05', 1, 'a'), ('2025-06', 2, 'b')"), "overwrite", path);
    Map<String, Fingerprint> first = byPart(fingerprints.of(TABLE, 0, "run-1", now()));

    // A column added: every row's hash changes, in partitions no file action names.
    spark().sql("ALTER TABLE delta.`" + path + "` ADD COLUMNS (extra STRING)");
    write(spark().sql("SELECT '2025-06' AS month, 7 AS n, 'g' AS label, 'x' AS extra"), "append", path);
    assertEquals(contents(byPart(fingerprints.of(TABLE, 2, "run-2", now()))),
        contents(byPart(fingerprints.update(TABLE, first, 2, "run-2", now()))));

    // A record whose parts do not add up to its whole is no base: every row is read.
    Map<String, Fingerprint> broken = new LinkedHashMap<>(first);
    Fingerprint may = broken.get("month=2025-05");
    broken.put(may.part(), new Fingerprint(may.tableName(), may.part(), 99, may.contentHash(), 0, "run-1", now()));
    List<Fingerprint> fromBroken = fingerprints.update(TABLE, broken, 2, "run-3", now());
    assertTrue(fromBroken.stream().allMatch(f -> f.runId().equals("run-3")), fromBroken.toString());
  }

  private static Dataset<Row> rows(String values) {
    return spark().sql("SELECT * FROM VALUES " + values + " AS t(month, n, label)");
  }

  private static void write(Dataset<Row> rows, String mode, String path) {
    rows.write().format("delta").mode(mode).option("mergeSchema", "true").partitionBy("month").save(path);
  }

  private static Map<String, Fingerprint> byPart(List<Fingerprint> fingerprints) {
    Map<String, Fingerprint> out = new LinkedHashMap<>();
    fingerprints.forEach(f -> out.put(f.part(), f));
    return out;
  }

  /** Part → "count hash": what a fingerprint says of the content. */
  private static Map<String, String> contents(Map<String, Fingerprint> fingerprints) {
    Map<String, String> out = new LinkedHashMap<>();
    fingerprints.forEach((part, f) -> out.put(part, f.rowCount() + " " + f.contentHash()));
    return out;
  }

  private static Timestamp now() {
    return new Timestamp(System.currentTimeMillis());
  }
}
