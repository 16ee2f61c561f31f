package vn.dvcw.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvcw.app.CliTestBase;
import vn.dvcw.pipelines.refresh.RefreshJob;
import vn.dvcw.pipelines.refresh.RefreshOptions;
import vn.dvcw.pipelines.refresh.RefreshResult;
import vn.dvcw.storage.WarehouseSession;
import vn.dvcw.storage.catalog.CatalogListing;

/** The dvcw command line against the seed lakehouse: output formats, exit codes, messages. */
class CommandLineTest extends CliTestBase {
  @BeforeEach
  void attach() {
    useSeedLakehouse();
  }

  @Test
  void csvIsAHeaderThenRows() {
    assertEquals(0, run("sql", "--lakehouse", seedLakehouse(), "--format", "csv",
        "SELECT count(*) AS n FROM ref.province"));
    assertEquals("n\n97\n", out.replace("\r", ""));
  }

  @Test
  void csvQuotesCellsWithCommas() {
    assertEquals(0, run("sql", "--lakehouse", seedLakehouse(), "--format", "csv",
        "SELECT name, unit_type FROM ref.province WHERE province_key = 'F77'"));
    assertEquals("name,unit_type\nBà Rịa - Vũng Tàu,tỉnh\n", out.replace("\r", ""));
    assertEquals(0, run("sql", "--lakehouse", seedLakehouse(), "--format", "csv",
        "SELECT 'a, b' AS x, 'say \"hi\"' AS y"));
    assertEquals("x,y\n\"a, b\",\"say \"\"hi\"\"\"\n", out.replace("\r", ""));
  }

  @Test
  void tableIsReadableWithVietnameseNames() {
    assertEquals(0, run("sql", "--lakehouse", seedLakehouse(),
        "SELECT province_code, province_name, online_rate FROM analytics.online_rate_trend "
            + "WHERE province_code = '14' AND level = 'all' ORDER BY period_start"));
    assertTrue(out.contains("province_code | province_name | online_rate"), out);
    assertTrue(out.contains("14            | Sơn La        | 0.333414"), out);
    assertTrue(out.contains("(2 rows)"), out);
  }

  @Test
  void jsonIsOneObjectPerLine() {
    assertEquals(0, run("sql", "--lakehouse", seedLakehouse(), "--format", "json",
        "SELECT code, name FROM ref.province WHERE province_key IN ('C15', 'F15') ORDER BY province_key"));
    assertEquals("{\"code\":\"15\",\"name\":\"Lào Cai\"}\n{\"code\":\"15\",\"name\":\"Yên Bái\"}\n",
        out.replace("\r", ""));
  }

  @Test
  void aBadQueryIsOneLineAndExitTwo() {
    assertEquals(2, run("sql", "--lakehouse", seedLakehouse(), "SELECT * FROM gold.no_such_table"));
    assertEquals(1, err.strip().lines().count(), err);
    assertTrue(err.startsWith("dvcw sql: [TABLE_OR_VIEW_NOT_FOUND]"), err);
    assertEquals(2, run("sql", "--lakehouse", seedLakehouse(), "SELEC 1"));
    assertEquals(1, err.strip().lines().count(), err);
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertEquals(2, run("sql", "--frmat", "csv", "SELECT 1"));
    assertTrue(err.contains("Unknown option"), err);
  }

  @Test
  void aRefreshThatCannotRunExitsOneWithOneReadableLine() throws Exception {
    java.nio.file.Path lakehouse = freshLakehouse();
    assertEquals(1, run("refresh", "--lakehouse", lakehouse.toString(), "--inputs", "/no/such/folder"));
    assertTrue(err.startsWith("dvcw refresh: inputs folder not found: /no/such/folder"), err);
  }

  @Test
  void runsShowsTheLatestRefreshes() {
    assertEquals(0, run("runs", "--lakehouse", seedLakehouse(), "--format", "csv"));
    assertTrue(out.startsWith("run_id,status,exit_code,"), out);
    assertTrue(out.contains(",success,0,"), out);
  }

  @Test
  void maintainKeepsAtLeastThirtyDaysAndChangesNoFigure() {
    assertEquals(2, run("maintain", "--lakehouse", seedLakehouse(), "--retention-days", "7"));
    assertTrue(err.contains("at least 30"), err);
    long before = count("SELECT sum(value) FROM silver.report_observation");
    assertEquals(0, run("maintain", "--lakehouse", seedLakehouse()));
    assertTrue(out.contains("silver.report_observation"), out);
    assertEquals(before, count("SELECT sum(value) FROM silver.report_observation"));
  }

  @Test
  void aSecondRefreshExitsFourWhileAnotherHoldsTheLakehouse() throws Exception {
    java.nio.file.Path lakehouse = freshLakehouse();
    try (var held = vn.dvcw.pipelines.refresh.RefreshLock.acquire(spark().sparkContext().hadoopConfiguration(),
        lakehouse.toString(), "other-run", java.time.Duration.ZERO, m -> { })) {
      var result = new vn.dvcw.pipelines.refresh.RefreshJob(spark(), new PrintStream(new ByteArrayOutputStream()))
          .run(new vn.dvcw.pipelines.refresh.RefreshOptions(seedInputs().toString(), null, java.time.Duration.ZERO));
      assertEquals(vn.dvcw.pipelines.refresh.RefreshResult.BUSY, result.exitCode());
      assertTrue(result.summary().get(0).contains("another refresh is writing"), result.summary().toString());
      assertEquals(0, java.nio.file.Files.list(lakehouse).filter(p -> !p.endsWith("_locks")).count(),
          "nothing written");
    }
  }

  @Test
  void tablesListsEveryTableAndViewWithItsDescription() {
    assertEquals(0, run("tables", "--lakehouse", seedLakehouse()));
    assertTrue(out.contains("ref       | ref.province "), out);
    assertTrue(out.contains("| 97   | Provinces of both eras"), out);
    assertTrue(out.contains("analytics | analytics.online_rate "), out);
    assertTrue(out.contains("Online submission rate per province, period and level"), out);
  }

  @Test
  void tablesNamesTheViewsFromTheirFilesWithoutCreatingThem() {
    SparkSession spark = spark();
    List<Row> withViews = CatalogListing.of(spark, false).collectAsList();
    assertTrue(names(withViews).contains("analytics.dossier_monthly"), names(withViews).toString());
    try {
      for (Row r : withViews) {
        if ("view".equals(r.getString(2))) {
          spark.sql("DROP VIEW " + r.getString(1));
        }
      }
      assertEquals(withViews, CatalogListing.ofTablesAndViewFiles(spark, seedLakehouse()).collectAsList());
      // Without a table a view reads (its name only: the table is external), the view is not listed either.
      spark.sql("DROP TABLE gold.dossier_daily");
      List<String> listed = names(CatalogListing.ofTablesAndViewFiles(spark, seedLakehouse()).collectAsList());
      assertFalse(listed.contains("gold.dossier_daily"), listed.toString());
      assertFalse(listed.contains("analytics.dossier_monthly"), "it reads gold.dossier_daily: " + listed);
      assertFalse(listed.contains("analytics.online_rate"), "it reads analytics.dossier_monthly: " + listed);
      assertTrue(listed.contains("analytics.province_map"), listed.toString());
    } finally {
      WarehouseSession.attach(spark, seedLakehouse());
    }
  }

  private static List<String> names(List<Row> listing) {
    return listing.stream().map(r -> r.getString(1)).toList();
  }
}
