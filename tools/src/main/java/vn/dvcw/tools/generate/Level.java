package vn.dvcw.tools.generate;

/**
 * The administrative level of a handling unit, as the truth file and the ingestion name it. Districts
 * exist only before 2025-07-01 (two-level local government from then on).
 */
enum Level {
  PROVINCE("province"),
  DISTRICT("district"),
  COMMUNE("commune");

  private final String sqlName;

  Level(String sqlName) {
    this.sqlName = sqlName;
  }

  String sqlName() {
    return sqlName;
  }

  /** Parses "province" / "district" / "commune"; "-" or empty means none (null). */
  static Level parse(String s) {
    if (s == null || s.isBlank() || s.equals("-")) {
      return null;
    }
    for (Level l : values()) {
      if (l.sqlName.equals(s.strip())) {
        return l;
      }
    }
    throw new IllegalArgumentException("unknown level '" + s + "'");
  }
}
