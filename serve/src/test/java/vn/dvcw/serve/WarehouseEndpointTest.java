package vn.dvcw.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.dvcw.pipelines.SparkTestBase;

/**
 * The endpoint as a BI tool sees it: the Hive JDBC driver over the seed lakehouse on a free port of 127.0.0.1, with
 * password authentication. One endpoint for the class (starting it costs seconds).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WarehouseEndpointTest extends SparkTestBase {
  /** The README's first query. */
  private static final String README_QUERY = "SELECT province_name, online, total, online_rate, meets_target "
      + "FROM analytics.online_rate_trend "
      + "WHERE level = 'all' AND period_start = DATE'2025-07-01' AND source_kind = 'report' "
      + "ORDER BY online_rate LIMIT 5";
  private static WarehouseEndpoint endpoint;

  @BeforeAll
  static void start() throws Exception {
    useSeedLakehouse();
    Path users = Files.createTempFile("dvcw-serve-users", ".txt");
    Files.writeString(users, "# test users\nanalyst:" + HexFormat.of().formatHex(Credentials.sha256("s3cret")) + "\n");
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    endpoint = WarehouseEndpoint.start(spark(), seedLakehouse(), "127.0.0.1", port, Credentials.load(users));
  }

  @AfterAll
  static void stop() {
    if (endpoint != null) {
      endpoint.close();
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(endpoint.jdbcUrl(), "analyst", "s3cret");
  }

  @Test
  void aWrongPasswordIsRefused() {
    assertThrows(SQLException.class, () -> DriverManager.getConnection(endpoint.jdbcUrl(), "analyst", "guess").close());
    assertThrows(SQLException.class, () -> DriverManager.getConnection(endpoint.jdbcUrl(), "nobody", "s3cret").close());
  }

  @Test
  void metadataListsTheShownSchemasTablesAndColumns() throws Exception {
    try (Connection c = connect()) {
      DatabaseMetaData meta = c.getMetaData();
      List<String> schemas = strings(meta.getSchemas(), "TABLE_SCHEM");
      assertTrue(schemas.containsAll(List.of("ref", "gold", "analytics", "silver", "ops")), schemas.toString());
      assertFalse(schemas.contains("bronze"), schemas.toString());
      assertTrue(strings(meta.getTables(null, "analytics", "%", null), "TABLE_NAME").contains("online_rate_trend"));
      List<String> silver = strings(meta.getTables(null, "silver", "%", null), "TABLE_NAME");
      assertTrue(silver.contains("report_observation"), silver.toString());
      assertFalse(silver.contains("dossier") || silver.contains("dossier_event"), silver.toString());
      assertEquals(List.of("refresh_run"), strings(meta.getTables(null, "ops", "%", null), "TABLE_NAME"));
      assertFalse(strings(meta.getTables(null, "%", "%", null), "TABLE_NAME").contains("feed_record"));
      List<String> columns = new ArrayList<>();
      try (ResultSet rs = meta.getColumns(null, "analytics", "online_rate_trend", "%")) {
        while (rs.next()) {
          columns.add(rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME"));
        }
      }
      assertTrue(columns.contains("province_name STRING"), columns.toString());
      assertTrue(columns.contains("meets_target BOOLEAN"), columns.toString());
    }
  }

  @Test
  void theReadmeQueryGivesTheSameRowsAsTheSession() throws Exception {
    List<String> expected = new ArrayList<>();
    for (Row r : spark().sql(README_QUERY).collectAsList()) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        cells.add(String.valueOf(r.get(i)));
      }
      expected.add(String.join("|", cells));
    }
    List<String> actual = new ArrayList<>();
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(README_QUERY)) {
      while (rs.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
          cells.add(rs.getString(i));
        }
        actual.add(String.join("|", cells));
      }
    }
    assertEquals(5, expected.size());
    assertTrue(expected.get(0).startsWith("Sơn La|27558|82654|0.333414|false"), expected.get(0));
    assertEquals(expected, actual);
  }

  @Test
  void writesFileReadsAndHiddenTablesAreRefused() throws Exception {
    long facts = count("SELECT count(*) FROM gold.fact_online_submission");
    try (Connection c = connect(); Statement s = c.createStatement()) {
      SQLException delete = assertThrows(SQLException.class, () -> s.execute("DELETE FROM gold.fact_online_submission"));
      assertTrue(delete.getMessage().contains("refused: DELETE writes to gold.fact_online_submission"),
          delete.getMessage());
      SQLException shadow = assertThrows(SQLException.class,
          () -> s.executeQuery("SELECT count(*) FROM text.`/etc/shadow`"));
      assertTrue(shadow.getMessage().contains("refused: reading files by path"), shadow.getMessage());
      SQLException raw = assertThrows(SQLException.class,
          () -> s.executeQuery("SELECT count(*) FROM delta.`" + seedLakehouse() + "/bronze/feed_record`"));
      assertTrue(raw.getMessage().contains("refused: reading files by path"), raw.getMessage());
      assertThrows(SQLException.class, () -> s.executeQuery("SELECT count(*) FROM bronze.document"));
      assertThrows(SQLException.class, () -> s.execute("SET spark.sql.sources.partitionOverwriteMode = dynamic"));
    }
    assertEquals(facts, count("SELECT count(*) FROM gold.fact_online_submission"));
  }

  @Test
  @Order(Integer.MAX_VALUE) // it adds a row to the seed lakehouse: after the tests that compare figures
  void aCommitWhileAClientQueriesCausesNoErrorAndIsSeenWithoutRestart() throws Exception {
    String table = seedLakehouse() + "/gold/fact_online_submission";
    long before = count("SELECT count(*) FROM gold.fact_online_submission");
    AtomicBoolean committed = new AtomicBoolean();
    AtomicInteger queries = new AtomicInteger();
    List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    long[] last = {-1};
    Thread client = new Thread(() -> {
      try (Connection c = connect(); Statement s = c.createStatement()) {
        // Query until the commit is done, then once more: every answer must come back without an error.
        boolean after = false;
        while (!after) {
          after = committed.get();
          try (ResultSet rs = s.executeQuery("SELECT count(*) FROM gold.fact_online_submission")) {
            rs.next();
            last[0] = rs.getLong(1);
            queries.incrementAndGet();
          } catch (SQLException e) {
            errors.add(e);
          }
        }
      } catch (SQLException e) {
        errors.add(e);
      }
    });
    client.start();
    // A writer's commit on the lakehouse (as a refresh makes one): one more row in one Delta commit.
    spark().read().format("delta").load(table).limit(1).write().format("delta").mode("append").save(table);
    committed.set(true);
    client.join(120_000);
    assertEquals(List.of(), errors);
    assertTrue(queries.get() >= 1);
    assertEquals(before + 1, last[0], "the client sees the new Delta version without a restart");
  }

  private static List<String> strings(ResultSet rs, String column) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        out.add(rs.getString(column));
      }
    }
    return out;
  }
}
