package vn.dvcw.tools.bench;

import java.io.PrintStream;
import java.util.List;

/**
 * The bench's cross-check: the Spark and the DuckDB builds of the same files must give the same received and online
 * totals per month and province. Prints {@code totals check: N province-months equal}, or the first differing rows
 * and fails.
 */
public final class TotalsCheck {
  /** How many differing rows are printed. */
  static final int SHOWN = 10;

  /** The two builds disagree: {@code dvcw bench} exits 1 with this one-line message. */
  public static final class Mismatch extends RuntimeException {
    Mismatch(String message) {
      super(message);
    }
  }

  private TotalsCheck() {}

  /**
   * Compares the totals and prints the outcome.
   *
   * @return the number of (month, province) rows found equal
   * @throws Mismatch if any row differs, after printing the first {@value #SHOWN}
   */
  public static int verify(ProvinceMonthTotals spark, ProvinceMonthTotals duckDb, PrintStream out) {
    List<String> diffs = spark.differences(duckDb);
    if (spark.size() == 0) {
      throw new Mismatch("totals check: the Spark build has no daily facts, nothing to compare");
    }
    if (diffs.isEmpty()) {
      out.printf("totals check: %d province-months equal (received and online dossiers, Spark = DuckDB)%n",
          spark.size());
      return spark.size();
    }
    out.printf("totals check: %d province-months differ (Spark / DuckDB):%n", diffs.size());
    diffs.stream().limit(SHOWN).forEach(d -> out.println("  " + d));
    throw new Mismatch(String.format("totals check failed: %d of %d province-months differ between Spark and DuckDB, "
        + "first %s", diffs.size(), Math.max(spark.size(), duckDb.size()), diffs.get(0)));
  }
}
