package vn.dvcw.core.feed;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The feed's fields that hold personal data (feed spec §2, §6, §10): they stay in bronze. Silver keeps a keyed
 * pseudonym of the ones needed as join keys (ID number, account) and nothing of the others. Quarantine entries
 * show a message with these fields' values replaced by {@value #MASK}.
 */
public final class PersonalData {
  private PersonalData() {}

  public static final String MASK = "<redacted>";

  /** Field names whose values are personal: names, ID numbers, contacts, free text, file links, handlers. */
  public static final List<String> FIELDS = List.of("ChuHoSo", "SoGiayToChuHoSo", "SoDinhDanh", "MaDoiTuong",
      "Email", "SoDienThoai", "Fax", "TrichYeuHoSo", "GhiChu", "ThongTinKhac", "ThongTinTra", "NguoiXuLy",
      "NoiDungXuLy", "DuongDanTaiTepTin", "DuongDanTepTinKetQua", "TenTepDinhKem", "NguoiYeuCauBoSung",
      "NguoiTiepNhanBoSung", "NoiDungBoSung", "SoBienNhan");

  private static final Pattern VALUES = Pattern.compile(
      "(\"(?:" + String.join("|", FIELDS) + ")\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*(\"|$)");

  /** {@code raw} with the values of personal fields masked; works on truncated JSON too. */
  public static String redact(String raw) {
    if (raw == null) {
      return null;
    }
    String masked = VALUES.matcher(raw).replaceAll("$1\"" + MASK + "\"");
    return masked.length() > 4000 ? masked.substring(0, 4000) + "…" : masked;
  }
}
