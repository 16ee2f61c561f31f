package vn.dvcw.pipelines.refresh;

import java.util.List;

/**
 * The outcome of a refresh. Exit codes (documented in the README): 0 success; 3 success with new findings
 * (new quarantined inputs, or new reconciliation mismatches not acknowledged); 4 another refresh holds the
 * lakehouse (nothing was written; try again later); 1 failure.
 */
public record RefreshResult(String runId, int exitCode, int documents, int newDocuments, long observations,
    long quarantinedNew, long mismatches, long mismatchesNew, List<String> summary) {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int FINDINGS = 3;
  public static final int BUSY = 4;
}
