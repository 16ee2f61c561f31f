package vn.dvcw.tools.generate;

/**
 * The messages a dossier can send, numbered in causal order (the number breaks ties between messages of
 * one dossier arriving in the same second). Records go to the day's {@code dossiers} file (service
 * DongBoHoSoMC), event envelopes to its {@code events} file (service CapNhatTienDoHoSoMC).
 *
 * <table>
 *   <caption>Messages of one dossier</caption>
 *   <tr><th>Kind</th><th>When</th><th>TrangThaiHoSo / event TrangThai</th></tr>
 *   <tr><td>SUBMITTED</td><td>online submission, only for some dossiers not accepted the same day</td><td>1</td></tr>
 *   <tr><td>ACCEPTED + EVT_ACCEPTED</td><td>acceptance</td><td>2; events "Tiếp nhận hồ sơ" 2 and, if processing
 *       starts at once, "Chuyển xử lý" 4</td></tr>
 *   <tr><td>PROCESSING</td><td>processing starts (30% of those starting on a later day; always for
 *       dossiers that will stall past their due date)</td><td>4</td></tr>
 *   <tr><td>EVT_PROCESSING</td><td>processing starts on a later working day ("Chuyển xử lý")</td><td>4</td></tr>
 *   <tr><td>SUPP_REQUEST + EVT_SUPP_REQUEST</td><td>supplement requested</td><td>5</td></tr>
 *   <tr><td>SUPP_RESUBMIT + EVT_SUPP_RESUBMIT</td><td>supplement received; due date moved</td><td>4</td></tr>
 *   <tr><td>FINAL + EVT_FINAL</td><td>finished (9, or 10 if the result is returned at once), withdrawn (7)
 *       or refused at intake (3)</td><td>9/10/7/3</td></tr>
 *   <tr><td>RETURNED + EVT_RETURNED</td><td>result returned later</td><td>10</td></tr>
 * </table>
 */
final class MessageKind {
  static final int SUBMITTED = 0;
  static final int ACCEPTED = 1;
  static final int EVT_ACCEPTED = 2;
  static final int PROCESSING = 3;
  static final int EVT_PROCESSING = 4;
  static final int SUPP_REQUEST = 5;
  static final int EVT_SUPP_REQUEST = 6;
  static final int SUPP_RESUBMIT = 7;
  static final int EVT_SUPP_RESUBMIT = 8;
  static final int FINAL = 9;
  static final int EVT_FINAL = 10;
  static final int RETURNED = 11;
  static final int EVT_RETURNED = 12;

  private static final boolean[] RECORD = {true, true, false, true, false, true, false, true, false, true, false, true,
      false};

  private MessageKind() {}

  static boolean isRecord(int kind) {
    return RECORD[kind];
  }

  /**
   * Precedence of a record's status when several records of one dossier are loaded: the record with
   * the highest rank is the dossier's state, ties going to the one that arrived last. 1 → 0; 2 → 1;
   * 4, 5, 6 → 2; 3, 7, 8, 9 → 3; 10 → 4. Delivered out of order, a stale intermediate record never
   * overrides a final one.
   */
  static int rank(int status) {
    return switch (status) {
      case 1 -> 0;
      case 2 -> 1;
      case 4, 5, 6 -> 2;
      case 3, 7, 8, 9 -> 3;
      case 10 -> 4;
      default -> -1;
    };
  }
}
