package vn.dvcw.tools.generate;

/**
 * Picks an index from cumulative probabilities in constant time on average: a 1024-entry jump table
 * gives where to start, a short forward scan finishes. Exact: the result is the first index whose
 * cumulative probability is at least the uniform draw, as a binary search would give.
 */
final class Cumulative {
  private final double[] cumulative;
  private final int[] start = new int[1025];

  /** {@code cumulative} must be non-decreasing and end with 1. */
  Cumulative(double[] cumulative) {
    this.cumulative = cumulative.clone();
    this.cumulative[cumulative.length - 1] = 1.0;
    int k = 0;
    for (int b = 0; b <= 1024; b++) {
      while (k < cumulative.length - 1 && this.cumulative[k] < b / 1024.0) {
        k++;
      }
      start[b] = k;
    }
  }

  /** The index for a uniform draw {@code u} in [0, 1). */
  int pick(double u) {
    int i = start[(int) (u * 1024)];
    while (cumulative[i] < u) {
      i++;
    }
    return i;
  }
}
