package vn.dvcw.core.documents;

import java.time.LocalDate;

/**
 * What a document is, read from its content: kind, number ("7260/VPCP-KSTT"), issuer, issue date, and
 * the period its figures speak of ({@code periodEnd} is the data date used to resolve province names).
 * Fields the text does not state are null; {@code note} says what was inferred.
 */
public record DocumentIdentity(
    DocumentKind kind,
    String number,
    String issuer,
    LocalDate issueDate,
    LocalDate periodStart,
    LocalDate periodEnd,
    String title,
    String restates,
    String note) {

  /** The date the figures refer to, used for the province resolver; null if unknown. */
  public LocalDate dataDate() {
    return periodEnd != null ? periodEnd : issueDate;
  }

  /** Identity across versions: kind and number (a corrected re-issue keeps both and supersedes). */
  public String documentKey(String sha256) {
    String n = number != null ? number : "unnumbered-" + sha256.substring(0, 12);
    return kind.sqlName() + "|" + n;
  }
}
