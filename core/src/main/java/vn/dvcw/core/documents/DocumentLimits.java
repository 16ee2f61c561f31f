package vn.dvcw.core.documents;

import java.time.Duration;

/**
 * What one document may cost: its size in bytes, the length of any of its lines, and the time its parse may
 * take. A file over the size is refused before it is read; a line over the length is quarantined and read as
 * empty (the rest of the document loads); a parse over the budget is abandoned and the document quarantined,
 * so one bad file can never hold a refresh (and its lock) for longer than the budget.
 *
 * <p>Defaults, each overridden by an environment variable: 20 MiB ({@value #MAX_DOCUMENT_BYTES_ENV}; the seeds
 * are under 50 KB), 100,000 characters ({@value #MAX_LINE_CHARS_ENV}; the seeds' longest line has 1,140) and
 * 60 seconds ({@value #PARSE_BUDGET_ENV}; the seeds parse in milliseconds).
 */
public record DocumentLimits(long maxDocumentBytes, int maxLineChars, Duration parseBudget) {
  public static final String MAX_DOCUMENT_BYTES_ENV = "DVCW_MAX_DOCUMENT_BYTES";
  public static final String MAX_LINE_CHARS_ENV = "DVCW_MAX_LINE_CHARS";
  public static final String PARSE_BUDGET_ENV = "DVCW_PARSE_BUDGET_SECONDS";
  public static final long DEFAULT_MAX_DOCUMENT_BYTES = 20L * 1024 * 1024;
  public static final int DEFAULT_MAX_LINE_CHARS = 100_000;
  public static final Duration DEFAULT_PARSE_BUDGET = Duration.ofSeconds(60);

  public DocumentLimits {
    if (maxDocumentBytes <= 0 || maxLineChars <= 0 || parseBudget == null || parseBudget.isNegative()
        || parseBudget.isZero()) {
      throw new IllegalArgumentException("document limits must be positive: " + maxDocumentBytes + " bytes, "
          + maxLineChars + " characters a line, parse budget " + parseBudget);
    }
  }

  /** The defaults above. */
  public static DocumentLimits defaults() {
    return new DocumentLimits(DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_LINE_CHARS, DEFAULT_PARSE_BUDGET);
  }

  /**
   * The defaults, each replaced by its environment variable when that is set.
   *
   * @throws IllegalArgumentException naming the variable when it is not a positive whole number
   */
  public static DocumentLimits fromEnvironment() {
    return new DocumentLimits(
        positive(MAX_DOCUMENT_BYTES_ENV, DEFAULT_MAX_DOCUMENT_BYTES),
        (int) Math.min(Integer.MAX_VALUE, positive(MAX_LINE_CHARS_ENV, DEFAULT_MAX_LINE_CHARS)),
        Duration.ofSeconds(positive(PARSE_BUDGET_ENV, DEFAULT_PARSE_BUDGET.toSeconds())));
  }

  private static long positive(String env, long fallback) {
    String v = System.getenv(env);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      long n = Long.parseLong(v.strip());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(env + " must be a positive whole number, not '" + v + "'");
  }
}
