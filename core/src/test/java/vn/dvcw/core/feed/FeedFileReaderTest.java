package vn.dvcw.core.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.dvcw.core.feed.FeedFixture.record;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.dvcw.core.calendar.WorkingCalendar;
import vn.dvcw.core.geo.ProvinceDirectory;

/**
 * One feed file's bytes in, its rows out, for every way a file can be bad: each case yields refused rows with
 * their reason and line, the good messages around them still load, and nothing throws. No Spark.
 */
@Tag("fast")
class FeedFileReaderTest {
  private static final FeedParser PARSER = new FeedParser(new AgencyDirectory(ProvinceDirectory.fromClasspath()),
      WorkingCalendar.vietnam(), Pseudonymiser.withSecret("unit-test-secret-0123456789abcdef0123"),
      Instant.parse("2026-11-24T00:00:00Z"));
  private static final int LIMIT = 4096;
  private static final String A = good("000.00.06.H56-240102-0001");
  private static final String B = good("000.00.06.H56-240102-0002");

  private static String good(String maHoSo) {
    return record(maHoSo, "NgayNopHoSo", "20240102080000", "NgayTiepNhan", "20240102090000");
  }

  /** The rows of a file named {@code name} holding {@code bytes}, read as planned. */
  private static List<FeedMessage> read(String name, byte[] bytes) {
    return read(name, bytes, bytes);
  }

  /** The rows of a file planned with {@code planned} whose reader finds {@code actual}. */
  private static List<FeedMessage> read(String name, byte[] planned, byte[] actual) {
    return read(fileOf(name, planned), () -> new ByteArrayInputStream(actual));
  }

  private static List<FeedMessage> read(FeedFile file, FeedFileReader.Opener opener) {
    List<FeedMessage> rows = new ArrayList<>();
    new FeedFileReader(file, opener, PARSER, LIMIT).forEachRemaining(rows::add);
    return rows;
  }

  private static FeedFile fileOf(String name, byte[] bytes) {
    return new FeedFile(sha(bytes), "/feed/" + name, bytes.length, new Timestamp(0));
  }

  /** "line:item problem" for refused rows, "line:item ok MaHoSo" for loaded ones. */
  private static List<String> summary(List<FeedMessage> rows) {
    return rows.stream().map(r -> r.get("line_no") + ":" + r.get("item_no") + " "
        + (r.get("problem") == null ? "ok " + r.get("ma_ho_so") : r.get("kind") + " " + r.get("problem"))).toList();
  }

  private static byte[] utf8(String... lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[]... members) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] m : members) {
      try (GZIPOutputStream z = new GZIPOutputStream(out) {
        @Override
        public void close() throws IOException {
          finish(); // one member each, same output
        }
      }) {
        z.write(m);
      }
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

  @Test
  void anEmptyFileIsRefusedNotFatal() {
    assertEquals(List.of("0:0 file file is empty (0 bytes): an interrupted transfer?"),
        summary(read("x.jsonl.gz", new byte[0])));
    assertEquals(List.of("0:0 file file is empty (0 bytes): an interrupted transfer?"),
        summary(read("x.jsonl", new byte[0])));
  }

  @Test
  void aGzipWithNothingInItOrOnlyBlankLinesHoldsNoMessages() throws IOException {
    byte[] empty = gzip(new byte[0]);
    assertEquals(List.of("0:0 file file holds no messages (" + empty.length + " bytes, an empty gzip)"),
        summary(read("x.jsonl.gz", empty)));
    assertEquals(List.of("0:0 file file holds no messages (3 bytes)"), summary(read("x.jsonl", "\n\n\n".getBytes())));
  }

  @Test
  void everyGzipMemberIsReadAnEmptyOneInBetweenToo() throws IOException {
    byte[] z = gzip(utf8(A), new byte[0], utf8(B));
    assertEquals(List.of("1:0 ok 000.00.06.H56-240102-0001", "2:0 ok 000.00.06.H56-240102-0002"),
        summary(read("x.jsonl.gz", z)));
  }

  @Test
  void aTruncatedGzipOrBytesAfterItAreRefusedWhereTheyStart() throws IOException {
    // Enough lines for several reads of the inflated text: the lines before the cut load.
    String[] lines = new String[40];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = good(String.format("000.00.06.H56-240102-%04d", i + 1));
    }
    byte[] z = gzip(utf8(lines));
    List<String> cut = summary(read("x.jsonl.gz", Arrays.copyOf(z, z.length - 12)));
    String last = cut.get(cut.size() - 1);
    assertTrue(last.matches("\\d+:0 file file cannot be read from line \\d+ on: EOFException: null"), last);
    int from = Integer.parseInt(last.substring(0, last.indexOf(':')));
    assertTrue(from > 1 && from <= lines.length, "control: the cut is inside the file and lines load before it");
    assertEquals(from, cut.size(), "every line before the one named loads: " + cut);
    assertTrue(cut.subList(0, from - 1).stream().allMatch(r -> r.contains(" ok ")), cut.toString());
    List<String> garbage = summary(read("x.jsonl.gz", concat(z, "garbage".getBytes())));
    last = garbage.get(garbage.size() - 1);
    assertTrue(last.matches("\\d+:0 file file cannot be read from line \\d+ on: IOException: Garbage after a valid "
        + ".gz stream"), last);
    assertTrue(garbage.size() > 1 && garbage.subList(0, garbage.size() - 1).stream().allMatch(r -> r.contains(" ok ")),
        garbage.toString());
  }

  @Test
  void aLineOverTheLimitIsRefusedWithItsSizeAndTheRestLoads() {
    String longLine = "{\"MaHoSo\":\"000.00.06.H56-240102-0003\",\"TrichYeuHoSo\":\"" + "x".repeat(LIMIT * 3) + "\"}";
    List<FeedMessage> rows = read("x.jsonl", utf8(A, longLine, B));
    assertEquals(List.of("1:0 ok 000.00.06.H56-240102-0001",
        String.format("2:0 unknown line 2 is %,d bytes, over the limit of %,d bytes (DVCW_FEED_MAX_LINE_MB): not read; "
            + "it stays in the file from byte %,d on", longLine.length(), LIMIT, A.getBytes(StandardCharsets.UTF_8).length + 1),
        "3:0 ok 000.00.06.H56-240102-0002"), summary(rows));
    assertEquals(FeedLineReader.HEAD_BYTES, ((String) rows.get(1).get("raw_json")).length(),
        "bronze keeps the head of the line, not the line");
  }

  @Test
  void aHugeLineIsSkippedWithABufferOfTheLimitsSize() throws IOException {
    // 64 MiB of one line, never materialised: the reader skips it holding at most the limit.
    long size = 64L << 20;
    InputStream endless = new InputStream() {
      long left = size;

      @Override
      public int read() {
        return left-- > 0 ? 'a' : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        Arrays.fill(b, off, off + n, (byte) 'a');
        left -= n;
        return n;
      }
    };
    FeedLineReader lines = new FeedLineReader(new java.io.SequenceInputStream(endless,
        new ByteArrayInputStream(("\n" + A + "\n").getBytes(StandardCharsets.UTF_8))), LIMIT, false);
    FeedLineReader.Line huge = lines.next();
    assertEquals(size, huge.size());
    assertTrue(huge.problem().startsWith("line 1 is 67,108,864 bytes, over the limit"), huge.problem());
    assertTrue(lines.lineCapacity() <= LIMIT, "held " + lines.lineCapacity() + " bytes");
    assertEquals(A, lines.next().text(), "the next line is read as usual");
    assertNull(lines.next());
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedWithTheirOffsetNotLoadedMangled() {
    // A name typed in a Latin-1 system: "Nguyén" with é as the one byte 0xE9.
    byte[] prefix = "{\"MaHoSo\":\"000.00.06.H56-240102-0003\",\"ChuHoSo\":\"Nguy".getBytes(StandardCharsets.UTF_8);
    byte[] file = concat(utf8(B), prefix, new byte[] {(byte) 0xE9}, "n\"}\n".getBytes(StandardCharsets.UTF_8));
    int offset = B.getBytes(StandardCharsets.UTF_8).length + 1 + prefix.length;
    assertEquals(List.of("1:0 ok 000.00.06.H56-240102-0002",
        String.format("2:0 unknown line 2 is not UTF-8: byte 0xE9 at byte %,d of the file (another charset, e.g. "
            + "Latin-1 or Windows-1258?)", offset)), summary(read("x.jsonl", file)));
  }

  @Test
  void aReplacementCharacterWrittenInUtf8IsNotAnError() {
    List<FeedMessage> rows = read("x.jsonl", utf8(A.replace("Nguyễn", "Nguy\uFFFDn")));
    assertNull(rows.get(0).get("problem"));
  }

  @Test
  void nulBytesAreRefused() {
    byte[] file = concat(utf8(A), new byte[] {0, 0, 0, 0, '\n'}, utf8(B));
    assertEquals(List.of("1:0 ok 000.00.06.H56-240102-0001",
        String.format("2:0 unknown line 2 holds 4 NUL bytes, the first at byte %,d of the file: a file padded with "
            + "zeros or written only in part", A.getBytes(StandardCharsets.UTF_8).length + 1),
        "3:0 ok 000.00.06.H56-240102-0002"), summary(read("x.jsonl", file)));
  }

  @Test
  void aByteOrderMarkAndCrlfLineEndsAreNotPartOfTheMessage() {
    byte[] file = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, (A + "\r\n" + B + "\r\n").getBytes(
        StandardCharsets.UTF_8));
    List<FeedMessage> rows = read("x.jsonl", file);
    assertEquals(List.of("1:0 ok 000.00.06.H56-240102-0001", "2:0 ok 000.00.06.H56-240102-0002"), summary(rows));
    assertEquals(A, rows.get(0).get("raw_json"));
    assertEquals(B, rows.get(1).get("raw_json"));
  }

  @Test
  void twoMessagesRunTogetherOnOneLineAreRefusedNotHalfLoaded() {
    List<String> rows = summary(read("x.jsonl", utf8(A + B)));
    assertEquals(1, rows.size());
    assertTrue(rows.get(0).startsWith("1:0 unknown line is not valid JSON: "), rows.toString());
  }

  @Test
  void aJsonArrayIsStreamedItemByItemWithTheLineEachStartsOn() {
    String tooBig = "{\"MaHoSo\":\"000.00.06.H56-240102-0003\",\"TrichYeuHoSo\":\"" + "x".repeat(LIMIT) + "\"}";
    byte[] file = ("\uFEFF[\n  " + A + ",\n  " + tooBig + ",\n  " + B + "\n]\n").getBytes(StandardCharsets.UTF_8);
    List<FeedMessage> rows = read("body.json", file);
    List<String> got = summary(rows);
    assertEquals("2:1 ok 000.00.06.H56-240102-0001", got.get(0));
    assertTrue(got.get(1).startsWith("3:2 unknown item 2 (from line 3) is "), got.get(1));
    assertTrue(got.get(1).contains(" bytes, over the limit of 4,096 bytes (DVCW_FEED_MAX_LINE_MB): not read"),
        got.get(1));
    assertEquals("4:3 ok 000.00.06.H56-240102-0002", got.get(2));
    assertEquals(3, got.size());
    assertEquals(B, rows.get(2).get("raw_json"), "an item's text as sent (compact JSON)");
  }

  @Test
  void aBrokenJsonArrayKeepsTheItemsBeforeTheBreak() {
    byte[] file = ("[\n" + A + ",\n{\"MaHoSo\": Nguyen\n, " + B + "]").getBytes(StandardCharsets.UTF_8);
    List<String> got = summary(read("body.json", file));
    assertEquals("2:1 ok 000.00.06.H56-240102-0001", got.get(0));
    assertTrue(got.get(1).startsWith("3:0 file file cannot be read from line 3 on: IOException: JSON array broken at "
        + "line 3, item 2: Unrecognized token '<redacted>'"), got.get(1));
    assertFalse(got.get(1).contains("Nguyen"), "the reason quotes no input text: " + got.get(1));
    assertEquals(2, got.size());
  }

  @Test
  void anEnvelopeDocumentIsReadWholeAndAnUnknownServiceIsRefused() {
    String envelope = "{\n \"session\": \"t\", \"madonvi\": \"000.00.06.H56\", \"service\": \"TraCuuHoSo\",\n"
        + " \"data\": [" + A + "]\n}";
    List<String> got = summary(read("call.json", envelope.getBytes(StandardCharsets.UTF_8)));
    assertEquals(List.of("1:1 dossier envelope service 'TraCuuHoSo' is neither DongBoHoSoMC (dossier records) nor "
        + "CapNhatTienDoHoSoMC (status events)"), got);
    String ok = envelope.replace("TraCuuHoSo", "DongBoHoSoMC");
    assertEquals(List.of("1:1 ok 000.00.06.H56-240102-0001"), summary(read("call.json", ok.getBytes(
        StandardCharsets.UTF_8))));
  }

  @Test
  void aFileGoneBeforeItIsOpenedIsInterruptedAndReadAgainNextRun() {
    FeedFile file = fileOf("gone.jsonl", utf8(A));
    List<FeedMessage> rows = read(file, () -> {
      throw new FileNotFoundException("/feed/gone.jsonl");
    });
    assertEquals(List.of("1:0 interrupted file disappeared before it could be read (it is read again if it comes "
        + "back)"), summary(rows));
  }

  @Test
  void aFileRewrittenOrCutWhileBeingReadIsInterruptedAndWhatWasReadLoads() {
    byte[] planned = utf8(A, B);
    byte[] rewritten = utf8(B, A);
    assertEquals(List.of("1:0 ok 000.00.06.H56-240102-0002", "2:0 ok 000.00.06.H56-240102-0001",
        "3:0 interrupted file changed while being read (its SHA-256 is no longer the one it was planned with): what "
            + "was read is loaded and the next run reads the file again"),
        summary(read("x.jsonl", planned, rewritten)));
    List<String> cut = summary(read("x.jsonl", planned, utf8(A)));
    assertEquals(String.format("2:0 interrupted file changed while being read (%,d bytes instead of %,d): what was read "
        + "is loaded and the next run reads the file again", A.getBytes(StandardCharsets.UTF_8).length + 1,
        planned.length), cut.get(1));
  }

  @Test
  void bytesAppendedAfterPlanningAreLeftForTheNextRun() {
    byte[] planned = utf8(A);
    assertEquals(List.of("1:0 ok 000.00.06.H56-240102-0001"),
        summary(read("x.jsonl", planned, concat(planned, utf8(B)))));
  }

  @Test
  void runningOutOfMemoryNamesTheFileAndTheSettingsInOneLine() {
    FeedFile file = fileOf("big.jsonl", utf8(A));
    FeedReadFailure f = assertThrows(FeedReadFailure.class, () -> read(file, () -> new InputStream() {
      @Override
      public int read() {
        throw new OutOfMemoryError("Java heap space");
      }

      @Override
      public int read(byte[] b, int off, int len) {
        throw new OutOfMemoryError("Java heap space");
      }
    }));
    assertEquals("out of memory reading feed file /feed/big.jsonl at line 1: raise DVCW_DRIVER_MEMORY (the heap) or "
        + "lower DVCW_FEED_MAX_LINE_MB (the longest line read, now 4,096 bytes)", f.getMessage());
  }

  private static String sha(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
