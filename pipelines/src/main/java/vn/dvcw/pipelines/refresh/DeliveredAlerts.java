package vn.dvcw.pipelines.refresh;

import static org.apache.spark.sql.functions.col;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.dvcw.storage.catalog.TableSpec;
import vn.dvcw.storage.catalog.WarehouseTables;
import vn.dvcw.storage.write.TableWriter;

/**
 * What the scheduler has already been told: the quarantined inputs and reconciliation problems as the last
 * <em>delivered</em> refresh left them. A refresh is delivered when it completed and recorded its exit code in
 * {@code ops.refresh_run} (status {@code success} or {@code success_with_findings}); a run killed before that point
 * never reached its caller, so what it wrote is not "already alerted", however far it got.
 *
 * <p>Judging "new" against the tables as they stand (as refreshes did before) loses alerts after a kill: a run
 * killed after it wrote {@code gold.reconciliation} or {@code ops.quarantine} leaves its findings recorded, and the
 * recovery run then calls them old and exits 0. Here the two tables are read at the Delta versions the delivered
 * run recorded ({@code table_versions}), so the recovery run alerts exactly what the killed one would have.
 */
final class DeliveredAlerts {
  private static final List<String> DELIVERED = List.of("success", "success_with_findings");

  private final String runId;
  private final Set<String> quarantineIds;
  private final Set<String> problemIds;

  private DeliveredAlerts(String runId, Set<String> quarantineIds, Set<String> problemIds) {
    this.runId = runId;
    this.quarantineIds = quarantineIds;
    this.problemIds = problemIds;
  }

  /** Reads the last delivered run's record and the two tables as it left them (nothing, before any such run). */
  static DeliveredAlerts read(SparkSession spark, String lakehouse) {
    TableWriter writer = new TableWriter(spark, lakehouse);
    if (!writer.exists(WarehouseTables.REFRESH_RUN)) {
      return new DeliveredAlerts(null, Set.of(), Set.of());
    }
    List<Row> last = spark.read().format("delta").load(WarehouseTables.REFRESH_RUN.path(lakehouse))
        .where(col("status").isin(DELIVERED.toArray()).and(col("exit_code").isNotNull()))
        .orderBy(col("ended_at").desc(), col("run_id").desc()).limit(1)
        .select("run_id", "table_versions").collectAsList();
    if (last.isEmpty()) {
      return new DeliveredAlerts(null, Set.of(), Set.of());
    }
    Map<String, Long> versions = last.get(0).getJavaMap(last.get(0).fieldIndex("table_versions"));
    Set<String> quarantine = ids(spark, lakehouse, WarehouseTables.QUARANTINE, versions,
        t -> t.select("quarantine_id"));
    Set<String> problems = ids(spark, lakehouse, WarehouseTables.RECONCILIATION, versions,
        t -> t.where(col("status").isin("mismatch", "missing_rows")).select("finding_id"));
    return new DeliveredAlerts(last.get(0).<String>getAs("run_id"), quarantine, problems);
  }

  /** The run whose alert is the baseline, or null when none was delivered yet. */
  String runId() {
    return runId;
  }

  /** True when the delivered run had already recorded this quarantine entry. */
  boolean alertedQuarantine(String quarantineId) {
    return quarantineIds.contains(quarantineId);
  }

  /** True when the delivered run had already recorded this reconciliation problem. */
  boolean alertedProblem(String findingId) {
    return problemIds.contains(findingId);
  }

  /**
   * The ids in {@code table} at the version the run recorded; when it recorded none (the table was not written
   * by it), none: everything there now is newer than what was delivered.
   */
  private static Set<String> ids(SparkSession spark, String lakehouse, TableSpec table, Map<String, Long> versions,
      java.util.function.UnaryOperator<Dataset<Row>> select) {
    Long version = versions == null ? null : versions.get(table.qualifiedName());
    if (version == null || version < 0) {
      return Set.of();
    }
    try {
      return collect(table, select.apply(spark.read().format("delta").option("versionAsOf", version)
          .load(table.path(lakehouse))));
    } catch (RuntimeException vacuumed) {
      // The version's files are gone (vacuumed after a long pause): the table as it stands is the best record left.
      return collect(table, select.apply(spark.read().format("delta").load(table.path(lakehouse))));
    }
  }

  /** The table's ids (its key column) among {@code rows}. */
  private static Set<String> collect(TableSpec table, Dataset<Row> rows) {
    String id = table.keyColumns().get(0);
    return rows.collectAsList().stream().map(r -> r.<String>getAs(id)).collect(Collectors.toCollection(HashSet::new));
  }
}
