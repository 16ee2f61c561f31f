package vn.dvcw.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvcw.app.CliTestBase;

/**
 * {@code dvcw sql} is read-only: the statements of issue 16 are refused with one line and exit 2 and change nothing;
 * reads (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN, time travel, delta paths in the lakehouse) still run; the operator
 * switch runs one statement and records it. Every statement kind is listed in ReadOnlyGuardTest (no Spark needed);
 * this test runs the issue's own examples end to end.
 */
class ReadOnlySqlTest extends CliTestBase {
  @BeforeEach
  void attach() {
    useSeedLakehouse();
  }

  @Test
  void theIssuesWritesAreRefusedWithOneLineAndChangeNothing() {
    long facts = count("SELECT count(*) FROM gold.fact_online_submission");
    long observations = count("SELECT count(*) FROM silver.report_observation");
    long tampered = count("SELECT count(*) FROM bronze.document WHERE raw_text = 'tampered'");
    long integration = count("SELECT count(*) FROM gold.fact_service_integration");
    List<List<String>> cases = List.of(
        List.of("DELETE FROM gold.fact_online_submission", "refused: DELETE writes to gold.fact_online_submission"),
        List.of("DROP TABLE silver.report_observation", "refused: DROP TABLE changes silver.report_observation"),
        List.of("INSERT INTO gold.fact_service_integration SELECT * FROM gold.fact_service_integration",
            "refused: INSERT writes to gold.fact_service_integration"),
        List.of("UPDATE bronze.document SET raw_text = 'tampered'", "refused: UPDATE writes to bronze.document"),
        List.of("SELECT count(*) FROM text.`/etc/shadow`", "refused: reading files by path (text.`/etc/shadow`)"),
        List.of("SET spark.sql.sources.partitionOverwriteMode = dynamic",
            "refused: SET spark.sql.sources.partitionOverwriteMode"),
        List.of("CREATE VIEW analytics.mine AS SELECT 1", "refused: CREATE VIEW changes analytics.mine"),
        List.of("VACUUM gold.fact_online_submission RETAIN 0 HOURS", "refused: VACUUM writes to gold.fact_online_submission"));
    for (List<String> c : cases) {
      assertEquals(2, run("sql", "--lakehouse", seedLakehouse(), c.get(0)), c.get(0));
      assertTrue(err.startsWith("dvcw sql: " + c.get(1)), err);
      assertEquals(1, err.strip().lines().count(), err);
      assertEquals("", out);
    }
    assertEquals(facts, count("SELECT count(*) FROM gold.fact_online_submission"));
    assertEquals(observations, count("SELECT count(*) FROM silver.report_observation"));
    assertEquals(tampered, count("SELECT count(*) FROM bronze.document WHERE raw_text = 'tampered'"));
    assertEquals(integration, count("SELECT count(*) FROM gold.fact_service_integration"));
    assertTrue(facts > 0 && integration > 0, "the seed lakehouse has the facts the statements aimed at");
  }

  @Test
  void everyKindOfReadStillRuns() {
    String lake = seedLakehouse();
    // Each run attaches the lakehouse anew (seconds each): the kinds not run here are in ReadOnlyGuardTest.
    for (String read : List.of(
        "WITH t AS (SELECT * FROM gold.fact_online_submission) SELECT count(*) FROM t",
        "SHOW TABLES IN gold", "DESCRIBE HISTORY gold.fact_online_submission",
        "SELECT count(*) FROM delta.`" + lake + "/gold/fact_online_submission` VERSION AS OF 0")) {
      assertEquals(0, run("sql", "--lakehouse", lake, "--format", "csv", read), read + ": " + err);
    }
    assertEquals(0, run("sql", "--lakehouse", lake, "--as-of", seedRefresh().runId(), "--format", "csv",
        "SELECT count(*) AS n FROM gold.fact_online_submission"), err);
    assertEquals("n\n" + count("SELECT count(*) FROM gold.fact_online_submission") + "\n", out.replace("\r", ""));
  }

  @Test
  void theOperatorSwitchRunsOneStatementAndRecordsIt() throws Exception {
    Path lake = freshLakehouse();
    assertEquals(2, run("sql", "--lakehouse", lake.toString(), "--allow-writes", "--as-of", "2026-01-01 00:00",
        "DROP VIEW IF EXISTS analytics.online_rate_trend"));
    assertTrue(err.contains("do not go together"), err);
    assertEquals(0, run("sql", "--lakehouse", lake.toString(), "--allow-writes",
        "DROP VIEW IF EXISTS analytics.online_rate_trend"), err);
    assertTrue(err.contains("recorded in ops.operator_write"), err);
    List<Row> recorded = spark().read().format("delta").load(lake + "/ops/operator_write")
        .select("statement_kind", "statement", "run_by").collectAsList();
    assertEquals(1, recorded.size());
    assertEquals("DROP VIEW", recorded.get(0).getString(0));
    assertEquals("DROP VIEW IF EXISTS analytics.online_rate_trend", recorded.get(0).getString(1));
    assertTrue(!recorded.get(0).getString(2).isBlank());
  }
}
