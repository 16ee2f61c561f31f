package vn.dvcw.pipelines;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An input that could not be loaded: at which stage ('file', 'document', 'province'), where (file, document,
 * table, line), its raw text and why. Its id is a hash of all that, so a re-run records it once.
 */
public record QuarantineEntry(String id, String stage, String filePath, String docId, String tableId, Integer lineNo,
    String rawText, String reason) {

  public static QuarantineEntry of(String stage, String filePath, String docId, String tableId, Integer lineNo,
      String rawText, String reason) {
    String id = sha256(String.join("|", stage, String.valueOf(docId == null ? filePath : docId),
        String.valueOf(tableId), String.valueOf(lineNo), String.valueOf(rawText), reason));
    return new QuarantineEntry(id, stage, filePath, docId, tableId, lineNo, rawText, reason);
  }

  public static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
