package vn.dvcw.app.cli;

/** Messages for people: the first line of the innermost useful cause. */
final class Errors {
  private Errors() {}

  static String oneLine(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
      root = root.getCause();
    }
    String msg = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    int nl = msg.indexOf('\n');
    String first = (nl < 0 ? msg : msg.substring(0, nl)).strip();
    // Spark's analysis errors end their first line with a plan position: keep the sentence.
    first = first.replaceAll("\\s*SQLSTATE: \\w+;?.*$", "").replaceAll(";\\s*line \\d+ pos \\d+;?$", "");
    return first.length() > 400 ? first.substring(0, 400) + "…" : first;
  }
}
