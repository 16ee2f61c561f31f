package vn.dvcw.tools.generate;

/**
 * A message scheduled for delivery, packed into one long so a day's schedule is a primitive array that
 * sorts into arrival order: second of the arrival day (17 bits), days since the dossier's submission
 * day (8), unit index in the era (14), sequence of the dossier in its unit and day (17), message kind
 * (4) and injection variant (4). Messages arriving in the same second are ordered by dossier and then
 * by kind, so the order is total and the same in every run. The sign bit is flipped so that signed
 * {@link java.util.Arrays#sort(long[])} gives unsigned order.
 */
final class ArrivalKey {
  static final int SEC_BITS = 17;
  static final int LAG_BITS = 8;
  static final int UNIT_BITS = 14;
  static final int SEQ_BITS = 17;
  static final int KIND_BITS = 4;
  static final int VARIANT_BITS = 4;
  static final int MAX_LAG = (1 << LAG_BITS) - 1;
  /** MaHoSo has 4 digits, 5 when a unit exceeds 9,999 a day; never more. */
  static final int MAX_SEQ = 99_999;

  private ArrivalKey() {}

  static long pack(int second, int lag, int unit, int seq, int kind, int variant) {
    if (lag < 0 || lag > MAX_LAG) {
      throw new IllegalStateException("message arrives " + lag + " days after submission (max " + MAX_LAG + ")");
    }
    long v = ((long) second << (LAG_BITS + UNIT_BITS + SEQ_BITS + KIND_BITS + VARIANT_BITS))
        | ((long) lag << (UNIT_BITS + SEQ_BITS + KIND_BITS + VARIANT_BITS))
        | ((long) unit << (SEQ_BITS + KIND_BITS + VARIANT_BITS))
        | ((long) seq << (KIND_BITS + VARIANT_BITS))
        | ((long) kind << VARIANT_BITS)
        | variant;
    return v ^ Long.MIN_VALUE;
  }

  static int second(long key) {
    return (int) ((key ^ Long.MIN_VALUE) >>> (LAG_BITS + UNIT_BITS + SEQ_BITS + KIND_BITS + VARIANT_BITS));
  }

  static int lag(long key) {
    return (int) (((key ^ Long.MIN_VALUE) >>> (UNIT_BITS + SEQ_BITS + KIND_BITS + VARIANT_BITS)) & MAX_LAG);
  }

  static int unit(long key) {
    return (int) (((key ^ Long.MIN_VALUE) >>> (SEQ_BITS + KIND_BITS + VARIANT_BITS)) & ((1 << UNIT_BITS) - 1));
  }

  static int seq(long key) {
    return (int) (((key ^ Long.MIN_VALUE) >>> (KIND_BITS + VARIANT_BITS)) & ((1 << SEQ_BITS) - 1));
  }

  static int kind(long key) {
    return (int) (((key ^ Long.MIN_VALUE) >>> VARIANT_BITS) & ((1 << KIND_BITS) - 1));
  }

  static int variant(long key) {
    return (int) ((key ^ Long.MIN_VALUE) & ((1 << VARIANT_BITS) - 1));
  }
}
