package vn.dvcw.tools.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.zip.CRC32;

/**
 * Writes one gzip file from blocks rendered and compressed in parallel, the way pigz does: each block is
 * raw-deflated on a worker ({@link FastDeflate}) with the previous block's last 32 KiB as dictionary and
 * ends with a sync flush (byte-aligned, not final); the blocks are concatenated in order, a final empty
 * block and the CRC-32/size trailer close the member. The result is one ordinary gzip member (readable
 * by gzip, {@link java.util.zip.GZIPInputStream}, Hadoop/Spark), and the same for any number of threads,
 * because block boundaries depend only on the message count. At most {@code window} blocks are in flight, so memory
 * is bounded.
 */
final class ParallelGzip implements AutoCloseable {
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 4, (byte) 0xff};
  private static final ThreadLocal<FastDeflate> DEFLATERS = ThreadLocal.withInitial(FastDeflate::new);

  private record Block(byte[] raw, byte[] compressed, int length) {}

  private final OutputStream out;
  private final Executor pool;
  private final int window;
  private final ArrayDeque<CompletableFuture<Block>> pending = new ArrayDeque<>();
  private final CRC32 crc = new CRC32();
  private CompletableFuture<byte[]> previousRaw = CompletableFuture.completedFuture(null);
  private long rawSize;
  private long written;

  ParallelGzip(Path file, Executor pool, int window) throws IOException {
    this.out = Files.newOutputStream(file);
    this.pool = pool;
    this.window = window;
    out.write(HEADER);
    written = HEADER.length;
  }

  /**
   * Adds the next block, rendered (or being rendered) on the pool; it is compressed on the pool too.
   * Blocks while too many are in flight. An empty block adds nothing.
   */
  void add(CompletableFuture<byte[]> raw) throws IOException {
    CompletableFuture<Block> block = raw.thenCombineAsync(previousRaw, ParallelGzip::deflate, pool);
    previousRaw = raw.thenCombine(previousRaw, (cur, prev) -> cur.length > 0 ? cur : prev);
    pending.add(block);
    while (pending.size() > window) {
      drainOne();
    }
  }

  private void drainOne() throws IOException {
    Block b;
    try {
      b = pending.removeFirst().join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
    crc.update(b.raw());
    rawSize += b.raw().length;
    out.write(b.compressed(), 0, b.length());
    written += b.length();
  }

  private static Block deflate(byte[] current, byte[] previous) {
    if (current.length == 0) {
      return new Block(current, current, 0);
    }
    byte[] compressed = DEFLATERS.get().compress(previous, current);
    return new Block(current, compressed, compressed.length);
  }

  /** Uncompressed bytes so far. */
  long rawSize() {
    return rawSize;
  }

  /** Writes the last blocks and the trailer; returns the file's size in bytes. */
  long finish() throws IOException {
    while (!pending.isEmpty()) {
      drainOne();
    }
    out.write(FastDeflate.FINAL_BLOCK);
    written += FastDeflate.FINAL_BLOCK.length;
    int c = (int) crc.getValue();
    int size = (int) rawSize;
    out.write(new byte[] {(byte) c, (byte) (c >>> 8), (byte) (c >>> 16), (byte) (c >>> 24),
        (byte) size, (byte) (size >>> 8), (byte) (size >>> 16), (byte) (size >>> 24)});
    written += 8;
    out.close();
    return written;
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
