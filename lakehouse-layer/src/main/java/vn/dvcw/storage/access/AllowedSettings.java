package vn.dvcw.storage.access;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The session settings a read-only query may change with {@code SET}: they change how results are computed or
 * shown for this session only, never where or how anything is written, which files are read or which catalog names
 * resolve. Every other key is refused (a whitelist: Spark and Delta have hundreds of settings, many of which change
 * writes, e.g. {@code spark.sql.sources.partitionOverwriteMode} or {@code spark.databricks.delta.retentionDurationCheck.enabled}).
 */
public final class AllowedSettings {
  private static final Set<String> KEYS = Set.of(
      "spark.sql.session.timezone",
      "spark.sql.ansi.enabled",
      "spark.sql.shuffle.partitions",
      "spark.sql.adaptive.enabled",
      "spark.sql.autobroadcastjointhreshold",
      "spark.sql.legacy.timeparserpolicy");

  private AllowedSettings() {}

  /** Whether {@code SET key = …} is allowed (case-insensitive, as Spark's keys are looked up). */
  public static boolean allows(String key) {
    return KEYS.contains(key.strip().toLowerCase(Locale.ROOT));
  }

  /** The allowed keys, for messages. */
  static String describe() {
    return String.join(", ", new TreeSet<>(KEYS));
  }
}
