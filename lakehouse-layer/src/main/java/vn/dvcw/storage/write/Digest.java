package vn.dvcw.storage.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;

/**
 * A SHA-256 digest of what a derivation is made from, built up part by part: texts, rows (as a set: their order
 * does not count), the state of input tables and the code that derives. Each part is framed by its length, so two
 * different sequences of parts never give the same bytes.
 */
public final class Digest {
  /** The code digest of each anchor's module, taken once per JVM: the classes a JVM runs do not change under it. */
  private static final Map<Class<?>, String> CODE = new ConcurrentHashMap<>();

  private final MessageDigest sha = sha256();

  /** Adds a text. */
  public Digest text(String text) {
    byte[] bytes = String.valueOf(text).getBytes(StandardCharsets.UTF_8);
    sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
    sha.update(bytes);
    return this;
  }

  /** Adds texts in their order. */
  public Digest texts(Collection<String> texts) {
    text(String.valueOf(texts.size()));
    texts.forEach(this::text);
    return this;
  }

  /**
   * Adds rows as a set: each row's values (type and text) are digested alone, and the sorted row digests are
   * added, so the same rows in another order give the same digest; a row given twice counts twice.
   */
  public Digest rows(List<Row> rows) {
    List<String> each = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Digest d = new Digest();
      for (int i = 0; i < r.length(); i++) {
        d.text(canonical(r.get(i)));
      }
      each.add(d.hex());
    }
    each.sort(String::compareTo);
    return texts(each);
  }

  /**
   * Adds the code of {@code anchor}'s module: for a jar its name, size and modification time, for a folder of
   * classes (a build from a checkout) the same of every file in it. A rebuilt module gives a new digest, so a
   * code change is never mistaken for "same inputs".
   */
  public Digest code(Class<?> anchor) {
    return text(CODE.computeIfAbsent(anchor, Digest::codeOf));
  }

  private static String codeOf(Class<?> anchor) {
    Digest d = new Digest();
    Path source;
    try {
      source = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | NullPointerException | IllegalArgumentException | SecurityException unknown) {
      return "code of " + anchor.getName() + " unknown: " + System.nanoTime(); // matches no later JVM: no skip
    }
    try (Stream<Path> files = Files.isDirectory(source) ? Files.walk(source) : Stream.of(source)) {
      Map<String, String> stamps = new TreeMap<>();
      for (Path f : (Iterable<Path>) files::iterator) {
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
        if (a.isRegularFile()) {
          stamps.put(source.relativize(f).toString(), a.size() + "@" + a.lastModifiedTime().toMillis());
        }
      }
      d.text(source.getFileName() == null ? "" : source.getFileName().toString());
      stamps.forEach((name, stamp) -> d.text(name + "=" + stamp));
      return d.hex();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the code of " + anchor.getName() + " at " + source, e);
    }
  }

  /** The digest of everything added, as 64 hexadecimal digits. */
  public String hex() {
    return HexFormat.of().formatHex(sha.digest());
  }

  /** A value as type and text: arrays, lists and maps by their elements (maps in key order). */
  static String canonical(Object value) {
    if (value == null) {
      return "\u0000";
    }
    if (value instanceof Object[] array) {
      return canonical(Arrays.asList(array));
    }
    if (value instanceof Collection<?> c) {
      StringBuilder b = new StringBuilder("list[");
      for (Object v : c) {
        String each = canonical(v);
        b.append(each.length()).append(':').append(each);
      }
      return b.append(']').toString();
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, String> sorted = new TreeMap<>();
      m.forEach((k, v) -> sorted.put(canonical(k), canonical(v)));
      return "map" + canonical(sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
    return value.getClass().getSimpleName() + ":" + value;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
