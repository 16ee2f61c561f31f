package vn.dvcw.core.feed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a feed file's bytes into lines without ever holding more than one line, and that line at most
 * {@code maxLineBytes}: a longer line is counted and skipped, not read (one runaway line must not exhaust the heap).
 * Each line says why it cannot be parsed, if it cannot: over the limit, NUL bytes, bytes that are not UTF-8.
 *
 * <p>Lines end at {@code \n} only (as {@code wc -l} and editors count them); one {@code \r} before it (CRLF) and a
 * UTF-8 byte-order mark at the start of a line are not part of the text. Invalid UTF-8 is refused, not replaced:
 * a name read with the wrong charset would load mangled and nobody would know (the warehouse never silently
 * fixes a value). The refused line's text, kept for the quarantine, shows U+FFFD in place of the bad bytes.
 *
 * <p>In {@code whole} mode the entire input is one "line" (a {@code .json} document), under the same limit.
 */
public final class FeedLineReader {
  /** What the quarantine keeps of a line too long to read: its first bytes. */
  static final int HEAD_BYTES = 4096;
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /**
   * One line: its number (from 1), the byte offset where it starts, its length in bytes (without the line end),
   * its text, and why it cannot be parsed (null when it can).
   */
  public record Line(int number, long offset, long size, String text, String problem) {}

  private final InputStream in;
  private final int maxLineBytes;
  private final boolean whole;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int end;
  private boolean eof;
  private byte[] line;
  private int number;
  private long offset;
  private CharsetDecoder strict;

  /**
   * @param in the decompressed bytes of one file
   * @param maxLineBytes the longest line read; longer ones are skipped and reported
   * @param whole whether the whole input is one line (a JSON document)
   */
  public FeedLineReader(InputStream in, int maxLineBytes, boolean whole) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("the line limit must be positive, not " + maxLineBytes);
    }
    this.in = in;
    this.maxLineBytes = maxLineBytes;
    this.whole = whole;
    this.line = new byte[Math.min(1 << 13, maxLineBytes)];
  }

  /** The next line, or null after the last one (a final line without {@code \n} counts; an empty tail does not). */
  public Line next() throws IOException {
    long start = offset;
    long size = 0;
    int kept = 0;
    boolean ended = false;
    while (!ended) {
      if (pos == end && !fill()) {
        if (size == 0 && (whole ? number > 0 : true)) {
          return null;
        }
        break;
      }
      int stop = end;
      if (!whole) {
        for (int i = pos; i < end; i++) {
          if (buf[i] == '\n') {
            stop = i;
            ended = true;
            break;
          }
        }
      }
      int n = stop - pos;
      int room = Math.min(n, maxLineBytes - kept);
      if (room > 0) {
        ensure(kept + room);
        System.arraycopy(buf, pos, line, kept, room);
        kept += room;
      }
      size += n;
      pos = ended ? stop + 1 : stop;
      offset += ended ? n + 1 : n;
    }
    number++;
    if (size > maxLineBytes) {
      String head = new String(line, 0, Math.min(kept, HEAD_BYTES), StandardCharsets.UTF_8);
      return new Line(number, start, size, head, String.format("%s %d is %,d bytes, over the limit of %,d bytes "
          + "(DVCW_FEED_MAX_LINE_MB): not read; it stays in the file from byte %,d on", whole ? "document" : "line",
          number, size, maxLineBytes, start));
    }
    int from = 0;
    int to = kept;
    if (to > from && line[to - 1] == '\r') {
      to--;
    }
    if (to - from >= 3 && Arrays.equals(line, 0, 3, BOM, 0, 3)) {
      from = 3;
    }
    String text = new String(line, from, to - from, StandardCharsets.UTF_8);
    return new Line(number, start, size, text, problem(from, to, start, text));
  }

  /** Why the bytes {@code [from, to)} of the current line cannot be parsed; null when they can. */
  private String problem(int from, int to, long start, String text) {
    int nuls = 0;
    int firstNul = -1;
    for (int i = from; i < to; i++) {
      if (line[i] == 0) {
        nuls++;
        firstNul = firstNul < 0 ? i : firstNul;
      }
    }
    if (nuls > 0) {
      return String.format("%s %d holds %,d NUL bytes, the first at byte %,d of the file: a file padded with "
          + "zeros or written only in part", whole ? "document" : "line", number, nuls, start + firstNul);
    }
    // The replacement character also stands for bytes that are not UTF-8: only then is the strict check needed.
    if (text.indexOf('\uFFFD') >= 0) {
      int bad = firstMalformed(from, to);
      if (bad >= 0) {
        return String.format("%s %d is not UTF-8: byte 0x%02X at byte %,d of the file (another charset, e.g. "
            + "Latin-1 or Windows-1258?)", whole ? "document" : "line", number, line[bad] & 0xFF, start + bad);
      }
    }
    return null;
  }

  /** The index of the first byte that is not valid UTF-8 in {@code [from, to)}, or -1. */
  private int firstMalformed(int from, int to) {
    if (strict == null) {
      strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
    ByteBuffer bytes = ByteBuffer.wrap(line, from, to - from);
    CharBuffer chars = CharBuffer.allocate(to - from);
    strict.reset();
    CoderResult r = strict.decode(bytes, chars, true);
    if (r.isError()) {
      return bytes.position();
    }
    r = strict.flush(chars);
    return r.isError() ? bytes.position() : -1;
  }

  /** The bytes held for the current line (tests check it stays within the limit). */
  int lineCapacity() {
    return line.length;
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n = in.read(buf, 0, buf.length);
    if (n < 0) {
      eof = true;
      return false;
    }
    pos = 0;
    end = n;
    return true;
  }

  private void ensure(int capacity) {
    if (capacity > line.length) {
      line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, Math.max(capacity, 2L * line.length)));
    }
  }
}
