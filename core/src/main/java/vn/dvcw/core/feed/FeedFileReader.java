package vn.dvcw.core.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The messages of one feed file, produced lazily and in order, whatever is wrong with the file: every problem
 * becomes a refused row (its reason, line and byte), never an exception that would stop the run. Memory stays
 * bounded by the line limit whatever the file's size.
 *
 * <ul>
 *   <li>JSON lines ({@code .jsonl}, {@code .ndjson}): line by line ({@link FeedLineReader}); a line over the limit,
 *       with NUL bytes or not UTF-8 is refused and the rest of the file loads.</li>
 *   <li>A {@code .json} document whose root is an array (a proxy's body of records, possibly hundreds of MB):
 *       streamed item by item, each under the line limit. Any other document (an envelope, one record) is read
 *       whole, under the same limit.</li>
 *   <li>gzip: every member is read; a truncated member or bytes after the last one are reported where they
 *       start (the JDK's reader would silently stop there).</li>
 *   <li>The file is read only up to the size it had when it was hashed, and its bytes must give that SHA-256 (its
 *       id): a file that disappeared, shrank or was rewritten meanwhile gets an {@link FeedParser#interrupted} row
 *       and is read again by the next run. Bytes appended since are left for the next run.</li>
 *   <li>A file with no message at all (0 bytes, an empty gzip, blank lines, {@code []}) gets one refused row.</li>
 * </ul>
 *
 * <p>An {@link OutOfMemoryError} while reading becomes a {@link FeedReadFailure} naming the file, line and the two
 * settings to change: the run fails with one readable line instead of a dead JVM.
 */
public final class FeedFileReader implements Iterator<FeedMessage>, AutoCloseable {

  /** Opens a file's raw bytes (tests pass their own). */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  private final FeedFile file;
  private final Opener opener;
  private final FeedParser parser;
  private final int maxLineBytes;
  private final Deque<FeedMessage> pending = new ArrayDeque<>();
  private HashingStream raw;
  private FeedLineReader lines;
  private ArrayItems items;
  private boolean started;
  private boolean done;
  private long messages;
  private int lineNo;

  public FeedFileReader(FeedFile file, Opener opener, FeedParser parser, int maxLineBytes) {
    this.file = file;
    this.opener = opener;
    this.parser = parser;
    this.maxLineBytes = maxLineBytes;
  }

  @Override
  public boolean hasNext() {
    try {
      while (pending.isEmpty() && !done) {
        step();
      }
    } catch (IOException e) {
      // A truncated or corrupt file: what was read stays; the rest is one refused row, not a failed run. Unless
      // the file changed under the reader (it shrank: a "truncated" gzip): then the next run reads it again.
      pending.clear();
      String changed = null;
      try {
        changed = raw == null ? null : raw.changedFrom(file);
      } catch (IOException again) {
        // the bytes cannot be read to their end: the first error says why
      }
      end(changed != null ? parser.interrupted(file, lineNo + 1, "file changed while being read (" + changed
          + "): what was read is loaded and the next run reads the file again")
          : parser.unreadable(file, lineNo + 1, e.getClass().getSimpleName() + ": " + e.getMessage()));
    } catch (OutOfMemoryError e) {
      pending.clear();
      done = true;
      closeQuietly();
      throw new FeedReadFailure(String.format("out of memory reading feed file %s at line %d: raise "
          + "DVCW_DRIVER_MEMORY (the heap) or lower DVCW_FEED_MAX_LINE_MB (the longest line read, now %s)",
          file.path(), lineNo + 1, maxLineBytes % (1 << 20) == 0 ? (maxLineBytes >> 20) + " MiB"
              : String.format("%,d bytes", maxLineBytes)), e);
    }
    return !pending.isEmpty();
  }

  @Override
  public FeedMessage next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return pending.poll();
  }

  /** Reads on until at least one row is pending or the file is done. */
  private void step() throws IOException {
    if (!started) {
      started = true;
      open();
      return;
    }
    if (items != null) {
      items.next();
      return;
    }
    FeedLineReader.Line line = lines.next();
    if (line == null) {
      finish();
      return;
    }
    lineNo = line.number();
    if (line.problem() != null) {
      add(parser.refused(file, lineNo, line.text(), line.problem()));
    } else {
      parser.parse(file, lineNo, line.text()).forEach(this::add);
    }
  }

  private void open() throws IOException {
    try {
      raw = new HashingStream(opener.open(), file.size());
    } catch (FileNotFoundException e) {
      end(parser.interrupted(file, 1, "file disappeared before it could be read (it is read again if it comes "
          + "back)"));
      return;
    }
    if (file.size() == 0) {
      close();
      end(parser.fileProblem(file, "file is empty (0 bytes): an interrupted transfer?"));
      return;
    }
    InputStream in = file.isGzip() ? new SmallReads(new GzipCompressorInputStream(raw, true)) : raw;
    if (file.isJsonLines()) {
      lines = new FeedLineReader(in, maxLineBytes, false);
      return;
    }
    BufferedInputStream peek = new BufferedInputStream(in, 1 << 16);
    if (startsWithArray(peek)) {
      items = new ArrayItems(peek);
    } else {
      lines = new FeedLineReader(peek, maxLineBytes, true);
    }
  }

  /** Whether the document's first character (after a byte-order mark and white space) opens an array. */
  private static boolean startsWithArray(BufferedInputStream in) throws IOException {
    in.mark(1 << 16);
    try {
      for (int i = 0, b; i < (1 << 16) && (b = in.read()) >= 0; i++) {
        if (b == '[') {
          return true;
        }
        if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0xEF && b != 0xBB && b != 0xBF) {
          return false;
        }
      }
      return false;
    } finally {
      in.reset();
    }
  }

  /** The end of the file: checks it was read as planned and that it held something. */
  private void finish() throws IOException {
    String changed = raw.changedFrom(file);
    close();
    if (changed != null) {
      end(parser.interrupted(file, lineNo + 1, "file changed while being read (" + changed + "): what was read "
          + "is loaded and the next run reads the file again"));
    } else if (messages == 0 && pending.isEmpty()) {
      end(parser.fileProblem(file, String.format("file holds no messages (%,d bytes%s)", file.size(),
          file.isGzip() ? ", an empty gzip" : "")));
    } else {
      done = true;
    }
  }

  private void add(FeedMessage m) {
    messages++;
    pending.add(m);
  }

  private void end(FeedMessage m) {
    pending.add(m);
    done = true;
    closeQuietly();
  }

  @Override
  public void close() throws IOException {
    if (raw != null) {
      raw.close();
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException ignored) {
      // the file is done with; nothing of it is lost by a failed close
    }
  }

  /**
   * The items of a JSON array document, one at a time: each is copied (bounded by the line limit) and parsed on
   * its own, so a 200 MB array never becomes one string or one tree.
   */
  private final class ArrayItems {
    private final JsonFactory factory;
    private final JsonParser json;
    private JsonStreamContext array;
    private int itemNo;

    ArrayItems(InputStream in) throws IOException {
      this.factory = JsonFactory.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxStringLength(Math.max(maxLineBytes, StreamReadConstraints.DEFAULT_MAX_STRING_LEN)).build())
          .build();
      this.json = factory.createParser(in);
    }

    void next() throws IOException {
      try {
        if (array == null) {
          json.nextToken(); // START_ARRAY, checked by startsWithArray
          array = json.getParsingContext();
        }
        JsonToken t = json.nextToken();
        if (t == JsonToken.END_ARRAY || t == null) {
          if (t != null && json.nextToken() != null) {
            lineNo = json.currentTokenLocation().getLineNr();
            add(parser.refused(file, lineNo, "", "content after the end of the JSON array at line " + lineNo
                + ": not read"));
          }
          finish();
          return;
        }
        itemNo++;
        lineNo = json.currentTokenLocation().getLineNr();
        long start = json.currentTokenLocation().getByteOffset();
        BoundedBuffer copy = new BoundedBuffer(maxLineBytes);
        try (JsonGenerator g = factory.createGenerator(copy)) {
          g.copyCurrentStructure(json);
        } catch (BoundedBuffer.Full full) {
          skipRestOfItem();
          long size = json.currentLocation().getByteOffset() - start;
          add(parser.refused(file, lineNo, copy.head(), String.format("item %d (from line %d) is %,d bytes, over "
              + "the limit of %,d bytes (DVCW_FEED_MAX_LINE_MB): not read", itemNo, lineNo, size, maxLineBytes))
              .set("item_no", itemNo));
          return;
        }
        add(parser.parseArrayItem(file, lineNo, itemNo, copy.toString(StandardCharsets.UTF_8)));
      } catch (JsonProcessingException e) {
        // The array itself is broken (bad JSON, bytes that are not UTF-8): no item after this point can be found.
        int at = e.getLocation() == null ? lineNo : e.getLocation().getLineNr();
        lineNo = at - 1;
        throw new IOException("JSON array broken at line " + at + ", item " + itemNo + ": "
            + FeedParser.jsonError(e), e);
      }
    }

    private void skipRestOfItem() throws IOException {
      while (json.getParsingContext() != array) {
        if (json.nextToken() == null) {
          return;
        }
      }
    }
  }

  /**
   * Reads of at most {@value #CHUNK} bytes. The gzip reader fills a read completely or throws: at a truncated end,
   * the text it had already inflated for that read is lost with the exception. Small reads keep that loss to a few
   * lines, all of them after the line the quarantine names.
   */
  private static final class SmallReads extends FilterInputStream {
    static final int CHUNK = 8192;

    SmallReads(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return super.read(b, off, Math.min(len, CHUNK));
    }
  }

  /** A byte buffer that refuses to grow past its limit (the generator copying an item writes into it). */
  private static final class BoundedBuffer extends ByteArrayOutputStream {
    private final int limit;

    BoundedBuffer(int limit) {
      super(Math.min(limit, 1 << 12));
      this.limit = limit;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      if (count + len > limit) {
        throw new Full();
      }
      super.write(b, off, len);
    }

    @Override
    public synchronized void write(int b) {
      if (count + 1 > limit) {
        throw new Full();
      }
      super.write(b);
    }

    String head() {
      return new String(buf, 0, Math.min(count, FeedLineReader.HEAD_BYTES), StandardCharsets.UTF_8);
    }

    static final class Full extends RuntimeException {
      Full() {
        super("item over the line limit", null, false, false);
      }
    }
  }

  /**
   * The raw bytes of the file as planned: at most its planned size (bytes appended since are the next run's), with
   * their SHA-256, so the end of the read can tell whether they are still the bytes the file id names.
   */
  private static final class HashingStream extends FilterInputStream {
    private final MessageDigest sha;
    private final long planned;
    private long read;
    private String verdict;

    HashingStream(InputStream in, long planned) {
      super(in);
      this.planned = planned;
      try {
        this.sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (read >= planned) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, planned - read));
      if (n > 0) {
        sha.update(b, off, n);
        read += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] sink = new byte[8192];
      long skipped = 0;
      for (int k; skipped < n && (k = read(sink, 0, (int) Math.min(sink.length, n - skipped))) > 0; ) {
        skipped += k;
      }
      return skipped;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    /** Reads what the decoder left (usually nothing) and says how the bytes differ from the plan; null if not. */
    String changedFrom(FeedFile file) throws IOException {
      if (verdict != null) {
        return verdict.isEmpty() ? null : verdict;
      }
      skip(Long.MAX_VALUE);
      if (read < planned) {
        verdict = String.format("%,d bytes instead of %,d", read, planned);
      } else {
        String now = HexFormat.of().formatHex(sha.digest());
        verdict = now.equals(file.fileId()) ? "" : "its SHA-256 is no longer the one it was planned with";
      }
      return verdict.isEmpty() ? null : verdict;
    }
  }
}
