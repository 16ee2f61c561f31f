package vn.dvcw.core.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A 766 score as exports write it: text with a decimal point ("18.99", the portal's JSON strings), a number with a
 * decimal comma (an Excel cell shown in a Vietnamese locale: "80,6"), or a binary float's artefact
 * ("80.59999999999999"). Scores run from 0 to 100 with at most two decimals, so a '.' is never a thousands
 * separator here. An artefact is read as the shortest decimal (up to four places) within 1e-9 of it: 80.6.
 */
public final class ScoreText {
  private static final BigDecimal EPSILON = new BigDecimal("1e-9");
  private static final int MAX_PLACES = 4;

  private ScoreText() {}

  /** The score, or null for an empty cell or "-"; throws for text that is not a score from 0 to 100. */
  public static BigDecimal parse(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty() || t.equals("-")) {
      return null;
    }
    if (t.indexOf(',') >= 0 && t.indexOf('.') >= 0) {
      throw new IllegalArgumentException("not a score (both ',' and '.'): " + text);
    }
    BigDecimal v;
    try {
      v = new BigDecimal(t.replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a score: " + text);
    }
    if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new IllegalArgumentException("a score runs from 0 to 100: " + text);
    }
    return shortest(v);
  }

  /** The integer rank, or null for an empty cell; throws for anything else. */
  public static Integer rank(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return null;
    }
    String digits = t.replaceFirst("[.,]0++$", "");
    if (!digits.matches("[0-9]{1,6}+") || Integer.parseInt(digits) == 0) {
      throw new IllegalArgumentException("not a rank: " + text);
    }
    return Integer.valueOf(digits);
  }

  static BigDecimal shortest(BigDecimal v) {
    if (v.scale() <= 2) {
      return v;
    }
    for (int places = 0; places <= MAX_PLACES; places++) {
      BigDecimal r = v.setScale(places, RoundingMode.HALF_UP);
      if (r.subtract(v).abs().compareTo(EPSILON) <= 0) {
        return r;
      }
    }
    return v.setScale(MAX_PLACES, RoundingMode.HALF_UP);
  }
}
