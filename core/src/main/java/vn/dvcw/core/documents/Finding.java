package vn.dvcw.core.documents;

import java.math.BigDecimal;

/**
 * The result of checking one published figure against what its rows (or another table) give.
 *
 * <p>Status: 'match' (equal at the printed precision, rounding half up); 'rounding' (off by one unit of
 * the last printed digit: a truncation or rounding habit of the source); 'mismatch'; 'missing_rows'
 * (the table's numbering shows rows that are not in the document); 'note' (a fact about the document
 * worth showing, such as a heading that is missing).
 */
public record Finding(
    String tableId,
    String check,
    String measure,
    String scope,
    String published,
    String computed,
    BigDecimal difference,
    String status,
    String detail,
    Integer lineNo) {

  public boolean isProblem() {
    return !status.equals("match");
  }
}
