package vn.dvcw.notebooks.jshell;

/**
 * A cell that did not run: it did not compile, was incomplete, or threw. The message is already short and
 * readable; for a throw, the cause is the user's exception itself (not JShell's copy of it), so callers can
 * shorten Spark's messages by their type.
 */
public final class CellException extends RuntimeException {
  private final Kind kind;

  /** Why the cell did not run. */
  public enum Kind { COMPILE, INCOMPLETE, UNRESOLVED, RUNTIME }

  public CellException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
