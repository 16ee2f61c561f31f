package vn.dvcw.core.feed;

import java.io.Serializable;
import java.sql.Timestamp;

/**
 * A feed file to load: its id (SHA-256 of its bytes), path, size and the time it arrived in the inputs folder
 * (its modification time). Records of a file are named by file id, line and item (the position inside an
 * envelope's {@code data} array).
 */
public record FeedFile(String fileId, String path, long size, Timestamp arrivedAt) implements Serializable {

  /** JSON lines (one message per line), optionally gzip-compressed. */
  public boolean isJsonLines() {
    String n = name();
    return n.endsWith(".jsonl") || n.endsWith(".jsonl.gz") || n.endsWith(".ndjson") || n.endsWith(".ndjson.gz");
  }

  public boolean isGzip() {
    return name().endsWith(".gz");
  }

  /** The file name, lower case. */
  public String name() {
    String p = path.toLowerCase(java.util.Locale.ROOT);
    return p.substring(p.lastIndexOf('/') + 1);
  }

  /**
   * Whether a file name is a feed file: JSON lines or one JSON document (an envelope or an array). Hidden files,
   * files starting with '_' and {@code manifest.json} (a feed's description, as {@code dvcw generate} writes) are not.
   */
  public static boolean isFeedName(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    return !n.startsWith(".") && !n.startsWith("_") && !n.equals("manifest.json") && (n.endsWith(".jsonl") || n.endsWith(".jsonl.gz")
        || n.endsWith(".ndjson") || n.endsWith(".ndjson.gz") || n.endsWith(".json") || n.endsWith(".json.gz"));
  }
}
