package vn.dvcw.pipelines.refresh;

import java.time.Duration;

/**
 * What a refresh reads: the inputs folder (documents; any Hadoop URI), the dossier-feed folder (optional), and how long to wait for another
 * refresh of the same lakehouse to finish. The lakehouse is the session's.
 */
public record RefreshOptions(String inputs, String feed, Duration lockWait) {
  /** The documents bundled with the repository: the five real seed documents. */
  public static final String BUNDLED_INPUTS = "inputs/documents";

  /** Environment variable: seconds to wait for another refresh (default 60). */
  public static final String LOCK_WAIT_ENV = "DVCW_LOCK_WAIT_SECONDS";

  /** Reads {@code inputs}, waiting for the lock as long as $DVCW_LOCK_WAIT_SECONDS says (default 60 s). */
  public RefreshOptions(String inputs) {
    this(inputs, null);
  }

  /** Reads {@code inputs} and the dossier feed files under {@code feed} (null: no feed). */
  public RefreshOptions(String inputs, String feed) {
    this(inputs, feed, Duration.ofSeconds(envSeconds(LOCK_WAIT_ENV, 60)));
  }

  private static long envSeconds(String name, long fallback) {
    String v = System.getenv(name);
    return v != null && v.strip().matches("\\d+") ? Long.parseLong(v.strip()) : fallback;
  }
}
