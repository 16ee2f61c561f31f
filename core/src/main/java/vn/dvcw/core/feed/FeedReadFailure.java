package vn.dvcw.core.feed;

/**
 * A feed file could not be read for a reason that is not the file's fault (the heap is too small for it): the run
 * stops with this one line, which names the file and the setting to change. Bad bytes never cause it; they are
 * refused rows (see {@link FeedFileReader}).
 */
public final class FeedReadFailure extends RuntimeException {
  public FeedReadFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
