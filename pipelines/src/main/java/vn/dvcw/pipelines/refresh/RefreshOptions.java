package vn.dvcw.pipelines.refresh;

import java.time.Duration;

/**
 * What a refresh reads: the inputs folder (documents; any Hadoop URI), the dossier-feed folder (optional), and how long to wait for another
 * refresh of the same lakehouse to finish; {@code rebuild}: null, or what to rebuild first. The lakehouse is the
 * session's. {@code viewsInSession}: whether the session must hold every view when the refresh returns (true, the
 * default, for a session that queries afterwards: a notebook, a test); a command that ends with the refresh says
 * false, and when no model, code or table changed since the views were last created, none is created
 * ({@link ViewsStep}).
 */
public record RefreshOptions(String inputs, String feed, Duration lockWait, String rebuild, boolean viewsInSession) {
  /**
   * The real inputs bundled with the repository: the five seed documents (inputs/documents) and the 766 service
   * index exports (inputs/service-index).
   */
  public static final String BUNDLED_INPUTS = "inputs";

  /** Environment variable: seconds to wait for another refresh (default 60). */
  public static final String LOCK_WAIT_ENV = "DVCW_LOCK_WAIT_SECONDS";

  public RefreshOptions(String inputs, String feed, Duration lockWait, String rebuild) {
    this(inputs, feed, lockWait, rebuild, true);
  }

  /** Reads {@code inputs}, waiting for the lock as long as $DVCW_LOCK_WAIT_SECONDS says (default 60 s). */
  public RefreshOptions(String inputs) {
    this(inputs, null);
  }

  /** Reads {@code inputs} and the dossier feed files under {@code feed} (null: no feed). */
  public RefreshOptions(String inputs, String feed) {
    this(inputs, feed, Duration.ofSeconds(envSeconds(LOCK_WAIT_ENV, 60)));
  }

  /** Reads {@code inputs} and {@code feed}, waiting up to {@code lockWait} for another refresh. */
  public RefreshOptions(String inputs, String feed, Duration lockWait) {
    this(inputs, feed, lockWait, null);
  }

  /**
   * The same refresh, first rebuilding {@code scope} ({@code all}, a layer or a table, see {@code dvcw refresh
   * --rebuild}): the derived tables in it are cleared and re-derived from bronze, tampered bronze documents re-read.
   */
  public RefreshOptions withRebuild(String scope) {
    return new RefreshOptions(inputs, feed, lockWait, scope == null ? null : scope.isBlank() ? "all" : scope,
        viewsInSession);
  }

  /** The same refresh, for a session that ends with it: the views step creates no view when none changed. */
  public RefreshOptions withoutViewsInSession() {
    return new RefreshOptions(inputs, feed, lockWait, rebuild, false);
  }

  private static long envSeconds(String name, long fallback) {
    String v = System.getenv(name);
    return v != null && v.strip().matches("\\d+") ? Long.parseLong(v.strip()) : fallback;
  }
}
