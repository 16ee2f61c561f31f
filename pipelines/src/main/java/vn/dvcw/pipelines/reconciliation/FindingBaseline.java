package vn.dvcw.pipelines.reconciliation;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Reconciliation findings a person has reviewed and acknowledged, listed in the inputs folder's
 * {@code acknowledged-findings.tsv} (document key, table, check, measure, scope, note; tab-separated).
 * Acknowledged findings are still recorded and shown in every summary; they only stop counting as
 * new for the exit code, so a scheduler is alerted once per finding, not every night.
 */
public final class FindingBaseline {
  public static final String FILE_NAME = "acknowledged-findings.tsv";

  private final Set<String> keys;

  private FindingBaseline(Set<String> keys) {
    this.keys = keys;
  }

  public static FindingBaseline empty() {
    return new FindingBaseline(Set.of());
  }

  /** Reads the file's bytes; lines starting with '#' and blank lines are ignored. */
  public static FindingBaseline parse(byte[] bytes) {
    Set<String> keys = new HashSet<>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length >= 5) {
        keys.add(key(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), f[4].strip()));
      }
    }
    return new FindingBaseline(keys);
  }

  public boolean acknowledges(String documentKey, String table, String check, String measure, String scope) {
    return keys.contains(key(documentKey, table, check, measure, scope));
  }

  static String key(String documentKey, String table, String check, String measure, String scope) {
    return String.join("\t", documentKey, table, check, measure, scope == null ? "" : scope);
  }

  public int size() {
    return keys.size();
  }
}
