package vn.dvcw.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import vn.dvcw.pipelines.SparkTestBase;
import vn.dvcw.pipelines.feed.FeedJob;
import vn.dvcw.tools.GenerateCommand;

/**
 * The bench's DuckDB build must agree with the warehouse's Spark build of the same files: a generated feed across
 * the reorganisation (both eras, the generator's messy and broken messages) plus a file of hand-made messages, one
 * per refusal rule and a few valid oddities (an envelope record numbered without an agency, read by its madonvi; a
 * JSON array of records; a blank line).
 */
class DuckDbFeedBuildTest extends SparkTestBase {
  static final ObjectMapper JSON = new ObjectMapper();
  static Path generated;
  static Path lakehouse;
  static DuckDbFeedBuild.Result duck;
  static ProvinceMonthTotals sparkTotals;

  @BeforeAll
  static void buildBothWays() throws Exception {
    generated = Files.createTempDirectory("dvcw-duck-feed").resolve("out");
    int exit = new CommandLine(new GenerateCommand()).execute("--from", "2025-06-23", "--to", "2025-07-08",
        "--scale", "0.0002", "--seed", "5", "--out", generated.toString());
    assertEquals(0, exit, "dvcw generate failed");
    writeHandMadeMessages(generated.resolve("feed/2025-07/dvcqg-2025-07-08-extra.jsonl.gz"));
    lakehouse = freshLakehouse();
    new FeedJob(spark(), lakehouse.toString(), line -> { }).run(generated.toString(), "duck-test");
    sparkTotals = ProvinceMonthTotals.ofSpark(spark());
    duck = new DuckDbFeedBuild(Files.createTempDirectory("dvcw-duck-build"), 2).run(FeedBenchmark.feedFiles(generated));
  }

  /** One message per refusal rule, built from a valid generated record, and valid messages of unusual shapes. */
  static void writeHandMadeMessages(Path file) throws Exception {
    String line;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(
        generated.resolve("feed/2025-07/dvcqg-2025-07-03-dossiers.jsonl.gz"))), StandardCharsets.UTF_8))) {
      line = r.readLine();
    }
    ObjectNode base = (ObjectNode) JSON.readTree(line);
    String agency = base.get("MaHoSo").asText().substring(0, 13);
    StringBuilder out = new StringBuilder();
    out.append(line, 0, line.length() / 2).append('\n'); // truncated
    out.append(line).append(line).append('\n'); // two messages on one line
    out.append("{\"service\":\"TraCuuHoSo\",\"data\":[").append(line).append("]}\n");
    out.append(with(base, "MaHoSo", "000.00.01.H99-250703-0001")).append('\n');
    out.append(with(base, "MaHoSo", "000.00.04.G14-250703-0001")).append('\n');
    // Hà Giang's code names no province after 1/7/2025
    out.append(with(with(with(base, "MaHoSo", "000.00.01.H22-250703-0001"), "NgayNopHoSo", "20250703080000"),
        "NgayTiepNhan", "20250703081000")).append('\n');
    out.append(with(base, "TrangThaiHoSo", "11")).append('\n');
    out.append(with(base, "KenhThucHien", "5")).append('\n');
    out.append(with(base, "NgayNopHoSo", "2025-07-03 10:00")).append('\n');
    out.append(with(base, "NgayKetThucXuLy", "20990101000000")).append('\n'); // in the future
    out.append(with(with(base, "TrangThaiHoSo", "4"), "NgayTiepNhan", "")).append('\n');
    out.append(with(base, "MaHoSo", "")).append('\n');
    ObjectNode badFee = base.deepCopy();
    ((ArrayNode) badFee.get("DanhSachLePhi")).addObject().put("Gia", "about 50k");
    out.append(badFee).append('\n');
    out.append("42\n");
    out.append("{\"MaHoSo\":\"").append(agency).append("-250703-0009\",\"ThoiDiemXuLy\":\"20250703100000\",")
        .append("\"TrangThai\":\"0\",\"NoiDungXuLy\":\"Chuyển xử lý\"}\n"); // an event with a status outside the list
    out.append('\n');
    // valid: a record numbered without an agency, in an envelope naming its unit; an array of two records
    out.append("{\"service\":\"DongBoHoSoMC\",\"madonvi\":\"").append(agency).append("\",\"data\":[")
        .append(with(with(base, "MaHoSo", "HS-OPAQUE-1"), "KenhThucHien", "2")).append("]}\n");
    // a province-level unit named after a province of both eras ("UBND thành phố Hà Nội")
    out.append(with(with(base, "MaHoSo", agency + "-250703-0903"), "DonViXuLy", "UBND thành phố Hà Nội")).append('\n');
    ArrayNode array = JSON.createArrayNode();
    array.add(JSON.readTree(with(base, "MaHoSo", agency + "-250703-0901")));
    array.add(JSON.readTree(with(with(base, "MaHoSo", agency + "-250703-0902"), "KenhThucHien", "2")));
    out.append(array).append('\n');
    try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8)) {
      w.write(out.toString());
    }
  }

  private static String with(ObjectNode record, String field, String value) {
    return record.deepCopy().put(field, value).toString();
  }

  private static String with(String record, String field, String value) throws Exception {
    return with((ObjectNode) JSON.readTree(record), field, value);
  }

  @Test
  void theTotalsOfBothBuildsAreEqualAndCoverBothEras() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int equal = TotalsCheck.verify(sparkTotals, duck.totals(), new PrintStream(buf, true, StandardCharsets.UTF_8));
    assertTrue(equal > 40, "province-months compared: " + equal);
    assertTrue(buf.toString(StandardCharsets.UTF_8).startsWith("totals check: " + equal + " province-months equal"));
    assertEquals(List.of(), sparkTotals.differences(duck.totals()));
    assertTrue(count("SELECT count(DISTINCT era) FROM gold.dossier_daily") == 2, "both eras are in the feed");
  }

  @Test
  void oneChangedTotalFailsTheCheck() {
    String[] row = duck.totals().firstKey().split(" ");
    ProvinceMonthTotals tampered = duck.totals().withReceivedChanged(row[0], row[1], 1);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    TotalsCheck.Mismatch e = assertThrows(TotalsCheck.Mismatch.class,
        () -> TotalsCheck.verify(sparkTotals, tampered, new PrintStream(buf, true, StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("1 of") && e.getMessage().contains(row[0] + " " + row[1]), e.getMessage());
    assertTrue(buf.toString(StandardCharsets.UTF_8).contains(row[0] + " " + row[1] + ": received "), buf.toString());
  }

  @Test
  void bothBuildsRefuseTheSameMessages() {
    TreeSet<String> spark = refused(spark().table("bronze.feed_record")
        .where("problem IS NOT NULL AND kind NOT IN ('file', 'interrupted')"));
    TreeSet<String> duckDb = refused(spark().read().parquet(duck.output().resolve("bronze/feed_record.parquet")
        .toString()).where("problem IS NOT NULL"));
    assertTrue(spark.size() >= 15, "the hand-made and generated broken messages are refused: " + spark);
    assertEquals(spark, duckDb);
    assertEquals(spark.size(), duck.refused());
  }

  private static TreeSet<String> refused(Dataset<Row> bronze) {
    TreeSet<String> keys = new TreeSet<>();
    for (Row r : bronze.selectExpr("regexp_extract(file_path, '[^/]+$', 0)", "line_no", "item_no").collectAsList()) {
      keys.add(r.getString(0) + ":" + ((Number) r.get(1)).longValue() + ":" + ((Number) r.get(2)).longValue());
    }
    return keys;
  }

  /** Not only the compared totals: every column of every row of the daily facts is the same. */
  @Test
  void theDailyFactsAreTheSameRowForRow() {
    String columns = "month, day, era, province_key, province_code, level, channel, source, received, online, direct, "
        + "postal, online_via_dvcqg, received_late, finished, finished_on_time, finished_late, overdue_open, "
        + "paid_online, with_fee, digitised, next_open_due_date";
    Dataset<Row> spark = sql("SELECT " + columns + " FROM gold.dossier_daily");
    Dataset<Row> duckDb = spark().read().parquet(duck.output().resolve("gold/dossier_daily").toString())
        .selectExpr(columns.split(", "));
    assertEquals(0, spark.exceptAll(duckDb).count() + duckDb.exceptAll(spark).count(),
        "rows only in Spark: " + spark.exceptAll(duckDb).limit(5).collectAsList() + "; only in DuckDB: "
            + duckDb.exceptAll(spark).limit(5).collectAsList());
    assertEquals(count("SELECT count(*) FROM silver.dossier"), duck.dossiers());
  }
}
