package vn.dvcw.tools.generate;

/**
 * Writes a status-event envelope (service CapNhatTienDoHoSoMC, spec §6) as one JSON line:
 * {@code {"service":"CapNhatTienDoHoSoMC","madonvi":"<agency code>","isUpdating":"False","_synthetic":"1",
 * "data":[…]}} with the one or two events of a step (TD sends events in chunks of at most 10). Each event:
 * MaHoSo, NguoiXuLy (the unit's fake official), ChucDanh, ThoiDiemXuLy, PhongBanXuLy, NoiDungXuLy,
 * TrangThai, NgayBatDau (start of the step), NgayKetThucTheoQuyDinh (the step's deadline: the end of the
 * next working day for acceptance, the due date for processing steps; "" without a deadline),
 * {@code "_synthetic":"1"}.
 *
 * <table>
 *   <caption>Event texts</caption>
 *   <tr><th>NoiDungXuLy</th><th>TrangThai</th><th>Official</th></tr>
 *   <tr><td>Tiếp nhận hồ sơ</td><td>2</td><td>receiver</td></tr>
 *   <tr><td>Chuyển xử lý</td><td>4</td><td>receiver</td></tr>
 *   <tr><td>Yêu cầu bổ sung hồ sơ</td><td>5</td><td>processor</td></tr>
 *   <tr><td>Tiếp nhận hồ sơ bổ sung</td><td>4</td><td>receiver</td></tr>
 *   <tr><td>Kết thúc xử lý hồ sơ</td><td>9</td><td>signer</td></tr>
 *   <tr><td>Trả kết quả</td><td>10</td><td>receiver</td></tr>
 *   <tr><td>Công dân yêu cầu rút hồ sơ</td><td>7</td><td>receiver</td></tr>
 *   <tr><td>Từ chối tiếp nhận hồ sơ</td><td>3</td><td>receiver</td></tr>
 * </table>
 */
final class EventRenderer {
  private static final byte[] HEAD = JsonSink.bytes("{\"service\":\"CapNhatTienDoHoSoMC\",\"madonvi\":\"");
  private static final byte[] DATA = JsonSink.bytes("\",\"isUpdating\":\"False\",\"_synthetic\":\"1\",\"data\":[");
  private static final byte[] MA_HO_SO = JsonSink.bytes("{\"MaHoSo\":\"");
  private static final byte[] NGUOI = JsonSink.bytes("\",\"NguoiXuLy\":");
  private static final byte[] CHUC_DANH = JsonSink.bytes(",\"ChucDanh\":");
  private static final byte[] THOI_DIEM = JsonSink.bytes(",\"ThoiDiemXuLy\":");
  private static final byte[] PHONG_BAN = JsonSink.bytes(",\"PhongBanXuLy\":");
  private static final byte[] NOI_DUNG = JsonSink.bytes(",\"NoiDungXuLy\":");
  private static final byte[] TRANG_THAI = JsonSink.bytes(",\"TrangThai\":\"");
  private static final byte[] BAT_DAU = JsonSink.bytes("\",\"NgayBatDau\":");
  private static final byte[] KET_THUC = JsonSink.bytes(",\"NgayKetThucTheoQuyDinh\":");
  private static final byte[] EVENT_END = JsonSink.bytes(",\"_synthetic\":\"1\"}");
  private static final byte[] END = JsonSink.bytes("]}");

  static final String[] TEXTS = {"Tiếp nhận hồ sơ", "Chuyển xử lý", "Yêu cầu bổ sung hồ sơ", "Tiếp nhận hồ sơ bổ sung",
      "Kết thúc xử lý hồ sơ", "Trả kết quả", "Công dân yêu cầu rút hồ sơ", "Từ chối tiếp nhận hồ sơ"};
  private static final byte[][] TEXT_JSON = new byte[TEXTS.length][];
  private static final int ACCEPT = 0;
  private static final int TRANSFER = 1;
  private static final int REQUEST = 2;
  private static final int RESUBMIT = 3;
  private static final int FINISH = 4;
  private static final int RETURN = 5;
  private static final int WITHDRAW = 6;
  private static final int REFUSE = 7;
  private static final int RECEIVER = 0;
  private static final int PROCESSOR = 1;
  private static final int SIGNER = 2;

  static {
    for (int i = 0; i < TEXTS.length; i++) {
      TEXT_JSON[i] = JsonSink.quoted(TEXTS[i]);
    }
  }

  private EventRenderer() {}

  /** Appends the event envelope of {@code kind} of a built dossier, with a newline. */
  static void write(JsonSink o, Dossier d, int kind, int variant, WorkTime time) {
    int start = o.length();
    o.raw(HEAD).raw(d.unit.json().agencyCode()).raw(DATA);
    long acceptDeadline = WorkTime.at(time.nextWorkingDay(WorkTime.dayOf(d.submitted)), WorkTime.WORK_SECONDS_PER_DAY);
    switch (kind) {
      case MessageKind.EVT_ACCEPTED -> {
        event(o, d, ACCEPT, 2, RECEIVER, d.accepted, d.submitted, acceptDeadline);
        if (d.transferInAcceptGroup) {
          o.ascii(',');
          event(o, d, TRANSFER, 4, RECEIVER, d.transfer, d.accepted, d.due);
        }
      }
      case MessageKind.EVT_PROCESSING -> event(o, d, TRANSFER, 4, RECEIVER, d.transfer, d.accepted, d.due);
      case MessageKind.EVT_SUPP_REQUEST -> event(o, d, REQUEST, 5, PROCESSOR, d.supplementRequested, d.transfer, d.due);
      case MessageKind.EVT_SUPP_RESUBMIT -> event(o, d, RESUBMIT, 4, RECEIVER, d.supplementReceived,
          d.supplementRequested, d.currentDue());
      case MessageKind.EVT_FINAL -> {
        if (d.isRefused()) {
          event(o, d, REFUSE, 3, RECEIVER, d.refused, d.submitted, acceptDeadline);
        } else if (d.finalStatus == 7) {
          event(o, d, WITHDRAW, 7, RECEIVER, d.withdrawn, d.accepted, d.currentDue());
        } else {
          event(o, d, FINISH, 9, SIGNER, d.finished, d.clockStart(), d.currentDue());
          if (d.finalStatus == 10) {
            o.ascii(',');
            event(o, d, RETURN, 10, RECEIVER, d.returned, d.finished, d.currentDue());
          }
        }
      }
      case MessageKind.EVT_RETURNED -> event(o, d, RETURN, 10, RECEIVER, d.returned, d.finished, d.currentDue());
      default -> throw new IllegalArgumentException("not an event kind: " + kind);
    }
    o.raw(END);
    if (variant == Injection.TRUNCATED_JSON) {
      RecordRenderer.truncate(o, start, d.seq * 37L + kind);
    }
    o.ascii('\n');
  }

  private static void event(JsonSink o, Dossier d, int text, int status, int role, long at, long started,
      long deadline) {
    Unit.Official official = d.unit.officials()[role];
    Unit.Json uj = d.unit.json();
    o.raw(MA_HO_SO);
    RecordRenderer.maHoSo(o, d, false);
    o.raw(NGUOI).raw(official.name()).raw(CHUC_DANH).raw(official.title()).raw(THOI_DIEM).timestamp(at)
        .raw(PHONG_BAN).raw(role == RECEIVER ? uj.receptionDepartment() : uj.processingDepartment())
        .raw(NOI_DUNG).raw(TEXT_JSON[text]).raw(TRANG_THAI).digits(status, 1).raw(BAT_DAU).timestamp(started)
        .raw(KET_THUC).timestamp(deadline).raw(EVENT_END);
  }
}
