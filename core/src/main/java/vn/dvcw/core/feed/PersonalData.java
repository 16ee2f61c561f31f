package vn.dvcw.core.feed;

import java.util.List;

/**
 * The feed's fields that hold personal data (feed spec §2, §6, §10): they stay in bronze. Silver keeps a keyed
 * pseudonym of the ones needed as join keys (ID number, account) and nothing of the others.
 *
 * <p>Quarantine entries do not rely on this list: {@link QuarantineMask} shows only the fields known to be safe
 * and masks every other value, so a personal field this list does not name is masked too.
 */
public final class PersonalData {
  private PersonalData() {}

  public static final String MASK = QuarantineMask.MASK;

  /** Field names whose values are personal: names, ID numbers, contacts, free text, file links, handlers. */
  public static final List<String> FIELDS = List.of("ChuHoSo", "SoGiayToChuHoSo", "SoDinhDanh", "MaDoiTuong",
      "Email", "SoDienThoai", "Fax", "TrichYeuHoSo", "GhiChu", "ThongTinKhac", "ThongTinTra", "NguoiXuLy",
      "NoiDungXuLy", "DuongDanTaiTepTin", "DuongDanTepTinKetQua", "TenTepDinhKem", "NguoiYeuCauBoSung",
      "NguoiTiepNhanBoSung", "NoiDungBoSung", "SoBienNhan", "ChucDanh", "ThongTinTiepNhan", "TenGiayTo",
      "session");

  /** {@code raw} as the quarantine may show it (see {@link QuarantineMask#mask}); works on broken JSON too. */
  public static String redact(String raw) {
    return QuarantineMask.mask(raw);
  }
}
