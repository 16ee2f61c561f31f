package vn.dvcw.core.documents;

import java.math.BigDecimal;

/**
 * A figure a secondary text states about another document ("1.777.005 hồ sơ" in an article restating
 * 7260/VPCP-KSTT). It is checked against that document's total, never loaded as a fact.
 */
public record Claim(String refersTo, String tableId, String measure, BigDecimal value, String rawText, int lineNo) {}
