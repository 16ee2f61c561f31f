package vn.dvcw.tools.generate;

/**
 * Writes a dossier record (service DongBoHoSoMC, spec §2) as one bare JSON line: every scalar a string,
 * timestamps {@code yyyyMMddHHmmss} local time, {@code ""} for null, the marker {@code "_synthetic":"1"}.
 *
 * <p>Fields, in this order: MaHoSo, MaTTHC, TenTTHC, MaLinhVuc, TenLinhVuc, KenhThucHien, ChuHoSo,
 * SoGiayToChuHoSo, LoaiDoiTuong, MaDoiTuong (online only, else ""), Email, SoDienThoai, TrichYeuHoSo,
 * NgayNopHoSo, NgayTiepNhan, NgayHenTra, TrangThaiHoSo, NgayTra, HinhThuc, NgayKetThucXuLy, DonViXuLy,
 * NgayTuChoi, NoiNopHoSo, HoSoCoThanhPhanSoHoa, TaiKhoanDuocXacThucVoiVNeID, DuocThanhToanTrucTuyen,
 * DinhDanhCHS, TaiLieuNop, DanhSachLePhi, DanhSachHoSoBoSung, DanhSachGiayToKetQua, _synthetic. Optional
 * fields the ingestion does not need (ThongTinKhac, Fax, ThongTinTra, GhiChu, DanhSachTepDinhKemKhac,
 * DSKetNoiCSDL, SoBienNhan) are left out. Broken-copy variants ({@link Injection}) change exactly one
 * thing of the line.
 */
final class RecordRenderer {
  private static final byte[] MA_HO_SO = JsonSink.bytes("{\"MaHoSo\":\"");
  private static final byte[] MA_TTHC = JsonSink.bytes("\",\"MaTTHC\":");
  private static final byte[] TEN_TTHC = JsonSink.bytes(",\"TenTTHC\":");
  private static final byte[] MA_LINH_VUC = JsonSink.bytes(",\"MaLinhVuc\":");
  private static final byte[] TEN_LINH_VUC = JsonSink.bytes(",\"TenLinhVuc\":");
  private static final byte[] KENH = JsonSink.bytes(",\"KenhThucHien\":\"");
  private static final byte[] CHU_HO_SO = JsonSink.bytes("\",\"ChuHoSo\":\"");
  private static final byte[] SO_GIAY_TO = JsonSink.bytes("\",\"SoGiayToChuHoSo\":\"");
  private static final byte[] LOAI_DOI_TUONG = JsonSink.bytes("\",\"LoaiDoiTuong\":\"");
  private static final byte[] MA_DOI_TUONG = JsonSink.bytes("\",\"MaDoiTuong\":\"");
  private static final byte[] EMAIL = JsonSink.bytes("\",\"Email\":\"");
  private static final byte[] SO_DIEN_THOAI = JsonSink.bytes("\",\"SoDienThoai\":\"");
  private static final byte[] TRICH_YEU = JsonSink.bytes("\",\"TrichYeuHoSo\":\"");
  private static final byte[] NGAY_NOP = JsonSink.bytes("\",\"NgayNopHoSo\":");
  private static final byte[] NGAY_TIEP_NHAN = JsonSink.bytes(",\"NgayTiepNhan\":");
  private static final byte[] NGAY_HEN_TRA = JsonSink.bytes(",\"NgayHenTra\":");
  private static final byte[] TRANG_THAI = JsonSink.bytes(",\"TrangThaiHoSo\":\"");
  private static final byte[] NGAY_TRA = JsonSink.bytes("\",\"NgayTra\":");
  private static final byte[] HINH_THUC = JsonSink.bytes(",\"HinhThuc\":\"");
  private static final byte[] NGAY_KET_THUC = JsonSink.bytes("\",\"NgayKetThucXuLy\":");
  private static final byte[] DON_VI = JsonSink.bytes(",\"DonViXuLy\":");
  private static final byte[] NGAY_TU_CHOI = JsonSink.bytes(",\"NgayTuChoi\":");
  private static final byte[] NOI_NOP = JsonSink.bytes(",\"NoiNopHoSo\":\"");
  private static final byte[] SO_HOA = JsonSink.bytes("\",\"HoSoCoThanhPhanSoHoa\":\"");
  private static final byte[] VNEID = JsonSink.bytes("\",\"TaiKhoanDuocXacThucVoiVNeID\":\"");
  private static final byte[] THANH_TOAN = JsonSink.bytes("\",\"DuocThanhToanTrucTuyen\":\"");
  private static final byte[] DINH_DANH =
      JsonSink.bytes("\",\"DinhDanhCHS\":[{\"LoaiDinhDanh\":\"1\",\"SoDinhDanh\":\"");
  private static final byte[] TAI_LIEU = JsonSink.bytes("\"}],\"TaiLieuNop\":[");
  private static final byte[] FILE_ID = JsonSink.bytes("{\"TepDinhKemId\":\"");
  private static final byte[] FILE_NAME = JsonSink.bytes("\",\"TenTepDinhKem\":\"");
  private static final byte[] FILE_URL = JsonSink.bytes(
      "\",\"IsDeleted\":\"0\",\"DuongDanTaiTepTin\":\"https://tailieu.dichvucong.gov.vn/hs/");
  private static final byte[] FILE_SO_HOA = JsonSink.bytes(".pdf\",\"DuocSoHoa\":\"");
  private static final byte[] FILE_TAI_SU_DUNG = JsonSink.bytes("\",\"DuocTaiSuDung\":\"");
  private static final byte[] FILE_KHO = JsonSink.bytes("\",\"DuocLayTuKhoDMQG\":\"");
  private static final byte[] LE_PHI = JsonSink.bytes("],\"DanhSachLePhi\":[");
  private static final byte[] FEE_NAME = JsonSink.bytes("{\"TenPhiLePhi\":");
  private static final byte[] FEE_CODE = JsonSink.bytes(",\"MaPhiLePhi\":");
  private static final byte[] FEE_AMOUNT = JsonSink.bytes(",\"HinhThucThu\":\"1\",\"Gia\":\"");
  private static final byte[] FEE_END = JsonSink.bytes("\",\"LoaiPhiLePhi\":\"1\"}");
  private static final byte[] BO_SUNG = JsonSink.bytes("],\"DanhSachHoSoBoSung\":[");
  private static final byte[] SUPP_ID = JsonSink.bytes("{\"HoSoBoSungId\":\"");
  private static final byte[] SUPP_BY = JsonSink.bytes("\",\"NguoiYeuCauBoSung\":");
  private static final byte[] SUPP_WHAT =
      JsonSink.quotedField("NoiDungBoSung", "Bổ sung thành phần hồ sơ còn thiếu theo quy định");
  private static final byte[] SUPP_DATE = JsonSink.bytes(",\"NgayBoSung\":");
  private static final byte[] SUPP_RECEIVER = JsonSink.bytes(",\"NguoiTiepNhanBoSung\":");
  private static final byte[] SUPP_INFO = JsonSink.bytes(",\"ThongTinTiepNhan\":");
  private static final byte[] SUPP_INFO_DONE = JsonSink.quoted("Đã tiếp nhận hồ sơ bổ sung");
  private static final byte[] SUPP_RECEIVED = JsonSink.bytes(",\"NgayTiepNhanBoSung\":");
  private static final byte[] SUPP_STATE = JsonSink.bytes(",\"TrangThaiBoSung\":\"");
  private static final byte[] SUPP_OLD_DUE = JsonSink.bytes("\",\"NgayHenTraTruoc\":");
  private static final byte[] SUPP_NEW_DUE = JsonSink.bytes(",\"NgayHenTraMoi\":");
  private static final byte[] KET_QUA = JsonSink.bytes("],\"DanhSachGiayToKetQua\":[");
  private static final byte[] RESULT_NAME = JsonSink.bytes("{\"TenGiayTo\":");
  private static final byte[] RESULT_ID = JsonSink.bytes(",\"MaThanhPhanHoSo\":\"\",\"GiayToId\":\"");
  private static final byte[] RESULT_URL = JsonSink.bytes("\",\"DuongDanTepTinKetQua\":\"");
  private static final byte[] RESULT_URL_PREFIX = JsonSink.bytes("https://ketqua.dichvucong.gov.vn/kq/");
  private static final byte[] RESULT_CODE = JsonSink.bytes("\",\"MaGiayToKetQua\":");
  private static final byte[] END = JsonSink.bytes("],\"_synthetic\":\"1\"}");
  private static final byte[] EMPTY = JsonSink.bytes("\"\"");
  private static final byte[][] COMPANY = {JsonSink.escaped("Công ty TNHH "), JsonSink.escaped("Công ty Cổ phần "),
      JsonSink.escaped("Công ty TNHH một thành viên ")};
  private static final byte[][] TRADE = escapedAll(VietnameseNames.TRADE);
  private static final byte[][] PLACE_FIRST = escapedAll(VietnameseNames.PLACE_FIRST);
  private static final byte[][] PLACE_SECOND = escapedAll(VietnameseNames.PLACE_SECOND);
  private static final byte[][] FILE_NAMES = escapedAll(FakePersonalData.FILE_NAMES);
  private static final byte[][] MAIL_DOMAINS = escapedAll(FakePersonalData.MAIL_DOMAINS);
  private static final byte[] BIRTH_SUMMARY = JsonSink.escaped("Đăng ký khai sinh cho cháu ");
  private static final byte[] MARRIAGE_SUMMARY = JsonSink.escaped("Đăng ký kết hôn giữa ");
  private static final byte[] AND = JsonSink.escaped(" và ");
  private static final byte[] DEATH_SUMMARY = JsonSink.escaped("Đăng ký khai tử cho ");
  private static final byte[] MR = JsonSink.escaped("ông ");
  private static final byte[] MRS = JsonSink.escaped("bà ");
  private static final byte[] DOSSIER_OF = JsonSink.escaped("Hồ sơ của ");
  private static final byte[] ABOUT = JsonSink.escaped(" về việc ");
  private static final byte[] DASH = JsonSink.escaped(" - ");

  private RecordRenderer() {}

  /** Appends the record of {@code kind} of a built dossier (content filled), with a newline. */
  static void write(JsonSink o, Dossier d, int kind, int variant, WorkTime time) {
    int start = o.length();
    FakePersonalData pd = d.person;
    Procedure p = d.procedure;
    Procedure.Json pj = p.json();
    Unit u = d.unit;
    o.raw(MA_HO_SO);
    if (variant != Injection.EMPTY_MAHOSO) {
      maHoSo(o, d, variant == Injection.UNKNOWN_AGENCY);
    }
    o.raw(MA_TTHC).raw(pj.code()).raw(TEN_TTHC).raw(pj.name()).raw(MA_LINH_VUC).raw(pj.fieldCode())
        .raw(TEN_LINH_VUC).raw(pj.fieldName()).raw(KENH)
        .ascii(variant == Injection.BAD_CHANNEL ? '5' : (char) ('0' + d.channel));
    o.raw(CHU_HO_SO);
    if (p.business()) {
      company(o, pd);
    } else {
      applicant(o, pd);
    }
    o.raw(SO_GIAY_TO);
    if (p.business()) {
      o.digits(pd.taxCode, 10);
    } else {
      o.digits(pd.idNumber, 12);
    }
    o.raw(LOAI_DOI_TUONG).ascii(p.business() ? '2' : '1').raw(MA_DOI_TUONG);
    if (d.channel == 2) {
      uuid(o, pd.accountHi, pd.accountLo);
    }
    o.raw(EMAIL);
    if (pd.mailDomain >= 0) {
      o.raw(VietnameseNames.givens(pd.male).ascii[pd.given]).raw(VietnameseNames.FAMILY.ascii[pd.family])
          .digits(pd.mailNumber, 2).ascii('@').raw(MAIL_DOMAINS[pd.mailDomain]);
    }
    o.raw(SO_DIEN_THOAI).ascii(FakePersonalData.MOBILE_PREFIXES[pd.mobilePrefix]).digits(pd.mobileRest, 7);
    o.raw(TRICH_YEU);
    summary(o, d);
    o.raw(NGAY_NOP);
    if (variant == Injection.BAD_TIMESTAMP) {
      badTimestamp(o, d.submitted, d.seq);
    } else {
      o.timestamp(d.submitted);
    }
    o.raw(NGAY_TIEP_NHAN).timestamp(variant == Injection.MISSING_NGAYTIEPNHAN ? -1 : d.acceptedOn(kind));
    o.raw(NGAY_HEN_TRA).timestamp(d.due(kind));
    int status = d.status(kind);
    o.raw(TRANG_THAI).digits(status, 1).raw(NGAY_TRA).timestamp(d.returnedOn(kind));
    o.raw(HINH_THUC).ascii((char) ('0' + d.resultDelivery)).raw(NGAY_KET_THUC).timestamp(d.finishedOn(kind));
    o.raw(DON_VI).raw(u.json().name());
    o.raw(NGAY_TU_CHOI).timestamp(status == 3 ? d.refused : -1);
    o.raw(NOI_NOP).ascii((char) ('0' + d.submittedWhere)).raw(SO_HOA).ascii(d.digitisedInput ? '1' : '0')
        .raw(VNEID).ascii(d.vneid ? '1' : '0').raw(THANH_TOAN).ascii((char) ('0' + d.paidOnline));
    o.raw(DINH_DANH).digits(pd.idNumber, 12).raw(TAI_LIEU);
    for (int i = 0; i < pd.files; i++) {
      if (i > 0) {
        o.ascii(',');
      }
      o.raw(FILE_ID).hex(pd.fileIdHi[i], 16).hex(pd.fileIdLo[i], 8).raw(FILE_NAME).raw(FILE_NAMES[pd.fileName[i]])
          .raw(FILE_URL).hex(pd.fileIdHi[i], 16).hex(pd.fileIdLo[i], 8).raw(FILE_SO_HOA)
          .ascii(pd.fileDigitised[i] ? '1' : '0').raw(FILE_TAI_SU_DUNG).ascii(pd.fileReused[i] ? '1' : '0')
          .raw(FILE_KHO).ascii(pd.fileFromStore[i] ? '1' : '0').ascii('"').ascii('}');
    }
    o.raw(LE_PHI);
    if (d.fee >= 0) {
      o.raw(FEE_NAME).raw(pj.feeName()).raw(FEE_CODE).raw(pj.feeCode()).raw(FEE_AMOUNT).digits(d.fee, 1).raw(FEE_END);
    }
    o.raw(BO_SUNG);
    int stage = d.supplementStage(kind);
    if (stage > 0) {
      supplement(o, d, stage);
    }
    o.raw(KET_QUA);
    if (d.hasResult(kind)) {
      o.raw(RESULT_NAME).raw(pj.result()).raw(RESULT_ID).hex(pd.resultIdHi, 16).hex(pd.resultIdLo, 8).raw(RESULT_URL);
      if (d.electronicResult) {
        o.raw(RESULT_URL_PREFIX).hex(pd.resultIdHi, 16).hex(pd.resultIdLo, 8).ascii(".pdf");
      }
      o.raw(RESULT_CODE).raw(pj.resultCode()).ascii('}');
    }
    o.raw(END);
    if (variant == Injection.TRUNCATED_JSON) {
      truncate(o, start, d.seq * 31L + kind);
    }
    o.ascii('\n');
  }

  /** {@code <agency code>-<yyMMdd of NgayNopHoSo>-<sequence>}, 4 digits or 5 above 9999. */
  static void maHoSo(JsonSink o, Dossier d, boolean unknownProvince) {
    byte[] code = d.unit.json().agencyCode();
    if (unknownProvince) {
      o.raw(code, 0, code.length - 2).ascii("99");
    } else {
      o.raw(code);
    }
    o.ascii('-').shortDate(d.originDay).ascii('-').digits(d.seq, 4);
  }

  private static void applicant(JsonSink o, FakePersonalData pd) {
    o.raw(VietnameseNames.FAMILY.json[pd.family]).ascii(' ').raw(VietnameseNames.middles(pd.male).json[pd.middle])
        .ascii(' ').raw(VietnameseNames.givens(pd.male).json[pd.given]);
  }

  private static void other(JsonSink o, FakePersonalData pd) {
    o.raw(VietnameseNames.FAMILY.json[pd.otherFamily]).ascii(' ')
        .raw(VietnameseNames.middles(pd.otherMale).json[pd.otherMiddle]).ascii(' ')
        .raw(VietnameseNames.givens(pd.otherMale).json[pd.otherGiven]);
  }

  private static void company(JsonSink o, FakePersonalData pd) {
    o.raw(COMPANY[pd.companyType]).raw(TRADE[pd.trade]).ascii(' ').raw(PLACE_FIRST[pd.brandA]).ascii(' ')
        .raw(PLACE_SECOND[pd.brandB]);
  }

  /** TrichYeuHoSo: the procedure name, sometimes with the applicant's (or a family member's) name. */
  private static void summary(JsonSink o, Dossier d) {
    FakePersonalData pd = d.person;
    Procedure p = d.procedure;
    int t = pd.summaryTemplate;
    if (p.business()) {
      o.raw(p.json().nameEscaped());
      if (t < 50) {
        o.raw(DASH);
        company(o, pd);
      }
    } else if (p.summaryKind() == 1 && t < 60) {
      o.raw(BIRTH_SUMMARY);
      other(o, pd);
    } else if (p.summaryKind() == 2 && t < 50) {
      o.raw(MARRIAGE_SUMMARY);
      applicant(o, pd);
      o.raw(AND);
      other(o, pd);
    } else if (p.summaryKind() == 3 && t < 60) {
      o.raw(DEATH_SUMMARY).raw(pd.otherMale ? MR : MRS);
      other(o, pd);
    } else if (t < 35) {
      o.raw(p.json().nameEscaped()).raw(DASH);
      applicant(o, pd);
    } else if (t < 55) {
      o.raw(DOSSIER_OF).raw(pd.male ? MR : MRS);
      applicant(o, pd);
      o.raw(ABOUT).raw(p.json().nameLowerEscaped());
    } else {
      o.raw(p.json().nameEscaped());
    }
  }

  private static void supplement(JsonSink o, Dossier d, int stage) {
    FakePersonalData pd = d.person;
    Unit.Official[] staff = d.unit.officials();
    o.raw(SUPP_ID).hex(pd.supplementIdHi, 16).hex(pd.supplementIdLo, 8).raw(SUPP_BY).raw(staff[1].name())
        .raw(SUPP_WHAT).raw(SUPP_DATE).timestamp(d.supplementRequested).raw(SUPP_RECEIVER)
        .raw(stage == 2 ? staff[0].name() : EMPTY).raw(SUPP_INFO).raw(stage == 2 ? SUPP_INFO_DONE : EMPTY)
        .raw(SUPP_RECEIVED).timestamp(stage == 2 ? d.supplementReceived : -1).raw(SUPP_STATE)
        .ascii(stage == 2 ? "True" : "False").raw(SUPP_OLD_DUE).timestamp(d.due).raw(SUPP_NEW_DUE)
        .timestamp(stage == 2 ? d.dueAfterSupplement : -1).ascii('}');
  }

  /** An unparseable NgayNopHoSo: "2024-13-45 10:00" (impossible month and day) or "31/12/2024". */
  private static void badTimestamp(JsonSink o, long t, int seq) {
    int start = o.length();
    o.timestampDigits(t);
    byte[] b = o.buffer();
    String digits = new String(b, start, 14, java.nio.charset.StandardCharsets.US_ASCII);
    o.truncate(start);
    o.ascii('"');
    if (seq % 2 == 0) {
      o.ascii(digits.substring(0, 4)).ascii("-13-45 ").ascii(digits.substring(8, 10)).ascii(':')
          .ascii(digits.substring(10, 12));
    } else {
      o.ascii(digits.substring(6, 8)).ascii('/').ascii(digits.substring(4, 6)).ascii('/').ascii(digits.substring(0, 4));
    }
    o.ascii('"');
  }

  private static void uuid(JsonSink o, long hi, long lo) {
    o.hex(hi >>> 32, 8).ascii('-').hex(hi >>> 16, 4).ascii('-').hex((hi & 0x0fffL) | 0x4000L, 4).ascii('-')
        .hex((lo >>> 48 & 0x3fffL) | 0x8000L, 4).ascii('-').hex(lo, 12);
  }

  /** Cuts the line written since {@code start} somewhere in its middle, at a UTF-8 character boundary. */
  static void truncate(JsonSink o, int start, long salt) {
    int len = o.length() - start;
    int cut = len / 3 + (int) Math.floorMod(Mix.mix64(salt), (long) Math.max(1, len / 2));
    byte[] b = o.buffer();
    while (cut > 1 && (b[start + cut] & 0xc0) == 0x80) {
      cut--;
    }
    o.truncate(start + Math.min(cut, len - 2));
  }

  private static byte[][] escapedAll(String[] words) {
    byte[][] out = new byte[words.length][];
    for (int i = 0; i < words.length; i++) {
      out[i] = JsonSink.escaped(words[i]);
    }
    return out;
  }
}
