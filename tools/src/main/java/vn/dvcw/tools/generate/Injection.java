package vn.dvcw.tools.generate;

import java.util.List;

/**
 * Messy-data injections: the variant field of a message key and the names counted in the manifest's
 * {@code injected} object. Variants 1-8 are <em>extra copies</em> of a real message (the real one is
 * always delivered as well); 9-11 mark a real message delivered late.
 *
 * <table>
 *   <caption>Injections</caption>
 *   <tr><th>Name</th><th>What</th><th>Ingestion</th></tr>
 *   <tr><td>duplicate_same_day</td><td>exact copy of a line, later in the same day's file</td><td>dedupe</td></tr>
 *   <tr><td>duplicate_later_day</td><td>exact copy of a line in a later day's file (1-5 days)</td><td>dedupe</td></tr>
 *   <tr><td>truncated_json</td><td>copy of a record or event line cut short (not valid JSON)</td>
 *       <td>quarantine</td></tr>
 *   <tr><td>empty_mahoso</td><td>copy of a record with {@code MaHoSo} ""</td><td>quarantine</td></tr>
 *   <tr><td>missing_ngaytiepnhan</td><td>copy of a record with TrangThaiHoSo in 2, 4-10 except 3 and
 *       {@code NgayTiepNhan} "" (refused records, status 3, legitimately have none)</td>
 *       <td>quarantine</td></tr>
 *   <tr><td>bad_timestamp</td><td>copy of a record whose {@code NgayNopHoSo} is "2024-13-45 10:00"-like or
 *       "31/12/2024"-like</td><td>quarantine</td></tr>
 *   <tr><td>unknown_agency</td><td>copy of a record whose {@code MaHoSo} agency code ends in H99</td>
 *       <td>quarantine</td></tr>
 *   <tr><td>bad_channel</td><td>copy of a record with {@code KenhThucHien} "5"</td><td>quarantine</td></tr>
 *   <tr><td>late_update</td><td>the final record (9/10) arrives 2-10 days after the day it happened</td>
 *       <td>load</td></tr>
 *   <tr><td>out_of_order</td><td>the last intermediate record (4/5) arrives after the final record</td>
 *       <td>load; precedence</td></tr>
 *   <tr><td>events_before_create</td><td>the acceptance record (2) arrives 1-5 days after its events</td>
 *       <td>load</td></tr>
 * </table>
 *
 * Delays never carry a message past the last generated day, so the files of all days hold every real
 * message whose event happened by then.
 */
final class Injection {
  static final int NORMAL = 0;
  static final int DUPLICATE_SAME_DAY = 1;
  static final int DUPLICATE_LATER_DAY = 2;
  static final int TRUNCATED_JSON = 3;
  static final int EMPTY_MAHOSO = 4;
  static final int MISSING_NGAYTIEPNHAN = 5;
  static final int BAD_TIMESTAMP = 6;
  static final int UNKNOWN_AGENCY = 7;
  static final int BAD_CHANNEL = 8;
  static final int LATE_UPDATE = 9;
  static final int OUT_OF_ORDER = 10;
  static final int EVENTS_BEFORE_CREATE = 11;

  /** Manifest names, indexed by variant (0 = normal, no name). */
  static final List<String> NAMES = List.of("", "duplicate_same_day", "duplicate_later_day", "truncated_json",
      "empty_mahoso", "missing_ngaytiepnhan", "bad_timestamp", "unknown_agency", "bad_channel", "late_update",
      "out_of_order", "events_before_create");

  static final int COUNT = NAMES.size();

  /** Per-message probability of a same-day duplicate. Choice (re-sends after time-outs). */
  static final double P_DUPLICATE_SAME_DAY = 0.004;
  /** Per-message probability of a duplicate in a later day's file. Choice. */
  static final double P_DUPLICATE_LATER_DAY = 0.002;
  /** Per-record probability of each broken-copy kind (six kinds); event lines only get truncated copies. */
  static final double P_BROKEN_EACH = 0.0004;
  /** Per finished dossier: final record delivered late. */
  static final double P_LATE_UPDATE = 0.005;
  /** Per dossier with an intermediate record: it arrives after the final record. */
  static final double P_OUT_OF_ORDER = 0.01;
  /** Per accepted dossier: acceptance record arrives after its events. */
  static final double P_EVENTS_BEFORE_CREATE = 0.003;

  private Injection() {}

  /** True for extra copies (the real message is delivered besides). */
  static boolean isCopy(int variant) {
    return variant >= DUPLICATE_SAME_DAY && variant <= BAD_CHANNEL;
  }

  /** True for corrupted copies the warehouse must quarantine. */
  static boolean isBroken(int variant) {
    return variant >= TRUNCATED_JSON && variant <= BAD_CHANNEL;
  }
}
