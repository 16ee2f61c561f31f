package vn.dvcw.pipelines.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import vn.dvcw.pipelines.SparkTestBase;
import vn.dvcw.storage.catalog.TableSpec;
import vn.dvcw.storage.catalog.WarehouseTables;

/** The lakehouse after `dvcw refresh` on the bundled documents: contents, keys, views, re-basing, idempotency. */
class SeedRefreshTest extends SparkTestBase {
  @org.junit.jupiter.api.BeforeEach
  void attach() {
    useSeedLakehouse();
  }

  @Test
  void refreshLoadsAllFiveDocumentsWithOnlyAcknowledgedFindings() {
    var r = seedRefresh();
    assertEquals(5, r.documents());
    assertEquals(5, r.newDocuments());
    assertEquals(1948, r.observations());
    assertEquals(9, r.mismatches());
    assertEquals(0, r.mismatchesNew(), "the seed findings are listed in acknowledged-findings.tsv");
    assertEquals(0, r.quarantinedNew());
    assertEquals(RefreshResult.OK, r.exitCode());
  }

  @Test
  void referenceCounts() {
    assertEquals(63, count("SELECT count(*) FROM ref.province WHERE era = 'former'"));
    assertEquals(34, count("SELECT count(*) FROM ref.province WHERE era = 'current'"));
    assertEquals(63, count("SELECT count(DISTINCT former_code) FROM ref.province_lineage"));
    assertEquals(11, count("SELECT count(DISTINCT current_code) FROM analytics.province_lineage WHERE is_unchanged"));
    assertEquals(7, count("SELECT count(*) FROM analytics.province_lineage WHERE code_meaning_changed"));
    assertEquals("thành phố trực thuộc trung ương",
        scalar("SELECT unit_type FROM ref.province WHERE province_key = 'C22'"), "Quảng Ninh became a city in 2026");
  }

  @Test
  void factsPerTable() {
    assertEquals(170, count("SELECT count(*) FROM gold.fact_online_submission"));
    assertEquals(34, count("SELECT count(*) FROM gold.fact_dossier_receipt"));
    assertEquals(63, count("SELECT count(*) FROM gold.fact_service_integration"));
    assertEquals(34, count("SELECT count(*) FROM gold.fact_task_progress"));
    assertEquals(1_777_005L, count("SELECT sum(received_processed) FROM gold.fact_dossier_receipt"));
    assertEquals(7_930_179L, count("SELECT sum(total) FROM gold.fact_online_submission "
        + "WHERE table_id = 'dossiers_cumulative' AND level = 'all'"));
    // Facts carry their lineage: document, table, row and raw line.
    Row hcm = rows("SELECT source_document, line_no, raw_line FROM gold.fact_dossier_receipt WHERE province_code = '79'")
        .get(0);
    assertEquals("7260/VPCP-KSTT", hcm.getString(0));
    assertEquals("5 | UBND Thành phố Hồ Chí Minh | 205.752 | 167.514 | 6.517 | 8,496", hcm.getString(2));
  }

  @Test
  void everyTableKeyIsUnique() {
    for (TableSpec spec : WarehouseTables.ALL) {
      if (!spark().catalog().tableExists(spec.qualifiedName())) {
        continue;
      }
      String keys = String.join(", ", spec.keyColumns());
      long rows = count("SELECT count(*) FROM %s", spec.qualifiedName());
      long distinct = count("SELECT count(*) FROM (SELECT DISTINCT %s FROM %s)", keys, spec.qualifiedName());
      assertEquals(rows, distinct, spec.qualifiedName() + " has duplicate keys");
    }
  }

  @Test
  void everyViewHasRowsAndEveryRateIsAFraction() throws Exception {
    List<String> views = spark().catalog().listTables("analytics").collectAsList().stream()
        .map(t -> "analytics." + t.name()).toList();
    assertTrue(views.size() >= 14, views.toString());
    for (String view : views) {
      // Dossier-level views have rows only once a dossier feed is loaded (FeedJobTest, GeneratedFeedLoadTest), the
      // 766 index once its exports are (inputs/service-index: ServiceIndexLoadTest); the seed is inputs/documents.
      assertTrue(Set.of("analytics.dossier_monthly", "analytics.service_index").contains(view)
          || count("SELECT count(*) FROM %s", view) > 0,
          view + " is empty after a refresh");
      for (StructField f : sql("SELECT * FROM %s", view).schema().fields()) {
        String n = f.name();
        if (n.endsWith("_rate") || n.endsWith("_share") || n.equals("share") || n.equals("target")
            || (view.endsWith("kpi_scorecard") && (n.equals("value") || n.equals("threshold")))) {
          long outside = count("SELECT count(*) FROM %s WHERE %s < 0 OR %s > 1", view, n, n);
          assertEquals(0, outside, view + "." + n + " has values outside [0, 1]");
        }
      }
    }
  }

  @Test
  void currentTotalsEqualTheSumOfTheirFormerParts() {
    long mismatched = count("""
        WITH former AS (
          SELECT m.current_code, sum(f.services_provided) AS provided, sum(f.services_integrated) AS integrated
          FROM gold.fact_service_integration f
          JOIN analytics.province_map m ON m.geography = 'former' AND m.province_key = f.province_key
          GROUP BY m.current_code
        )
        SELECT count(*) FROM analytics.integration_progress p JOIN former USING (current_code)
        WHERE p.geography = 'current' AND p.province_code = former.current_code
          AND (p.services_provided <> former.provided OR p.services_integrated <> former.integrated)
        """.replace("JOIN former USING (current_code)", "JOIN former ON former.current_code = p.province_code"));
    assertEquals(0, mismatched);
    assertEquals(34, count("SELECT count(*) FROM analytics.integration_progress WHERE geography = 'current'"));
    assertEquals(117_531L, count("SELECT sum(services_provided) FROM analytics.integration_progress WHERE geography = 'current'"));
    // Hồ Chí Minh today = Hồ Chí Minh + Bình Dương + Bà Rịa - Vũng Tàu on 09/6/2025.
    Row hcm = rows("SELECT services_provided, services_integrated, integrated_share, former_parts "
        + "FROM analytics.integration_progress WHERE geography = 'current' AND province_code = '79'").get(0);
    assertEquals(1_934 + 1_901 + 1_634, hcm.getLong(0));
    assertEquals(1_934 + 1_533 + 1_349, hcm.getLong(1));
    assertEquals(new BigDecimal("0.880600"), hcm.getDecimal(2), "4816 / 5469 recomputed from the sums");
    assertEquals(3L, hcm.getLong(3));
  }

  @Test
  void taskStatusesByColourViaSparkTestingBase() {
    StructType schema = StructType.fromDDL("status_colour STRING, provinces BIGINT NOT NULL");
    Dataset<Row> expected = spark().createDataFrame(List.of(RowFactory.create("green", 31L),
        RowFactory.create("yellow", 3L)), schema);
    Dataset<Row> actual = sql("SELECT status_colour, count(*) AS provinces FROM analytics.task_progress GROUP BY 1");
    DATA_FRAMES.assertDataFrameNoOrderEquals(expected, actual);
  }

  @Test
  void sqlFunctionsResolveByDate() {
    assertEquals("38", scalar("SELECT province_code('Thanh Hoá', DATE'2025-08-09')"));
    assertEquals("33", scalar("SELECT province_code('Hung Yên', DATE'2025-08-09')"));
    assertNull(scalar("SELECT province_code('Bình Dương', DATE'2025-08-01')"));
    assertEquals("74", scalar("SELECT province_code('Tỉnh Bình Dương', DATE'2025-06-09')"));
    assertEquals("15", scalar("SELECT province_code('Yên Bái', DATE'2025-06-30')"));
    assertEquals("15", scalar("SELECT province_code('Lào Cai', DATE'2025-07-01')"));
    assertEquals("10", scalar("SELECT province_code('Lào Cai', DATE'2025-06-30')"));
    assertEquals("15", scalar("SELECT current_province_code('10', DATE'2025-06-30')"));
    assertEquals("24", scalar("SELECT current_province_code('27', DATE'2025-06-30')"));
    assertEquals("24", scalar("SELECT current_province_code('24', DATE'2025-07-01')"));
  }

  @Test
  void reconciliationShowsTheSourcesOwnErrors() {
    assertEquals(9, count("SELECT count(*) FROM analytics.reconciliation WHERE status IN ('mismatch', 'missing_rows')"));
    assertEquals(3, count("SELECT count(*) FROM analytics.reconciliation WHERE check = 'restated_figure' AND status = 'match'"));
    assertEquals("23905", scalar("SELECT computed_value FROM analytics.reconciliation "
        + "WHERE table_id = 'dossiers_day_all' AND check = 'total_vs_rows' AND measure = 'total'"));
    assertEquals(0, count("SELECT count(*) FROM ops.quarantine"));
  }

  @Test
  void kpiBreachesComeOutOfOneQuery() {
    // Cumulative online rate since 01/7/2025, all levels: provinces under 70% (Phụ lục 8 III).
    List<Row> under = rows("SELECT province_name, value_pct FROM analytics.kpi_breaches WHERE kpi = 'online_rate' "
        + "AND level = 'all' AND period_start = DATE'2025-07-01' AND period_end = DATE'2025-08-09' ORDER BY rank_in_kpi");
    assertEquals(10, under.size());
    assertEquals("Sơn La", under.get(0).getString(0));
    assertEquals(new BigDecimal("33.34"), under.get(0).getDecimal(1));
    // Overdue rate, 7/2025, above 5%: Thanh Hóa 19259 / 118069 = 16.31%.
    Row thanhHoa = rows("SELECT value_pct FROM analytics.kpi_breaches WHERE kpi = 'overdue_rate' AND province_code = '38'")
        .get(0);
    assertEquals(new BigDecimal("16.31"), thanhHoa.getDecimal(0));
  }

  @Test
  void reRunningTheSameInputsChangesNothing() throws Exception {
    Map<String, Long> before = versionsAndCounts();
    var again = refresh(spark(), Path.of(seedLakehouse()), seedInputs());
    assertEquals(RefreshResult.OK, again.exitCode());
    assertEquals(0, again.newDocuments());
    Map<String, Long> after = versionsAndCounts();
    assertEquals(before, after, "a re-run must not commit or change any table");
  }

  private Map<String, Long> versionsAndCounts() {
    Map<String, Long> out = new LinkedHashMap<>();
    List<TableSpec> specs = new ArrayList<>(WarehouseTables.ALL);
    specs.remove(WarehouseTables.REFRESH_RUN); // the run log gains one row per run, by design
    for (TableSpec spec : specs) {
      if (!spark().catalog().tableExists(spec.qualifiedName())) {
        continue;
      }
      out.put(spec.qualifiedName() + " rows", count("SELECT count(*) FROM %s", spec.qualifiedName()));
      out.put(spec.qualifiedName() + " version", io.delta.tables.DeltaTable.forPath(spark(), spec.path(seedLakehouse()))
          .history(1).select("version").head().getLong(0));
    }
    return out;
  }
}
