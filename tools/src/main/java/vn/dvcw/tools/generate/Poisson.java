package vn.dvcw.tools.generate;

import java.util.SplittableRandom;

/**
 * Poisson counts for the number of dossiers a unit receives in a day. Exact inversion for small means;
 * for means of 64 and more a normal approximation with continuity correction (its error is far below
 * anything the calibration can show, and it keeps the cost constant at scale 1 where busy units expect
 * thousands a day).
 */
final class Poisson {
  private Poisson() {}

  static int sample(SplittableRandom r, double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean < 64) {
      double p = Math.exp(-mean);
      double cumulative = p;
      double u = r.nextDouble();
      int k = 0;
      while (u > cumulative && k < 1000) {
        k++;
        p *= mean / k;
        cumulative += p;
      }
      return k;
    }
    long k = Math.round(mean + Math.sqrt(mean) * gaussian(r));
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, k));
  }

  /** A standard normal deviate (Marsaglia's polar method; the second deviate is discarded). */
  static double gaussian(SplittableRandom r) {
    double v1;
    double v2;
    double s;
    do {
      v1 = 2 * r.nextDouble() - 1;
      v2 = 2 * r.nextDouble() - 1;
      s = v1 * v1 + v2 * v2;
    } while (s >= 1 || s == 0);
    return v1 * Math.sqrt(-2 * Math.log(s) / s);
  }
}
