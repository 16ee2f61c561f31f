package vn.dvcw.pipelines.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvcw.pipelines.Pipelines;
import vn.dvcw.pipelines.Progress;
import vn.dvcw.pipelines.QuarantineEntry;
import vn.dvcw.pipelines.SparkTestBase;
import vn.dvcw.pipelines.refresh.RefreshResult;
import vn.dvcw.storage.WarehouseSession;
import vn.dvcw.storage.catalog.WarehouseTables;
import vn.dvcw.storage.models.ContractCheck;
import vn.dvcw.storage.models.ContractViolation;
import vn.dvcw.storage.models.ModelContracts;

/**
 * The real 766 exports of inputs/service-index (An Giang's report workbooks of 11, 15 and 16 October 2025)
 * through a whole refresh: every snapshot kept in analytics.service_index on today's map, the latest ranks and
 * each unit's revisions read straight from it, the checks in analytics.reconciliation, and a re-run that changes
 * nothing. A sheet whose period nobody stated goes to quarantine, once, with the reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceIndexLoadTest extends SparkTestBase {
  private static final Path EXPORTS = Path.of("..", "inputs", "service-index").toAbsolutePath().normalize();
  private Path lakehouse;
  private RefreshResult first;

  @BeforeAll
  void refreshTheExports() throws Exception {
    lakehouse = freshLakehouse();
    first = refresh(spark(), lakehouse, EXPORTS);
  }

  private void attached() {
    if (!lakehouse.toString().equals(WarehouseSession.lakehouseOf(spark()))) {
      WarehouseSession.attach(spark(), lakehouse.toString());
    }
  }

  @Test
  void everySnapshotOfEveryPeriodAndUnitIsKept() {
    attached();
    assertEquals(0, first.exitCode(), first.summary().toString());
    List<Row> perKind = rows("SELECT unit_level, period_kind, source, count(DISTINCT snapshot_at) AS snapshots, "
        + "count(*) AS n FROM analytics.service_index GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
    assertEquals(List.of("[agency,month,portal,2,30]", "[agency,year,portal,2,30]", "[commune,year,portal,4,408]",
        "[province,month,exporter_trend,4,8]", "[province,month,portal,4,136]", "[province,quarter,exporter_trend,4,16]",
        "[province,year,portal,5,170]"), perKind.stream().map(Row::toString).toList());
    assertEquals(0L, count("SELECT count(*) FROM (SELECT 1 FROM analytics.service_index GROUP BY snapshot_at, "
        + "period_kind, period_start, unit_level, province_code, unit_code HAVING count(*) > 1)"));
  }

  @Test
  void theLatestRanksAndEachProvincesRevisionsReadStraightFromTheView() {
    attached();
    Row anGiang = sql("SELECT province_code, province_name, total_score, rank, total_change, rank_change, "
        + "CAST(previous_snapshot_at AS STRING) FROM analytics.service_index WHERE is_latest AND unit_level = "
        + "'province' AND period_kind = 'year' AND unit_code = 'H01'").first();
    assertEquals("[91,An Giang,87.86,9,-0.02,1,2025-10-15 01:46:24]", anGiang.toString());
    List<String> revisions = rows("SELECT CAST(snapshot_at AS STRING), total_score, rank FROM analytics.service_index "
        + "WHERE unit_code = 'H01' AND period_kind = 'year' ORDER BY snapshot_at").stream().map(Row::toString).toList();
    assertEquals(List.of("[2025-10-11 08:37:29,87.80,10]", "[2025-10-11 13:01:35,87.80,10]",
        "[2025-10-11 13:59:29,87.80,10]", "[2025-10-15 01:46:24,87.88,10]", "[2025-10-16 04:52:57,87.86,9]"),
        revisions);
    Row langSon = sql("SELECT province_code, unit_code FROM analytics.service_index WHERE is_latest "
        + "AND unit_level = 'province' AND period_kind = 'year' AND province_name = 'Lạng Sơn'").first();
    assertEquals("[20,000.00.00.H37]", langSon.toString());
    assertEquals(34L, count("SELECT count(*) FROM analytics.service_index WHERE is_latest AND unit_level = 'province' "
        + "AND period_kind = 'month' AND source = 'portal'"));
    // The exporter's quarter totals, Q1 and Q2 before the merger, read on today's An Giang; its float artefacts as 0.1.
    assertEquals("[37.20, 52.00, 84.20, 86.70]", rows("SELECT total_score FROM analytics.service_index "
        + "WHERE is_latest AND period_kind = 'quarter' ORDER BY period_start").stream().map(r -> r.get(0).toString())
        .toList().toString());
  }

  @Test
  void sheetsWithoutAPeriodTakeTheOneThePeriodsFileStates() {
    attached();
    assertEquals("[month,2025-10-01,service-index-periods.tsv,15]", sql("SELECT period_kind, "
        + "CAST(period_start AS STRING), period_source, count(*) FROM analytics.service_index WHERE is_latest "
        + "AND unit_level = 'agency' AND snapshot_date = DATE'2025-10-16' GROUP BY 1, 2, 3").first().toString());
  }

  @Test
  void groupsAndRanksAreReconciledNeverCorrected() {
    attached();
    List<String> checks = rows("SELECT check, status, count(*) FROM gold.reconciliation "
        + "WHERE kind = 'service_index_766' GROUP BY 1, 2 ORDER BY 1, 2").stream().map(Row::toString).toList();
    assertTrue(checks.contains("[one_ranking,match,2]") && checks.contains("[one_ranking,note,2]"), checks.toString());
    assertTrue(checks.stream().noneMatch(c -> c.contains(",mismatch,")), checks.toString());
    long groupChecks = checks.stream().filter(c -> c.startsWith("[groups_sum_to_total"))
        .mapToLong(c -> Long.parseLong(c.replaceAll(".*,(\\d+)]$", "$1"))).sum();
    assertEquals(34 + 4 * (34 + 34 + 15 + 102), groupChecks);
  }

  @Test
  void theViewsKeepTheirContractsOnRealExports() {
    attached();
    var contracts = ModelContracts.fromClasspath().byModel();
    List<String> violations = new ContractCheck(spark()).checkAll(List.of(contracts.get("analytics.service_index"),
        contracts.get("analytics.reconciliation"), contracts.get("analytics.documents"),
        contracts.get("analytics.freshness"))).stream().map(ContractViolation::toString).toList();
    assertEquals(List.of(), violations);
  }

  @Test
  void aSecondRefreshChangesNothing() {
    attached();
    long version = versionOf();
    RefreshResult again = refresh(spark(), lakehouse, EXPORTS);
    assertEquals(0, again.exitCode(), again.summary().toString());
    assertEquals(version, versionOf());
  }

  private long versionOf() {
    return io.delta.tables.DeltaTable.forPath(spark(), WarehouseTables.SERVICE_INDEX_SCORE.path(lakehouse.toString()))
        .history(1).first().<Long>getAs("version");
  }

  @Test
  void aSheetWhosePeriodNobodyStatedIsQuarantinedWithTheReason() throws Exception {
    Path inputs = Files.createTempDirectory("dvcw-766-unstated");
    Files.copy(EXPORTS.resolve("an-giang").resolve("bao_cao_thang_10_2025.ebd4e73e.xlsx"),
        inputs.resolve("bao_cao_thang_10_2025.xlsx"));
    Files.writeString(inputs.resolve(ServiceIndexPeriods.FILE_NAME), "bao_cao_thang_10_2025.xlsx\tBáo cáo 766\t"
        + "the year\tno period written\n");
    freshLakehouse();
    DocumentsJob.Result r = Pipelines.get(spark()).documents().run(inputs.toString(), "unstated-test",
        new Progress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), 2));
    List<String> reasons = r.quarantine().stream().map(QuarantineEntry::reason).sorted().toList();
    assertEquals(2, reasons.size(), reasons.toString());
    assertTrue(reasons.get(0).startsWith("766 sheet 'Báo cáo 766' (34 rows) not loaded: sheet 'Báo cáo 766' does not "
        + "say whether it covers the year, a quarter or a month; state it in service-index-periods.tsv"), reasons.get(0));
    assertTrue(reasons.get(1).startsWith("not a period line"), reasons.get(1));
    attached();
  }

}
