package vn.dvcw.core.documents;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;

/**
 * One input file as text: its path, the SHA-256 of its bytes (the document's identity in bronze), and
 * its lines in NFC. Built only from valid UTF-8; anything else is refused with a reason.
 */
public record SourceDocument(String path, String sha256, String text, List<String> lines) {

  /**
   * Decodes a file's bytes.
   *
   * @throws MalformedInputException if the bytes are empty, binary or not UTF-8
   */
  public static SourceDocument of(String path, byte[] bytes) throws MalformedInputException {
    if (bytes.length == 0) {
      throw new MalformedInputException("empty file");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedInputException("not valid UTF-8 text (" + e.getClass().getSimpleName() + ")");
    }
    if (text.indexOf('\u0000') >= 0) {
      throw new MalformedInputException("binary content (NUL bytes)");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String nfc = Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
    if (nfc.isBlank()) {
      throw new MalformedInputException("no text (only blanks)");
    }
    return new SourceDocument(path, sha256(bytes), nfc, List.of(nfc.split("\n", -1)));
  }

  /** A document already in bronze: its stored text (NFC) and the hash of the bytes it arrived as. */
  public static SourceDocument stored(String path, String sha256, String text) {
    return new SourceDocument(path, sha256, text, List.of(text.split("\n", -1)));
  }

  /** The file name without folders. */
  public String fileName() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  /** Line {@code i} (0-based); line numbers shown to users are 1-based. */
  public String line(int i) {
    return lines.get(i);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A file that cannot be read as a document. */
  public static final class MalformedInputException extends Exception {
    public MalformedInputException(String reason) {
      super(reason);
    }
  }
}
