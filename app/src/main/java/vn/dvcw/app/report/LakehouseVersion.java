package vn.dvcw.app.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Which state of the lakehouse a report shows: the latest refresh in ops.refresh_run and the Delta version of
 * every table it left, so a printed figure can be traced back (and re-queried with --as-of).
 */
public record LakehouseVersion(String runId, Instant startedAt, Instant endedAt, String status, int exitCode,
    Map<String, Long> tableVersions) {

  /** The latest refresh run; fails with what to do when the lakehouse has never been refreshed. */
  public static LakehouseVersion latest(SparkSession spark) {
    if (!spark.catalog().tableExists("ops.refresh_run")) {
      throw new IllegalStateException("no refresh has run on this lakehouse yet; run 'dvcw refresh' first");
    }
    List<Row> rows = ReportQueries.run(spark, "latest_refresh_run", Map.of()).collectAsList();
    if (rows.isEmpty()) {
      throw new IllegalStateException("ops.refresh_run is empty; run 'dvcw refresh' first");
    }
    Row r = rows.get(0);
    Map<String, Long> versions = new TreeMap<>();
    if (r.getAs("table_versions") != null) {
      r.<String, Object>getJavaMap(r.fieldIndex("table_versions"))
          .forEach((k, v) -> versions.put(k, ((Number) v).longValue()));
    }
    Integer exitCode = r.getAs("exit_code");
    return new LakehouseVersion(r.getAs("run_id"), instant(r.getAs("started_at")), instant(r.getAs("ended_at")),
        r.getAs("status"), exitCode == null ? -1 : exitCode, versions);
  }

  private static Instant instant(Object v) {
    if (v instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    return v instanceof Instant i ? i : null;
  }
}
