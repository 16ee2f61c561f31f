package vn.dvcw.formats;

/**
 * A file that cannot be turned into document text, with the reason a person can act on ("password-protected
 * PDF", "PDF without a text layer (a scan?)", "corrupt ZIP archive"). The file goes to quarantine; nothing of it
 * is guessed.
 */
public final class UnreadableFileException extends Exception {
  private static final long serialVersionUID = 1L;

  public UnreadableFileException(String reason) {
    super(reason);
  }

  public UnreadableFileException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
