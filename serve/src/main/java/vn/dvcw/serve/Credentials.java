package vn.dvcw.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The endpoint's users, read from a file kept outside the repository (its path in {@code --credentials} or
 * {@code $DVCW_SERVE_CREDENTIALS}): one {@code user:sha256-hex-of-password} per line, {@code #} comments. Only
 * hashes are stored; a line that is not of that form stops the start with its line number.
 *
 * <pre>
 * printf '%s' 'the password' | sha256sum      # the hash for a line "superset:&lt;hash&gt;"
 * </pre>
 */
final class Credentials {
  /** Environment variable naming the credentials file. */
  static final String ENV = "DVCW_SERVE_CREDENTIALS";
  private static final Pattern LINE = Pattern.compile("([^:\\s]+):([0-9a-fA-F]{64})");

  private final Map<String, byte[]> hashes;

  private Credentials(Map<String, byte[]> hashes) {
    this.hashes = Map.copyOf(hashes);
  }

  /**
   * Reads a credentials file.
   *
   * @throws IllegalArgumentException when it is missing, empty, or has a line of another form (the line number,
   *     never its content, is in the message)
   */
  static Credentials load(Path file) {
    Map<String, byte[]> users = new HashMap<>();
    try {
      int n = 0;
      for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        n++;
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        var m = LINE.matcher(line);
        if (!m.matches()) {
          throw new IllegalArgumentException("credentials file " + file + " line " + n
              + " is not 'user:sha256-hex-of-password'");
        }
        users.put(m.group(1), HexFormat.of().parseHex(m.group(2).toLowerCase()));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read credentials file " + file + ": " + e.getMessage());
    }
    if (users.isEmpty()) {
      throw new IllegalArgumentException("credentials file " + file + " names no user");
    }
    return new Credentials(users);
  }

  /** Whether {@code password} is {@code user}'s (compared in constant time). */
  boolean accepts(String user, String password) {
    byte[] expected = user == null ? null : hashes.get(user);
    byte[] given = sha256(password == null ? "" : password);
    return expected != null && MessageDigest.isEqual(expected, given);
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
