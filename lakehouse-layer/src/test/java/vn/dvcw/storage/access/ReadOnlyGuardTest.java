package vn.dvcw.storage.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.sql.parser.DeltaSqlParser;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.apache.spark.sql.execution.SparkSqlParser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every statement kind the read-only guard refuses, and the reads it lets through, decided on plans from the parser
 * the warehouse's sessions use (Delta's, in front of Spark's): no Spark session is needed.
 */
@Tag("fast")
class ReadOnlyGuardTest {
  private static final String LAKE = "/srv/dvcw/lakehouse";
  private static final ParserInterface PARSER = new DeltaSqlParser(new SparkSqlParser());
  private static final ReadOnlyGuard GUARD = ReadOnlyGuard.forLakehouse(LAKE);

  private static Optional<Refusal> check(String sql) {
    return GUARD.check(PARSER, sql);
  }

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(delimiter = '|', textBlock = """
      DELETE FROM gold.fact_online_submission                                             | DELETE
      DELETE FROM gold.fact_online_submission WHERE province_code = '01'                  | DELETE
      DROP TABLE silver.report_observation                                                | DROP TABLE
      DROP TABLE IF EXISTS silver.report_observation                                      | DROP TABLE
      DROP VIEW analytics.online_rate_trend                                               | DROP VIEW
      DROP DATABASE gold CASCADE                                                          | DROP DATABASE
      INSERT INTO gold.fact_service_integration SELECT * FROM gold.fact_service_integration | INSERT
      INSERT OVERWRITE gold.fact_service_integration SELECT * FROM gold.fact_service_integration | INSERT
      WITH x AS (SELECT * FROM gold.reconciliation) INSERT INTO gold.reconciliation SELECT * FROM x | INSERT
      INSERT OVERWRITE DIRECTORY '/tmp/out' USING csv SELECT * FROM bronze.document       | INSERT OVERWRITE DIRECTORY
      UPDATE bronze.document SET raw_text = 'tampered'                                    | UPDATE
      MERGE INTO gold.reconciliation t USING gold.reconciliation s ON t.finding_id = s.finding_id WHEN MATCHED THEN DELETE | MERGE
      TRUNCATE TABLE ops.quarantine                                                       | TRUNCATE
      CREATE TABLE gold.copy AS SELECT * FROM gold.reconciliation                         | CREATE TABLE
      CREATE TABLE ops.t (a INT) USING delta                                              | CREATE TABLE
      CREATE OR REPLACE TABLE ops.t (a INT) USING delta                                   | REPLACE TABLE
      CREATE VIEW analytics.mine AS SELECT 1                                              | CREATE VIEW
      CREATE OR REPLACE TEMPORARY VIEW mine AS SELECT 1                                   | CREATE VIEW
      CREATE TEMPORARY VIEW shadow USING text OPTIONS (path '/etc/shadow')                | CREATE VIEW
      CREATE DATABASE scratch                                                             | CREATE DATABASE
      CREATE FUNCTION f AS 'com.example.F'                                                | CREATE FUNCTION
      ALTER TABLE gold.reconciliation ADD COLUMNS (x INT)                                 | ALTER
      ALTER TABLE gold.reconciliation SET TBLPROPERTIES ('delta.logRetentionDuration' = '1 days') | ALTER
      ALTER TABLE gold.reconciliation RENAME TO gold.r2                                   | ALTER
      ALTER VIEW analytics.online_rate_trend AS SELECT 1                                  | ALTER VIEW
      COMMENT ON TABLE gold.reconciliation IS 'x'                                         | ALTER
      ANALYZE TABLE gold.reconciliation COMPUTE STATISTICS                                | ANALYZE TABLE
      MSCK REPAIR TABLE gold.reconciliation                                               | MSCK REPAIR TABLE
      OPTIMIZE gold.reconciliation                                                        | OPTIMIZE
      VACUUM gold.reconciliation RETAIN 0 HOURS                                           | VACUUM
      VACUUM '/srv/dvcw/lakehouse/gold/reconciliation'                                    | VACUUM
      RESTORE TABLE gold.reconciliation TO VERSION AS OF 0                                | RESTORE
      CONVERT TO DELTA parquet.`/tmp/p`                                                   | CONVERT TO DELTA
      CREATE TABLE gold.c SHALLOW CLONE gold.reconciliation                               | CREATE TABLE … CLONE
      REORG TABLE gold.reconciliation APPLY (PURGE)                                       | REORG TABLE
      LOAD DATA LOCAL INPATH '/etc/shadow' INTO TABLE ops.quarantine                      | LOAD DATA
      ADD JAR /tmp/evil.jar                                                               | ADD JAR
      ADD FILE /etc/shadow                                                                | ADD FILE
      CACHE TABLE gold.reconciliation                                                     | CACHE TABLE
      CACHE TABLE c AS SELECT * FROM gold.reconciliation                                  | CACHE TABLE
      SET spark.sql.sources.partitionOverwriteMode = dynamic                              | SET
      SET spark.databricks.delta.retentionDurationCheck.enabled = false                   | SET
      SET spark.sql.warehouse.dir = /tmp                                                  | SET
      SELECT count(*) FROM text.`/etc/shadow`                                             | file read
      SELECT * FROM csv.`/etc/passwd`                                                     | file read
      SELECT * FROM json.`file:///etc/hosts`                                              | file read
      SELECT * FROM parquet.`/srv/dvcw/lakehouse/gold/reconciliation`                     | file read
      SELECT * FROM orc.`/tmp/x`                                                          | file read
      SELECT * FROM binaryFile.`/etc`                                                     | file read
      SELECT * FROM `org.apache.spark.sql.execution.datasources.text.TextFileFormat`.`/etc/shadow` | file read
      SELECT * FROM delta.`/tmp/elsewhere`                                                | file read
      SELECT * FROM delta.`/srv/dvcw/lakehouse/../../etc`                                  | file read
      SELECT * FROM delta.`/srv/dvcw/lakehouse`                                           | file read
      SELECT * FROM spark_catalog.delta.`/tmp/elsewhere`                                  | file read
      SELECT * FROM gold.reconciliation WHERE doc_id IN (SELECT value FROM text.`/etc/shadow`) | file read
      WITH s AS (SELECT * FROM text.`/etc/shadow`) SELECT * FROM s                        | file read
      EXPLAIN SELECT * FROM text.`/etc/shadow`                                            | file read
      EXPLAIN DELETE FROM gold.fact_online_submission                                     | DELETE
      SELECT * FROM IDENTIFIER('text.`/etc/shadow`')                                      | file read
      DROP TABLE IDENTIFIER('silver.report_observation')                                  | DROP TABLE
      SELECT * FROM read_files('/etc/shadow')                                             | table function read_files()
      SELECT reflect('java.lang.System', 'getenv', 'DVCW_PSEUDONYM_KEY')                  | reflect()
      SELECT java_method('java.lang.System', 'exit', 1)                                   | java_method()
      SELECT TRANSFORM(doc_id) USING 'cat /etc/shadow' FROM bronze.document               | TRANSFORM … USING
      """)
  void refuses(String sql, String kind) {
    Refusal refusal = check(sql).orElseThrow(() -> new AssertionError("not refused: " + sql));
    assertEquals(kind, refusal.kind(), refusal.message());
    assertTrue(refusal.message().startsWith("refused: "), refusal.message());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT province_name, online_rate FROM analytics.online_rate_trend WHERE level = 'all' ORDER BY 2 LIMIT 5",
      "WITH t AS (SELECT * FROM gold.fact_online_submission) SELECT count(*) FROM t",
      "SELECT * FROM gold.reconciliation WHERE doc_id IN (SELECT doc_id FROM bronze.document)",
      "SELECT * FROM range(3)", "SELECT * FROM explode(array(1, 2))", "VALUES (1, 'a')",
      "SHOW TABLES IN gold", "SHOW DATABASES", "SHOW SCHEMAS", "SHOW VIEWS IN analytics", "SHOW COLUMNS IN gold.reconciliation",
      "SHOW CREATE TABLE gold.reconciliation", "SHOW TBLPROPERTIES gold.reconciliation", "SHOW FUNCTIONS",
      "DESCRIBE gold.reconciliation", "DESCRIBE TABLE EXTENDED gold.reconciliation", "DESCRIBE DATABASE gold",
      "DESCRIBE FUNCTION province_code", "DESCRIBE QUERY SELECT 1", "DESCRIBE HISTORY gold.reconciliation",
      "DESCRIBE DETAIL gold.reconciliation", "DESCRIBE DETAIL '/srv/dvcw/lakehouse/gold/reconciliation'",
      "EXPLAIN SELECT * FROM analytics.online_rate_trend", "EXPLAIN EXTENDED SELECT 1",
      "USE gold", "SET", "SET -v", "SET spark.sql.session.timeZone", "SET spark.sql.session.timeZone = Asia/Ho_Chi_Minh",
      "RESET", "REFRESH TABLE gold.reconciliation", "UNCACHE TABLE IF EXISTS gold.reconciliation", "CLEAR CACHE",
      "SELECT * FROM delta.`/srv/dvcw/lakehouse/gold/fact_online_submission`",
      "SELECT * FROM delta.`file:/srv/dvcw/lakehouse/gold/fact_online_submission` VERSION AS OF 3",
      "SELECT * FROM gold.reconciliation TIMESTAMP AS OF '2026-11-23 21:53:00'",
      "SELECT * FROM IDENTIFIER('gold.reconciliation')",
      "SELECT province_code('Hà Nội', DATE'2025-08-01')"})
  void letsReadsThrough(String sql) {
    Optional<Refusal> refusal = check(sql);
    assertFalse(refusal.isPresent(), () -> sql + " -> " + refusal.get().message());
  }

  @Test
  void namesTheStatementTheTargetAndWhatToRunInstead() {
    assertEquals("refused: DELETE writes to gold.fact_online_submission; the warehouse is read-only for queries — "
        + "tables change only through `dvcw refresh` / `dvcw maintain`",
        check("DELETE FROM gold.fact_online_submission").orElseThrow().message());
    assertEquals("refused: DROP TABLE changes silver.report_observation; the warehouse is read-only for queries — "
        + "tables change only through `dvcw refresh` / `dvcw maintain`",
        check("DROP TABLE silver.report_observation").orElseThrow().message());
    assertEquals("refused: reading files by path (text.`/etc/shadow`); queries read the warehouse's tables and views "
        + "by name (`dvcw tables` lists them)", check("SELECT count(*) FROM text.`/etc/shadow`").orElseThrow().message());
    assertEquals("bronze.document", check("UPDATE bronze.document SET raw_text = 'x'").orElseThrow().target());
  }

  @Test
  void theEndpointReadsDeltaPathsOnlyInItsOwnLayers() {
    ReadOnlyGuard endpoint = GUARD.readingOnly(Set.of("gold", "ops/refresh_run"));
    assertTrue(endpoint.check(PARSER, "SELECT * FROM delta.`" + LAKE + "/ops/refresh_run`").isPresent() == false);
    assertEquals("file read", endpoint.check(PARSER, "SELECT * FROM delta.`" + LAKE + "/ops/quarantine`")
        .orElseThrow().kind());
    assertTrue(endpoint.check(PARSER, "SELECT * FROM delta.`" + LAKE + "/gold/reconciliation`").isEmpty());
    assertEquals("file read", endpoint.check(PARSER, "SELECT * FROM delta.`" + LAKE + "/bronze/feed_record`")
        .orElseThrow().kind());
  }
}
