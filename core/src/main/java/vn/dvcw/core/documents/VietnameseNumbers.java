package vn.dvcw.core.documents;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Numbers as Vietnamese official documents write them.
 *
 * <ul>
 *   <li>Counts use '.' to group thousands ("1.777.005"), but tables typed by different hands also use ','
 *       in the same column ("4,018" in 7260/VPCP-KSTT's last column means four thousand and eighteen).
 *       A count is therefore digits in groups of three separated by '.' or ','.</li>
 *   <li>Decimals and percentages use ',' as the decimal mark ("68,39%", "12,1"); '.' may group thousands.</li>
 *   <li>"-" (or an en/em dash) in a count cell means none: zero.</li>
 * </ul>
 * Anything else is not a number and the caller quarantines it.
 */
public final class VietnameseNumbers {
  /**
   * Longer cells are not numbers: the largest count a document prints ("1.777.005") has 9 characters. The cap
   * also keeps the group repetitions below from recursing over a megabyte of digits and dots (Java's regex
   * engine recurses once per repeated group: a long enough cell is a StackOverflowError, not a refusal).
   */
  static final int MAX_CELL_CHARS = 40;
  private static final Pattern COUNT = Pattern.compile("\\d{1,3}+(?:[.,]\\d{3})*+|\\d++");
  private static final Pattern DECIMAL =
      Pattern.compile("\\d{1,3}(?:\\.\\d{3})+(?:,\\d++)?|\\d++(?:,\\d++)?|\\d+\\.\\d{1,2}");
  private static final Pattern ENGLISH_DECIMAL = Pattern.compile("\\d+\\.\\d{1,2}");

  private VietnameseNumbers() {}

  /** True for the marks documents print for "none". */
  public static boolean isNone(String cell) {
    String s = cell == null ? "" : cell.strip();
    return s.equals("-") || s.equals("–") || s.equals("—");
  }

  /**
   * Parses a count.
   *
   * @return the value; 0 for "-"
   * @throws NumberFormatException naming the text if it is not a count
   */
  public static long count(String cell) {
    String s = clean(cell);
    if (isNone(s)) {
      return 0L;
    }
    if (!COUNT.matcher(s).matches()) {
      throw new NumberFormatException("not a count: '" + shown(cell) + "'");
    }
    return Long.parseLong(s.replace(".", "").replace(",", ""));
  }

  /**
   * Parses a decimal or percentage, with or without its '%' sign: "68,39%" → 68.39, "100" → 100,
   * "5,36" → 5.36, "-0,98" → -0.98. The value keeps the scale printed, so "23%" stays 23 and "62,6%" 62.6.
   *
   * @throws NumberFormatException naming the text if it is not a decimal
   */
  public static BigDecimal decimal(String cell) {
    String s = clean(cell);
    if (s.endsWith("%")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    boolean negative = s.startsWith("-") || s.startsWith("−");
    if (negative) {
      s = s.substring(1).strip();
    }
    if (!DECIMAL.matcher(s).matches()) {
      throw new NumberFormatException("not a decimal: '" + shown(cell) + "'");
    }
    String normal;
    if (ENGLISH_DECIMAL.matcher(s).matches()) {
      normal = s; // a decimal point written the English way, e.g. "0.5"
    } else {
      normal = s.replace(".", "").replace(',', '.');
    }
    BigDecimal v = new BigDecimal(normal);
    return negative ? v.negate() : v;
  }

  /** True if the cell parses as a count. */
  public static boolean isCount(String cell) {
    try {
      count(cell);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String clean(String cell) {
    if (cell == null) {
      throw new NumberFormatException("empty cell");
    }
    String s = cell.replace('\u00a0', ' ').strip();
    if (s.isEmpty()) {
      throw new NumberFormatException("empty cell");
    }
    if (s.length() > MAX_CELL_CHARS) {
      throw new NumberFormatException("not a number: " + s.length() + " characters ('" + shown(s) + "')");
    }
    return s;
  }

  /** A cell as quoted in a reason: whole when short, else its start and its length (reasons stay one line). */
  static String shown(String cell) {
    return cell.length() <= MAX_CELL_CHARS ? cell : cell.substring(0, MAX_CELL_CHARS) + "…";
  }
}
