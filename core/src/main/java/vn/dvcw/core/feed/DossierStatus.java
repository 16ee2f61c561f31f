package vn.dvcw.core.feed;

/**
 * The dossier status codes of the feed (TrangThaiHoSo / TrangThai, feed spec §4.2) and what the warehouse does
 * with them.
 *
 * <table>
 *   <caption>codes, meaning, class, rank</caption>
 *   <tr><td>1</td><td>Mới đăng ký (submitted, awaiting acceptance)</td><td>pre-acceptance</td><td>1</td></tr>
 *   <tr><td>2</td><td>Được tiếp nhận (accepted)</td><td>open</td><td>2</td></tr>
 *   <tr><td>4</td><td>Đang xử lý (processing)</td><td>open</td><td>3</td></tr>
 *   <tr><td>5, 6</td><td>supplement / fee requested</td><td>paused</td><td>4</td></tr>
 *   <tr><td>3, 7, 8</td><td>refused at intake, withdrawn, stopped</td><td>terminal, not completed</td><td>5</td></tr>
 *   <tr><td>9</td><td>Đã xử lý xong (finished)</td><td>completed</td><td>6</td></tr>
 *   <tr><td>10</td><td>Đã trả kết quả (returned)</td><td>completed</td><td>7</td></tr>
 * </table>
 * The rank orders two versions of a dossier stamped with the same time: the one further along wins.
 */
public final class DossierStatus {
  private DossierStatus() {}

  static int rank(int status) {
    return switch (status) {
      case 1 -> 1;
      case 2 -> 2;
      case 4 -> 3;
      case 5, 6 -> 4;
      case 3, 7, 8 -> 5;
      case 9 -> 6;
      case 10 -> 7;
      default -> 0;
    };
  }

  /** Every status but "submitted" (1) and "refused at intake" (3) means the agency accepted the dossier. */
  static boolean needsReceipt(int status) {
    return status != 1 && status != 3;
  }

  /**
   * The event's action text reduced to a fixed vocabulary: the text is free and may name people, so only the
   * category reaches silver.
   */
  static String action(String text) {
    if (text == null) {
      return null;
    }
    String t = AgencyDirectory.fold(text);
    if (t.startsWith("tiep nhan")) {
      return "accepted";
    }
    if (t.startsWith("khong tiep nhan") || t.startsWith("tu choi")) {
      return "refused";
    }
    if (t.startsWith("chuyen")) {
      return "forwarded";
    }
    if (t.contains("bo sung")) {
      return "supplement";
    }
    if (t.startsWith("ket thuc")) {
      return "finished";
    }
    if (t.startsWith("tra ket qua")) {
      return "returned";
    }
    if (t.contains("rut ho so")) {
      return "withdrawn";
    }
    if (t.startsWith("dung xu ly")) {
      return "stopped";
    }
    return "other";
  }
}
