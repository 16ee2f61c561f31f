package vn.dvcw.tools.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FastDeflate} blocks chained by {@link ParallelGzip} form one gzip member any reader inflates. */
@Tag("fast")
class GeneratorGzipTest {
  @TempDir Path tmp;

  private static byte[] block(SplittableRandom r, int size, boolean text) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    while (b.size() < size) {
      if (text) {
        String s = "{\"MaHoSo\":\"000.00.0" + r.nextInt(10) + ".H56-2507" + r.nextInt(10, 31) + "-" + r.nextInt(10000)
            + "\",\"TenTTHC\":\"Đăng ký khai sinh\",\"ChuHoSo\":\"Nguyễn Văn " + (char) ('A' + r.nextInt(26))
            + "\",\"Gia\":\"" + r.nextInt(1_000_000) + "\"}\n";
        b.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      } else {
        b.write(r.nextInt(256));
      }
    }
    return b.toByteArray();
  }

  @Test
  void blocksWithDictionariesInflateToTheInput() throws IOException {
    SplittableRandom r = new SplittableRandom(3);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      Path file = tmp.resolve("x.gz");
      ParallelGzip gz = new ParallelGzip(file, pool, 3);
      int[] sizes = {0, 1, 3, 5, 100, 70_000, 0, 300_000, 40_000, 258, 259, 1_000_000, 17};
      for (int i = 0; i < sizes.length; i++) {
        byte[] b = block(r, sizes[i], i % 3 != 2);
        if (sizes[i] == 0) {
          b = new byte[0];
        }
        expected.writeBytes(b);
        gz.add(CompletableFuture.completedFuture(b));
      }
      gz.finish();
      byte[] inflated;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        inflated = in.readAllBytes();
      }
      assertArrayEquals(expected.toByteArray(), inflated);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anEmptyFileIsAValidEmptyGzip() throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(1);
    try {
      Path file = tmp.resolve("empty.gz");
      ParallelGzip gz = new ParallelGzip(file, pool, 2);
      gz.finish();
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        assertArrayEquals(new byte[0], in.readAllBytes());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void longRunsAndAllMatchLengthsRoundTrip() throws IOException {
    FastDeflate d = new FastDeflate();
    byte[] prev = new byte[40_000];
    byte[] cur = new byte[200_000];
    SplittableRandom r = new SplittableRandom(9);
    for (int i = 0; i < prev.length; i++) {
      prev[i] = (byte) r.nextInt(4);
    }
    for (int i = 0; i < cur.length; i++) {
      cur[i] = i < 1000 ? 7 : i % 5000 < 300 ? prev[(i * 7) % prev.length] : (byte) r.nextInt(3);
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    gz.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
    gz.writeBytes(d.compress(null, prev));
    gz.writeBytes(d.compress(prev, cur));
    gz.writeBytes(FastDeflate.FINAL_BLOCK);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(prev);
    crc.update(cur);
    int c = (int) crc.getValue();
    int n = prev.length + cur.length;
    gz.writeBytes(new byte[] {(byte) c, (byte) (c >>> 8), (byte) (c >>> 16), (byte) (c >>> 24), (byte) n,
        (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)});
    byte[] out;
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz.toByteArray()))) {
      out = in.readAllBytes();
    }
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes(prev);
    expected.writeBytes(cur);
    assertArrayEquals(expected.toByteArray(), out);
  }
}
