package vn.dvcw.storage.access;

/**
 * Why a statement may not run in a read-only session: the statement kind as people say it ({@code DELETE},
 * {@code DROP TABLE}, {@code file read}), what it names (a table, a path, a setting; may be empty) and the one
 * line shown to whoever ran it.
 */
public record Refusal(String kind, String target, String message) {

  /** A statement that writes a table or changes the catalog. */
  static Refusal write(String kind, String target) {
    String what = target.isEmpty() ? "" : (kind.startsWith("INSERT") || isDataChange(kind) ? " writes to " : " changes ")
        + target;
    return new Refusal(kind, target, "refused: " + kind + (what.isEmpty() ? " changes the warehouse" : what)
        + "; the warehouse is read-only for queries — tables change only through `dvcw refresh` / `dvcw maintain`");
  }

  /** A read of files by path, outside the tables of the lakehouse. */
  static Refusal fileRead(String format, String path) {
    return new Refusal("file read", format + ".`" + path + "`", "refused: reading files by path (" + format + ".`"
        + path + "`); queries read the warehouse's tables and views by name (`dvcw tables` lists them)"
        + (format.equalsIgnoreCase("delta") ? ", or delta.`<path>` of a table inside the lakehouse" : ""));
  }

  /** A session setting outside the ones a query may change. */
  static Refusal setting(String key) {
    return new Refusal("SET", key, "refused: SET " + key + " changes how this session reads or writes; a query may set"
        + " only " + AllowedSettings.describe());
  }

  /** Anything else a query may not do (run code, load jars), with what to do instead. */
  static Refusal other(String kind, String target, String instead) {
    return new Refusal(kind, target, "refused: " + kind + (target.isEmpty() ? "" : " (" + target + ")")
        + " is not allowed in a read-only session; " + instead);
  }

  private static boolean isDataChange(String kind) {
    return switch (kind) {
      case "DELETE", "UPDATE", "MERGE", "TRUNCATE", "COPY INTO", "LOAD DATA", "DataFrame write", "OPTIMIZE", "VACUUM",
          "RESTORE", "REORG" -> true;
      default -> false;
    };
  }
}
