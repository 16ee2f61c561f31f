package vn.dvcw.tools.generate;

/**
 * One administrative procedure of the generator's catalogue ({@code generate/procedures.psv}), with its
 * JSON fragments pre-encoded (the renderer copies bytes instead of escaping strings per record).
 *
 * @param index position in the catalogue
 * @param code national procedure code ({@code MaTTHC}, pattern {@code [123].dddddd})
 * @param name {@code TenTTHC}
 * @param fieldCode {@code MaLinhVuc}
 * @param fieldName {@code TenLinhVuc}
 * @param formerLevel level handling it before 2025-07-01, or null
 * @param currentLevel level handling it from 2025-07-01, or null
 * @param formerUnit the province-level department key before 2025-07-01 ("ubnd" for district/commune)
 * @param currentUnit the department key from 2025-07-01
 * @param legalHours statutory processing time in working hours (days × 8); -1 = no deadline, so no
 *     {@code NgayHenTra}
 * @param feeVnd fee per unit in VND; 0 = free
 * @param feeUnitsMax the fee is charged per page/copy, 1..this many units
 * @param feeName {@code TenPhiLePhi}
 * @param result name of the result document ({@code TenGiayTo})
 * @param business true if the applicant is an enterprise ({@code LoaiDoiTuong} 2)
 * @param weight relative volume among the procedures of the same level
 * @param summaryKind see {@link #summaryKind(String)}
 */
record Procedure(
    int index,
    String code,
    String name,
    String fieldCode,
    String fieldName,
    Level formerLevel,
    Level currentLevel,
    String formerUnit,
    String currentUnit,
    int legalHours,
    long feeVnd,
    int feeUnitsMax,
    String feeName,
    String result,
    boolean business,
    double weight,
    int summaryKind,
    Json json) {

  /** Pre-encoded JSON string values (quotes included). */
  record Json(byte[] code, byte[] name, byte[] fieldCode, byte[] fieldName, byte[] feeName, byte[] feeCode,
      byte[] result, byte[] resultCode, byte[] nameEscaped, byte[] nameLowerEscaped) {}

  boolean hasDeadline() {
    return legalHours >= 0;
  }

  Level level(boolean currentEra) {
    return currentEra ? currentLevel : formerLevel;
  }

  String unitKey(boolean currentEra) {
    return currentEra ? currentUnit : formerUnit;
  }

  /** Wording of the dossier summary: 0 generic, 1 birth, 2 marriage, 3 death. */
  static int summaryKind(String name) {
    if (name.startsWith("Đăng ký khai sinh") || name.startsWith("Đăng ký lại khai sinh")) {
      return 1;
    }
    if (name.startsWith("Đăng ký kết hôn")) {
      return 2;
    }
    return name.startsWith("Đăng ký khai tử") ? 3 : 0;
  }
}
