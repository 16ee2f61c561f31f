package vn.dvcw.etl.refresh;

/**
 * What a refresh reads: the inputs folder (documents; any Hadoop URI). The lakehouse is the session's.
 */
public record RefreshOptions(String inputs) {
  /** The documents bundled with the repository: the five real seed documents. */
  public static final String BUNDLED_INPUTS = "inputs/documents";
}
