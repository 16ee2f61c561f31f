package vn.dvcw.pipelines.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.dvcw.core.feed.FeedFixture.envelope;
import static vn.dvcw.core.feed.FeedFixture.event;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.dvcw.core.feed.FeedFixture;
import vn.dvcw.pipelines.Pipelines;
import vn.dvcw.pipelines.SparkTestBase;
import vn.dvcw.pipelines.refresh.RefreshOptions;
import vn.dvcw.pipelines.refresh.RefreshResult;
import vn.dvcw.storage.WarehouseSession;

/**
 * One refresh over a feed folder holding every kind of bad feed file at once, beside good ones: every good message
 * loads, every bad file or line is quarantined with its reason, file and line, the refresh exits 3, and running it
 * again changes nothing downstream. Two files are spoilt while the run reads them (one deleted, one rewritten),
 * from the hook that hears the feed's step 1 end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedFaultMatrixTest extends SparkTestBase {
  static final int LIMIT = FeedJob.DEFAULT_MAX_LINE_MB << 20;
  static final String TOO_LONG = "{\"MaHoSo\":\"x\",\"TrichYeuHoSo\":\"" + "a".repeat(LIMIT + 1024) + "\"}";

  static Path lakehouse;
  static Path inputs;
  static Path feed;
  static RefreshResult first;
  static String output;
  /** The dossiers whose records are good and must load. */
  static final TreeSet<String> GOOD = new TreeSet<>();

  static String dossier(int n) {
    String id = String.format("000.00.06.H56-2401%02d-%04d", 2 + n % 20, n);
    return FeedFixture.record(id, "NgayNopHoSo", "202401" + String.format("%02d", 2 + n % 20) + "080000",
        "NgayTiepNhan", "202401" + String.format("%02d", 2 + n % 20) + "090000",
        "NgayHenTra", "20240130170000", "TrangThaiHoSo", "4");
  }

  static String good(int n) {
    String r = dossier(n);
    GOOD.add(r.substring(r.indexOf("000.00.06"), r.indexOf("000.00.06") + 25));
    return r;
  }

  static String bad(int n) {
    return dossier(n);
  }

  @BeforeAll
  static void refreshAFolderOfBadFiles() throws Exception {
    lakehouse = freshLakehouse();
    inputs = Files.createTempDirectory("dvcw-no-documents");
    feed = Files.createTempDirectory("dvcw-fault-feed");
    String g1 = good(1);
    write("good.jsonl", lines(g1, good(2), good(3), envelope("000.00.06.H56", List.of(
        event(g1.substring(11, 36), "20240103100000", "4", "Chuyển xử lý"),
        event(g1.substring(11, 36), "20240104160000", "9", "Kết thúc xử lý hồ sơ")))));
    write("empty.jsonl.gz", new byte[0]);
    write("empty-member.jsonl.gz", gzip(new byte[0]));
    byte[] z = gzip(lines(bad(17)));
    write("truncated.jsonl.gz", Arrays.copyOf(z, z.length / 2));
    write("long-line.jsonl", lines(good(4), TOO_LONG, good(5)));
    write("latin1.jsonl", concat(lines(good(13)), bad(19).replace("Nguyễn", "Nguy\u00e9n")
        .getBytes(StandardCharsets.ISO_8859_1), "\n".getBytes()));
    write("nul.jsonl", concat(lines(good(6)), new byte[] {0, 0, 0, '\n'}));
    write("bom-crlf.jsonl", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        (good(7) + "\r\n" + good(8) + "\r\n").getBytes(StandardCharsets.UTF_8)));
    write("array.json", ("[\n  " + good(9) + ",\n  " + good(10) + "\n]\n").getBytes(StandardCharsets.UTF_8));
    write("two-on-a-line.jsonl", lines(bad(14) + bad(15)));
    write("service.json", ("{\"session\":\"t\",\"madonvi\":\"000.00.06.H56\",\"service\":\"TraCuuHoSo\",\"data\":["
        + bad(16) + "]}").getBytes(StandardCharsets.UTF_8));
    write("vanish.jsonl", lines(bad(18)));
    String c1 = good(11);
    String c2 = good(12);
    write("changed.jsonl", lines(c1, c2));

    WarehouseSession.attach(spark(), lakehouse.toString());
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    first = Pipelines.get(spark()).withHook((job, step) -> {
      if (job.equals("feed") && step == 1) { // the files are planned (hashed) and marked 'loading'
        spoil(c1, c2);
      }
    }).refresh(new PrintStream(buf, true, StandardCharsets.UTF_8))
        .run(new RefreshOptions(inputs.toString(), feed.toString()));
    output = buf.toString(StandardCharsets.UTF_8);
  }

  /** Deletes one planned file and rewrites another (same size, other bytes) before they are read. */
  private static void spoil(String c1, String c2) {
    try {
      Files.delete(feed.resolve("vanish.jsonl"));
      Files.write(feed.resolve("changed.jsonl"), lines(c2, c1));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Each file's expected quarantine rows: "line reason…" (a prefix of the reason). */
  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of("good.jsonl", List.of()),
        Arguments.of("bom-crlf.jsonl", List.of()),
        Arguments.of("array.json", List.of()),
        Arguments.of("empty.jsonl.gz", List.of("0 file is empty (0 bytes)")),
        Arguments.of("empty-member.jsonl.gz", List.of("0 file holds no messages")),
        Arguments.of("truncated.jsonl.gz", List.of("1 file cannot be read from line 1 on: EOFException")),
        Arguments.of("long-line.jsonl", List.of(String.format("2 line 2 is %,d bytes, over the limit of %,d bytes",
            TOO_LONG.length(), LIMIT))),
        Arguments.of("latin1.jsonl", List.of("2 line 2 is not UTF-8: byte 0x")),
        Arguments.of("nul.jsonl", List.of("2 line 2 holds 3 NUL bytes")),
        Arguments.of("two-on-a-line.jsonl", List.of("1 line is not valid JSON")),
        Arguments.of("service.json", List.of("1 envelope service 'TraCuuHoSo' is neither DongBoHoSoMC")),
        Arguments.of("vanish.jsonl", List.of("1 file disappeared before it could be read")),
        Arguments.of("changed.jsonl", List.of("3 file changed while being read")));
  }

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void eachBadFileIsQuarantinedWithItsReasonAndLine(String file, List<String> expected) {
    List<String> got = rows("SELECT line_no, reason FROM ops.quarantine WHERE stage = 'feed' AND file_path LIKE '%%/%s' "
        + "ORDER BY line_no", file).stream().map(r -> r.getInt(0) + " " + r.getString(1)).toList();
    assertEquals(expected.size(), got.size(), file + ": " + got + "\n" + output);
    for (int i = 0; i < expected.size(); i++) {
      assertTrue(got.get(i).startsWith(expected.get(i)), file + ": " + got.get(i));
    }
  }

  @Test
  @Order(2)
  void everyGoodMessageLoadsAndNoBadOne() {
    TreeSet<String> loaded = rows("SELECT ma_ho_so FROM silver.dossier").stream().map(r -> r.getString(0))
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(GOOD, loaded, output);
    assertEquals(13, GOOD.size(), "control: the good dossiers of the fixture");
    assertEquals(2L, count("SELECT count(*) FROM silver.dossier_event"));
  }

  @Test
  @Order(3)
  void theRefreshFinishesAndExitsThree() {
    assertEquals(RefreshResult.FINDINGS, first.exitCode(), output);
    assertEquals(10, count("SELECT count(*) FROM ops.quarantine WHERE stage = 'feed'"), "one row per bad file\n"
        + output);
    Map<String, String> status = new TreeMap<>();
    rows("SELECT file_path, status FROM bronze.feed_file").forEach(r -> status.put(
        r.getString(0).replaceAll(".*/", ""), r.getString(1)));
    assertEquals("interrupted", status.get("vanish.jsonl"));
    assertEquals("interrupted", status.get("changed.jsonl"));
    assertEquals(Collections.frequency(status.values(), "loaded"), status.size() - 2, status.toString());
  }

  @Test
  @Order(4)
  void theQuarantineShowsNoPersonalData() {
    List<String> leaks = new ArrayList<>();
    for (Row r : rows("SELECT file_path, raw_text, reason FROM ops.quarantine WHERE stage = 'feed'")) {
      for (String p : List.of(FeedFixture.OWNER, FeedFixture.ID_NUMBER, FeedFixture.PHONE, FeedFixture.EMAIL,
          FeedFixture.ACCOUNT, "Nguy\u00e9n", "Nguy\uFFFDn")) {
        if (r.getString(1).contains(p) || r.getString(2).contains(p)) {
          leaks.add(r.getString(0) + " shows " + p);
        }
      }
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  @Order(5)
  void aRerunChangesNothingDownstream() {
    Map<String, Long> before = versions();
    RefreshResult[] again = new RefreshResult[1];
    String out = refreshWithFeed(lakehouse, inputs, feed, again);
    assertEquals(0, again[0].exitCode(), out);
    assertEquals(0, again[0].quarantinedNew(), out);
    assertEquals(before, versions(), "silver, gold and the quarantine are as they were\n" + out);
    // The rewritten file is read again under its new bytes (the same messages); the deleted one is gone.
    assertTrue(out.contains("feed " + feed + ": 12 files, 1 new, 11 already loaded"), out);
  }

  private static Map<String, Long> versions() {
    Map<String, Long> v = new TreeMap<>();
    for (String t : List.of("silver/dossier", "silver/dossier_event", "gold/dossier_daily", "ops/quarantine")) {
      v.put(t, io.delta.tables.DeltaTable.forPath(spark(), lakehouse.resolve(t).toString()).history(1)
          .head().<Long>getAs("version"));
    }
    return v;
  }

  private static void write(String name, byte[] bytes) throws IOException {
    Files.write(feed.resolve(name), bytes);
  }

  private static byte[] lines(String... lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(bytes);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
