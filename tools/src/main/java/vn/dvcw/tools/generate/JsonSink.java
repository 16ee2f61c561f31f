package vn.dvcw.tools.generate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer for hand-written JSON lines. Strings are escaped per RFC 8259 (quote,
 * backslash, control characters as {@code \\uXXXX} or the short forms); everything else is written as
 * UTF-8 as is, so Vietnamese text stays readable. Constant strings are encoded once with
 * {@link #quoted(String)} and copied with {@link #raw(byte[])}.
 */
final class JsonSink {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  /** "00".."99". */
  private static final byte[] TWO_DIGITS = new byte[200];

  static {
    for (int i = 0; i < 100; i++) {
      TWO_DIGITS[2 * i] = (byte) ('0' + i / 10);
      TWO_DIGITS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  private byte[] buf;
  private int len;
  /** yyyyMMdd of recently written days, direct-mapped on the day's low 3 bits. */
  private final long[] cachedDay = {-1, -1, -1, -1, -1, -1, -1, -1};
  private final byte[][] cachedDate = new byte[8][8];

  JsonSink(int capacity) {
    buf = new byte[capacity];
  }

  int length() {
    return len;
  }

  byte[] buffer() {
    return buf;
  }

  void reset() {
    len = 0;
  }

  void truncate(int newLength) {
    len = newLength;
  }

  byte[] toBytes() {
    return Arrays.copyOf(buf, len);
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  JsonSink raw(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    return this;
  }

  JsonSink raw(byte[] b, int from, int to) {
    ensure(to - from);
    System.arraycopy(b, from, buf, len, to - from);
    len += to - from;
    return this;
  }

  JsonSink ascii(char c) {
    ensure(1);
    buf[len++] = (byte) c;
    return this;
  }

  /** An ASCII string known to need no escaping (codes, digits). */
  JsonSink ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) s.charAt(i);
    }
    return this;
  }

  /** A JSON string value: quotes, escapes, UTF-8. */
  JsonSink str(String s) {
    ascii('"');
    chars(s);
    return ascii('"');
  }

  /** The escaped UTF-8 of {@code s} without quotes. */
  JsonSink chars(CharSequence s) {
    int n = s.length();
    ensure(n * 3 + 2);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c == '"' || c == '\\') {
          ensure(2 + (n - i) * 3);
          buf[len++] = '\\';
          buf[len++] = (byte) c;
        } else if (c < 0x20) {
          ensure(6 + (n - i) * 3);
          switch (c) {
            case '\n' -> { buf[len++] = '\\'; buf[len++] = 'n'; }
            case '\r' -> { buf[len++] = '\\'; buf[len++] = 'r'; }
            case '\t' -> { buf[len++] = '\\'; buf[len++] = 't'; }
            default -> {
              buf[len++] = '\\';
              buf[len++] = 'u';
              buf[len++] = '0';
              buf[len++] = '0';
              buf[len++] = HEX[c >> 4];
              buf[len++] = HEX[c & 15];
            }
          }
        } else {
          buf[len++] = (byte) c;
        }
      } else if (c < 0x800) {
        buf[len++] = (byte) (0xc0 | (c >> 6));
        buf[len++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        ensure(4 + (n - i) * 3);
        buf[len++] = (byte) (0xf0 | (cp >> 18));
        buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        buf[len++] = (byte) (0x80 | (cp & 0x3f));
      } else if (Character.isSurrogate(c)) {
        buf[len++] = (byte) 0xef; // lone surrogate: U+FFFD
        buf[len++] = (byte) 0xbf;
        buf[len++] = (byte) 0xbd;
      } else {
        buf[len++] = (byte) (0xe0 | (c >> 12));
        buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        buf[len++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    return this;
  }

  /** Two digits of 0..99. */
  JsonSink twoDigits(int v) {
    ensure(2);
    buf[len++] = TWO_DIGITS[2 * v];
    buf[len++] = TWO_DIGITS[2 * v + 1];
    return this;
  }

  /** A non-negative number as decimal digits, zero-padded to {@code width}. */
  JsonSink digits(long v, int width) {
    if (v < 10 && width <= 1) {
      ensure(1);
      buf[len++] = (byte) ('0' + v);
      return this;
    }
    if (v < 100 && width == 2) {
      return twoDigits((int) v);
    }
    ensure(Math.max(width, 20));
    int start = len;
    int n = 0;
    long x = v;
    do {
      n++;
      x /= 10;
    } while (x > 0);
    int total = Math.max(n, width);
    for (int i = total - 1; i >= 0; i--) {
      buf[start + i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    len = start + total;
    return this;
  }

  /** Lower-case hex of the low {@code nibbles} nibbles of {@code v}. */
  JsonSink hex(long v, int nibbles) {
    ensure(nibbles);
    for (int i = nibbles - 1; i >= 0; i--) {
      buf[len++] = HEX[(int) ((v >>> (i * 4)) & 15)];
    }
    return this;
  }

  /**
   * A timestamp value {@code "yyyyMMddHHmmss"} (quoted) of local seconds {@code t}; {@code t < 0}
   * writes the empty string {@code ""} (the feed's null).
   */
  JsonSink timestamp(long t) {
    if (t < 0) {
      return ascii('"').ascii('"');
    }
    ascii('"');
    timestampDigits(t);
    return ascii('"');
  }

  /** The 14 digits of a timestamp, unquoted. */
  JsonSink timestampDigits(long t) {
    long day = Math.floorDiv(t, 86_400);
    int sod = (int) (t - day * 86_400);
    date(day);
    twoDigits(sod / 3600);
    twoDigits(sod / 60 % 60);
    return twoDigits(sod % 60);
  }

  /** {@code yyyyMMdd} of an epoch day (cached for recently written days). */
  JsonSink date(long epochDay) {
    int slot = (int) (epochDay & 7);
    if (cachedDay[slot] != epochDay) {
      int start = len;
      civilDate(epochDay);
      System.arraycopy(buf, start, cachedDate[slot], 0, 8);
      len = start;
      cachedDay[slot] = epochDay;
    }
    return raw(cachedDate[slot]);
  }

  /** {@code yyyyMMdd} of an epoch day (civil-from-days, H. Hinnant). */
  private JsonSink civilDate(long epochDay) {
    long z = epochDay + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) {
      y++;
    }
    digits(y, 4);
    digits(m, 2);
    return digits(d, 2);
  }

  /** {@code yyMMdd} of an epoch day. */
  JsonSink shortDate(long epochDay) {
    int start = len;
    date(epochDay);
    System.arraycopy(buf, start + 2, buf, start, 6);
    len -= 2;
    return this;
  }

  /** A JSON string literal of {@code s}, quotes included, as UTF-8 bytes. */
  static byte[] quoted(String s) {
    JsonSink j = new JsonSink(s.length() * 3 + 2);
    j.str(s);
    return j.toBytes();
  }

  /** {@code ,"name":"value"} as UTF-8 bytes. */
  static byte[] quotedField(String name, String value) {
    JsonSink j = new JsonSink(name.length() + value.length() * 3 + 8);
    j.ascii(',').str(name).ascii(':').str(value);
    return j.toBytes();
  }

  /** {@code s} escaped for inside a JSON string, without quotes, as UTF-8 bytes. */
  static byte[] escaped(String s) {
    JsonSink j = new JsonSink(s.length() * 3 + 2);
    j.chars(s);
    return j.toBytes();
  }

  /** ASCII bytes of {@code s}. */
  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
