package vn.dvcw.core.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Comparison rules of reconciliation. A printed rate is compared with the rate recomputed from its counts,
 * rounded half up to the number of decimals printed ("65,63%" against 21/32 = 65.625 → 65.63: a match).
 * Off by exactly one unit of the last printed digit is 'rounding' (the source truncated or rounded
 * differently); more is 'mismatch'. Counts must be equal.
 */
public final class Checks {
  private Checks() {}

  /** Compares two counts. */
  public static Finding count(String tableId, String check, String measure, String scope, long published,
      long computed, String detail, Integer lineNo) {
    BigDecimal diff = BigDecimal.valueOf(published - computed);
    return new Finding(tableId, check, measure, scope, Long.toString(published), Long.toString(computed), diff,
        published == computed ? "match" : "mismatch", detail, lineNo);
  }

  /** Compares a printed percentage with 100 × numerator / denominator at the printed precision. */
  public static Finding percent(String tableId, String check, String measure, String scope, BigDecimal published,
      long numerator, long denominator, String detail, Integer lineNo) {
    if (denominator == 0) {
      BigDecimal computed = BigDecimal.ZERO.setScale(Math.max(0, published.scale()));
      String status = published.signum() == 0 ? "match" : "mismatch";
      return new Finding(tableId, check, measure, scope, published.toPlainString(), computed.toPlainString(),
          published.subtract(computed), status, detail + " (denominator 0)", lineNo);
    }
    int scale = Math.max(0, published.scale());
    BigDecimal exact = BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(denominator), 10, RoundingMode.HALF_UP);
    BigDecimal computed = exact.setScale(scale, RoundingMode.HALF_UP);
    BigDecimal diff = published.subtract(computed);
    BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
    String status = diff.signum() == 0 ? "match" : diff.abs().compareTo(unit) <= 0 ? "rounding" : "mismatch";
    return new Finding(tableId, check, measure, scope, published.toPlainString(), computed.toPlainString(), diff,
        status, detail + " = " + numerator + "/" + denominator, lineNo);
  }

  /** A textual fact compared with what the document elsewhere says ("18-BCHN" vs "20-BCHN"). */
  public static Finding text(String tableId, String check, String measure, String scope, String published,
      String computed, String detail, Integer lineNo) {
    return new Finding(tableId, check, measure, scope, published, computed, null,
        published.equals(computed) ? "match" : "mismatch", detail, lineNo);
  }
}
