package vn.dvcw.core.feed;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces personal data (ID numbers, account ids, handlers' names) by a keyed hash, HMAC-SHA256 with a secret
 * that lives outside the repository: the same person gets the same pseudonym across dossiers (a join key), and
 * without the secret nobody can test a guessed ID number against it, which a plain hash would allow (a
 * 12-digit CCCD number has only 10^12 values).
 *
 * <p>The secret comes from, in order: the Java property {@value #PROPERTY}, the environment variable
 * {@value #ENV}, or a file named by {@value #FILE_ENV}. It must be at least 32 characters. Its fingerprint is
 * stored with the lakehouse so that a refresh with a different secret is refused instead of silently giving
 * everyone new pseudonyms.
 */
public final class Pseudonymiser implements Serializable {
  public static final String PROPERTY = "dvcw.pseudonym.key";
  public static final String ENV = "DVCW_PSEUDONYM_KEY";
  public static final String FILE_ENV = "DVCW_PSEUDONYM_KEY_FILE";
  private static final int MIN_LENGTH = 32;

  private final byte[] secret;
  private transient Mac mac;

  private Pseudonymiser(byte[] secret) {
    this.secret = secret.clone();
  }

  /** A pseudonymiser with an explicit secret (tests, tools). */
  public static Pseudonymiser withSecret(String secret) {
    if (secret == null || secret.strip().length() < MIN_LENGTH) {
      throw new IllegalStateException("the pseudonymisation secret must have at least " + MIN_LENGTH + " characters");
    }
    return new Pseudonymiser(secret.strip().getBytes(StandardCharsets.UTF_8));
  }

  /** The configured secret, or a message saying how to set one. */
  public static Pseudonymiser fromEnvironment() {
    String value = System.getProperty(PROPERTY);
    if (value == null) {
      value = System.getenv(ENV);
    }
    if (value == null && System.getenv(FILE_ENV) != null) {
      try {
        value = Files.readString(Path.of(System.getenv(FILE_ENV)), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the pseudonymisation secret file " + System.getenv(FILE_ENV), e);
      }
    }
    if (value == null) {
      throw new IllegalStateException("dossier records hold personal data and need a pseudonymisation secret: set "
          + ENV + " (or " + FILE_ENV + ") to a random value of at least " + MIN_LENGTH
          + " characters, e.g. `export " + ENV + "=$(openssl rand -hex 32)`, and keep it: the same secret must be "
          + "used for every refresh of this lakehouse (./dvcw creates one in .dvcw/pseudonym.key)");
    }
    return withSecret(value);
  }

  /** The pseudonym of {@code value} in {@code domain} (e.g. "id", "handler"); null or blank in, null out. */
  public String pseudonym(String domain, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    byte[] h = mac().doFinal((domain + "\u001f" + value.strip()).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(h, 0, 16);
  }

  /** Identifies the secret without revealing it. */
  public String fingerprint() {
    return pseudonym("fingerprint", "dvc-warehouse");
  }

  private Mac mac() {
    if (mac == null) {
      try {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is not available", e);
      }
    }
    return mac;
  }
}
