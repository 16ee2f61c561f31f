package vn.dvcw.storage.catalog;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import vn.dvcw.storage.models.ViewLoader;

/**
 * Points a session's names at the lakehouse as it was after a given refresh (or at a timestamp), so a figure
 * can be reproduced as it was published. Each table name becomes a view of the table's Delta version of
 * that moment; the public views are then created on top, unchanged. Versions older than the vacuum
 * retention (30 days by default, see dvcw maintain) can no longer be read.
 */
public final class AsOfCatalog {
  private static final Pattern RUN_ID = Pattern.compile("\\d{8}-\\d{6}-[0-9a-f]{6}");

  private AsOfCatalog() {}

  /**
   * Attaches the lakehouse as of {@code when}: a refresh run id (see {@code dvcw runs}) or a timestamp
   * ("2026-11-23 21:53:00", UTC).
   *
   * @return the view loader's report
   * @throws IllegalArgumentException if the run id is unknown or nothing existed at that time
   */
  public static ViewLoader.Report attach(SparkSession spark, String lakehouse, String when) {
    Map<String, String> sources = RUN_ID.matcher(when).matches()
        ? versionsOfRun(spark, lakehouse, when) : atTimestamp(spark, lakehouse, when);
    for (Layer layer : Layer.values()) {
      spark.sql("DROP DATABASE IF EXISTS " + layer.schema() + " CASCADE");
      spark.sql("CREATE DATABASE " + layer.schema());
    }
    sources.forEach((table, select) -> spark.sql("CREATE VIEW " + table + " AS " + select));
    spark.conf().set(vn.dvcw.storage.WarehouseSession.LAKEHOUSE_CONF, lakehouse + "#as-of=" + when);
    return ViewLoader.fromClasspath().createAll(spark);
  }

  private static Map<String, String> versionsOfRun(SparkSession spark, String lakehouse, String runId) {
    String runs = WarehouseTables.REFRESH_RUN.path(lakehouse);
    List<Row> row = spark.read().format("delta").load(runs).where(col("run_id").equalTo(runId))
        .select("table_versions", "started_at", "ended_at").collectAsList();
    if (row.isEmpty()) {
      throw new IllegalArgumentException("no refresh run '" + runId + "' in this lakehouse (see 'dvcw runs')");
    }
    Map<String, String> out = new LinkedHashMap<>();
    Row run = row.get(0);
    Map<String, Object> versions = run.getJavaMap(run.fieldIndex("table_versions"));
    for (TableSpec spec : WarehouseTables.ALL) {
      Object v = versions.get(spec.qualifiedName());
      if (v != null) {
        out.put(spec.qualifiedName(), "SELECT * FROM delta.`" + spec.path(lakehouse) + "` VERSION AS OF " + v);
      }
    }
    // Tables the run did not write (created by later runs, or left untouched): as they were when the run ended.
    String ended = literal(run.getAs("ended_at"));
    for (TableSpec spec : WarehouseTables.ALL) {
      if (!out.containsKey(spec.qualifiedName())) {
        String select = tableAt(spark, spec.path(lakehouse), ended);
        if (select != null) {
          out.put(spec.qualifiedName(), select);
        }
      }
    }
    out.put(WarehouseTables.REFRESH_RUN.qualifiedName(),
        "SELECT * FROM delta.`" + runs + "` WHERE started_at <= " + literal(run.getAs("started_at")));
    return out;
  }

  private static Map<String, String> atTimestamp(SparkSession spark, String lakehouse, String timestamp) {
    Map<String, String> out = new LinkedHashMap<>();
    String ts = literal(parseTimestamp(timestamp));
    boolean any = false;
    for (TableSpec spec : WarehouseTables.ALL) {
      String select = tableAt(spark, spec.path(lakehouse), ts);
      if (select != null) {
        out.put(spec.qualifiedName(), select);
        any |= !select.endsWith(EMPTY);
      }
    }
    if (!any) {
      throw new IllegalArgumentException("nothing in this lakehouse existed at " + timestamp);
    }
    return out;
  }

  private static final String EMPTY = " WHERE false";

  /** A time as the user writes it: "2026-11-23 21:53[:00]" or ISO "2026-11-23T21:53:00Z", in UTC. */
  static Timestamp parseTimestamp(String text) {
    String t = text.strip();
    try {
      if (t.endsWith("Z")) {
        return Timestamp.from(Instant.parse(t));
      }
      LocalDateTime local = LocalDateTime.parse(t.replace(' ', 'T').length() == 16 ? t.replace(' ', 'T') + ":00"
          : t.replace(' ', 'T'));
      return Timestamp.from(local.toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--as-of takes a run id (see 'dvcw runs') or a UTC time such as "
          + "'2026-11-23 21:53:00', not '" + text + "'");
    }
  }

  /**
   * A timestamp as a SQL literal rendered by Spark ({@code TIMESTAMP '…'}, in the session's time zone): the as-of
   * views are SQL text, so the value is Spark's rendering of a typed value, never text the user typed.
   */
  private static String literal(Timestamp t) {
    return functions.lit(t).expr().sql();
  }

  /**
   * The table as it was at {@code ts}: its version then; the table as it is now when {@code ts} is after its last
   * commit; empty (with today's columns) when it was created later, so that views reading it still work; null when
   * it does not exist at all.
   */
  private static String tableAt(SparkSession spark, String path, String ts) {
    String select = "SELECT * FROM delta.`" + path + "` TIMESTAMP AS OF " + ts;
    try {
      spark.sql(select).schema();
      return select;
    } catch (Exception e) {
      String msg = String.valueOf(e.getMessage());
      if (msg.contains("GREATER_THAN_COMMIT") || msg.contains("after the latest")) {
        return "SELECT * FROM delta.`" + path + "`";
      }
      if (io.delta.tables.DeltaTable.isDeltaTable(spark, path)) {
        return "SELECT * FROM delta.`" + path + "`" + EMPTY;
      }
      return null;
    }
  }
}
