package vn.dvcw.pipelines.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.dvcw.core.feed.FeedFixture.electronicResult;
import static vn.dvcw.core.feed.FeedFixture.envelope;
import static vn.dvcw.core.feed.FeedFixture.event;
import static vn.dvcw.core.feed.FeedFixture.fee;
import static vn.dvcw.core.feed.FeedFixture.record;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.dvcw.core.feed.FeedFixture;
import vn.dvcw.pipelines.SparkTestBase;
import vn.dvcw.pipelines.refresh.RefreshResult;
import vn.dvcw.storage.catalog.Layer;

/**
 * The dossier feed end to end on hand-written messages whose right answer is known: out-of-order records, events
 * before their record, duplicates, both eras, broken messages, personal data. The steps run in order on one
 * lakehouse (each builds on the previous state).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedJobTest extends SparkTestBase {
  static final String D1 = "000.00.06.H56-240102-0001";
  static final String D2 = "000.21.00.H56-240103-0002";
  static final String D3 = "000.00.06.H56-240103-0003";
  static final String D4 = "000.00.06.H56-240105-0004";
  static final String D5 = "000.00.06.H56-250702-0005";
  static final String D6 = "000.00.00.H22-250630-0006";

  static Path lakehouse;
  static Path feed;
  static RefreshResult first;
  static String output;

  @BeforeAll
  static void loadFirstFiles() throws Exception {
    lakehouse = freshLakehouse();
    feed = Files.createTempDirectory("dvcw-feed");
    String d1Final = record(D1, "NgayNopHoSo", "20240102080000", "NgayTiepNhan", "20240102090000",
        "NgayHenTra", "20240109170000", "TrangThaiHoSo", "10", "NgayKetThucXuLy", "20240105100000",
        "NgayTra", "20240105150000", "DanhSachGiayToKetQua", electronicResult(), "DanhSachLePhi", fee("50000"),
        "DuocThanhToanTrucTuyen", "1");
    FeedFixture.writeLines(feed.resolve("2024-01/a.jsonl"), List.of(
        d1Final,
        d1Final,
        record(D2, "KenhThucHien", "1", "DonViXuLy", "UBND xã Quảng Phú", "NgayNopHoSo", "20240103080000",
            "NgayTiepNhan", "20240103080000", "NgayHenTra", "20240105170000", "TrangThaiHoSo", "4"),
        "{\"MaHoSo\":\"000.00.06.H56-240102-0009\",\"ChuHoSo\":\"" + FeedFixture.OWNER + "\",\"NgayTiep",
        record(D1, "KenhThucHien", "5", "NgayTiepNhan", "20240102090000"),
        record("000.00.06.H56-240104-0007", "TrangThaiHoSo", "4", "NgayNopHoSo", "20240104080000"),
        record("000.00.06.H56-240104-0008", "NgayTiepNhan", "31/12/2024")));
    FeedFixture.writeLines(feed.resolve("2024-01/events-a.json"), List.of(envelope("000.00.06.H56", List.of(
        event(D3, "20240103080000", "2", "Tiếp nhận hồ sơ"),
        event(D3, "20240104160000", "9", "Kết thúc xử lý hồ sơ"),
        event(D3, "20240104160000", "9", "Kết thúc xử lý hồ sơ")))));
    FeedFixture.writeLines(feed.resolve("2024-01/b.jsonl.gz"), List.of(
        record(D1, "NgayNopHoSo", "20240102080000", "NgayTiepNhan", "20240102090000", "NgayHenTra", "20240109170000"),
        d1Final,
        record(D3, "NgayNopHoSo", "20240103070000", "NgayTiepNhan", "20240103080000", "NgayHenTra", "20240110170000",
            "TrangThaiHoSo", "4"),
        record(D4, "NgayNopHoSo", "20240105160000", "NgayTiepNhan", "20240109090000", "NgayHenTra", "20240120170000",
            "TrangThaiHoSo", "4"),
        record(D5, "KenhThucHien", "1", "NgayNopHoSo", "20250702100000", "NgayTiepNhan", "20250702100000",
            "NgayHenTra", "20250710170000"),
        record(D6, "KenhThucHien", "1", "DonViXuLy", "UBND tỉnh Hà Giang", "NgayNopHoSo", "20250630090000",
            "NgayTiepNhan", "20250630090000", "NgayHenTra", "20250705170000"),
        record("000.00.00.H22-250702-0010", "NgayNopHoSo", "20250702090000", "NgayTiepNhan", "20250702090000")));
    RefreshResult[] r = new RefreshResult[1];
    output = refreshWithFeed(lakehouse, seedInputs(), feed, r);
    first = r[0];
  }

  @Test
  @Order(1)
  void theLatestStateWinsWhateverTheArrivalOrder() {
    Map<String, Integer> status = new java.util.HashMap<>();
    rows("SELECT ma_ho_so, status FROM silver.dossier").forEach(x -> status.put(x.getString(0), x.getInt(1)));
    assertEquals(Map.of(D1, 10, D2, 4, D3, 9, D4, 4, D5, 2, D6, 2), status, output);
    // D3's record says "processing"; its events, which arrived first, say finished at 16:00 local on 4/1.
    assertEquals("2024-01-04 09:00:00", scalar("SELECT CAST(completed_at AS STRING) FROM silver.dossier "
        + "WHERE ma_ho_so = '%s'", D3));
    assertEquals(2L, count("SELECT count(*) FROM silver.dossier_event"), "the repeated event is stored once");
    assertEquals(RefreshResult.FINDINGS, first.exitCode(), "new quarantined messages make exit 3");
  }

  @Test
  @Order(2)
  void eachEraResolvesItsOwnProvinces() {
    assertEquals("former F02 Hà Giang", scalar("SELECT concat(d.era, ' ', d.province_key, ' ', p.name) "
        + "FROM silver.dossier d JOIN ref.province p ON p.province_key = d.province_key WHERE ma_ho_so = '%s'", D6));
    assertEquals("current C38", scalar("SELECT concat(era, ' ', province_key) FROM silver.dossier "
        + "WHERE ma_ho_so = '%s'", D5));
    assertEquals("commune", scalar("SELECT level FROM silver.dossier WHERE ma_ho_so = '%s'", D2));
  }

  @Test
  @Order(3)
  void dailyFactsCountEachDossierOnceByItsReceiptDay() {
    Row m = sql("SELECT sum(received), sum(online), sum(direct), sum(received_late), sum(finished), "
        + "sum(finished_on_time), sum(finished_late), sum(overdue_open), sum(paid_online), sum(with_fee), "
        + "sum(digitised) FROM gold.dossier_daily WHERE month = '2024-01'").head();
    // D1-D4; online D1 D3 D4; late D4 (sent Friday 16:00, accepted Tuesday: after Monday); finished D1 D3 on time;
    // open past due as of 2025-07-02: D2 and D4; D1 paid online, has the fee and the electronic result.
    assertEquals(List.of(4L, 3L, 1L, 1L, 2L, 2L, 0L, 2L, 1L, 1L, 1L), values(m));
    assertEquals("2025-07-02", scalar("SELECT CAST(as_of_date AS STRING) FROM gold.dossier_as_of"));
    assertEquals(1L, count("SELECT sum(received) FROM gold.dossier_daily WHERE month = '2025-06' AND province_key = 'F02'"));
    assertEquals(1L, count("SELECT sum(received) FROM gold.dossier_daily WHERE month = '2025-07' AND province_key = 'C38'"));
  }

  @Test
  @Order(4)
  void brokenMessagesAreQuarantinedWithFileAndLine() {
    List<Row> q = rows("SELECT file_path, line_no, reason, raw_text FROM ops.quarantine WHERE stage = 'feed' "
        + "ORDER BY file_path, line_no");
    List<String> got = new ArrayList<>();
    q.forEach(r -> got.add(r.getString(0).replaceAll(".*/", "") + ":" + r.getInt(1) + " " + r.getString(2)));
    assertEquals(5, q.size(), String.join("\n", got));
    assertTrue(got.get(0).startsWith("a.jsonl:4 line is not valid JSON"), got.get(0));
    assertTrue(got.get(1).startsWith("a.jsonl:5 KenhThucHien '5' is not a channel code"), got.get(1));
    assertTrue(got.get(2).contains("a.jsonl:6 TrangThaiHoSo 4 says the dossier was accepted but NgayTiepNhan is empty"),
        got.get(2));
    assertTrue(got.get(3).startsWith("a.jsonl:7 NgayTiepNhan '31/12/2024' is not a time"), got.get(3));
    assertTrue(got.get(4).startsWith("b.jsonl.gz:7 agency code 000.00.00.H22: H22 is not the DVCQG code of a current"),
        got.get(4));
    q.forEach(r -> FeedFixture.PERSONAL.forEach(p -> assertFalse(r.getString(3).contains(p), r.getString(3))));
  }

  @Test
  @Order(5)
  void personalDataNeverLeavesBronze() {
    assertTrue(count("SELECT count(*) FROM bronze.feed_record WHERE raw_json LIKE '%%" + FeedFixture.ID_NUMBER
        + "%%'") > 0, "control: bronze keeps the raw messages, so the scan below can find what it looks for");
    List<String> leaks = new ArrayList<>();
    for (Layer layer : List.of(Layer.SILVER, Layer.GOLD, Layer.ANALYTICS, Layer.OPS)) {
      for (Row t : rows("SHOW TABLES IN " + layer.schema())) {
        if (t.getBoolean(2)) {
          continue; // session temporary views
        }
        String name = layer.schema() + "." + t.getString(1);
        org.apache.spark.sql.Dataset<Row> df = spark().table(name);
        String all = String.join(" || ' ' || ", java.util.Arrays.stream(df.columns())
            .map(c -> "coalesce(CAST(`" + c + "` AS STRING), '')").toList());
        for (String p : FeedFixture.PERSONAL) {
          long n = df.selectExpr(all + " AS v").where(org.apache.spark.sql.functions.col("v").contains(p)).count();
          if (n > 0) {
            leaks.add(name + " holds '" + p + "' in " + n + " rows");
          }
        }
      }
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  @Order(6)
  void aRerunAndACopiedFileChangeNothing() throws Exception {
    Files.copy(feed.resolve("2024-01/a.jsonl"), feed.resolve("2024-01/a-copy.jsonl"), StandardCopyOption.COPY_ATTRIBUTES);
    long before = history("silver/dossier");
    FeedJob.Result r = new FeedJob(spark(), lakehouse.toString(), s -> { }).run(feed.toString(), "rerun");
    assertEquals(0, r.filesLoaded());
    assertEquals(1, r.duplicates());
    assertEquals(before, history("silver/dossier"));
    assertEquals(1L, count("SELECT count(*) FROM bronze.feed_file WHERE status = 'duplicate'"));
  }

  @Test
  @Order(7)
  void aLateUpdateRebuildsOnlyItsMonth() throws Exception {
    FeedFixture.writeLines(feed.resolve("2025-07/c.jsonl"), List.of(
        record(D2, "KenhThucHien", "1", "DonViXuLy", "UBND xã Quảng Phú", "NgayNopHoSo", "20240103080000",
            "NgayTiepNhan", "20240103080000", "NgayHenTra", "20240105170000", "TrangThaiHoSo", "10",
            "NgayKetThucXuLy", "20250703090000", "NgayTra", "20250703100000")));
    FeedJob.Result r = new FeedJob(spark(), lakehouse.toString(), s -> { }).run(feed.toString(), "late");
    assertEquals(1, r.filesLoaded());
    assertEquals(1, r.dossiersChanged());
    assertEquals(List.of("2024-01"), r.monthsRebuilt());
    Row m = sql("SELECT sum(finished), sum(finished_late), sum(overdue_open) FROM gold.dossier_daily "
        + "WHERE month = '2024-01'").head();
    assertEquals(List.of(3L, 1L, 1L), values(m));
  }

  private static long history(String table) {
    return io.delta.tables.DeltaTable.forPath(spark(), lakehouse.resolve(table).toString()).history().count();
  }

  private static List<Long> values(Row r) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      out.add(((Number) r.get(i)).longValue());
    }
    return out;
  }
}
