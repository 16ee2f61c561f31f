package vn.dvcw.notebooks.kernel;

import vn.dvcw.notebooks.display.ErrorMessages.ShortError;

/** What a failed cell reports to Jupyter: the short error only (its evalue is stored in the notebook). */
final class CellError extends RuntimeException {
  private final ShortError error;

  CellError(ShortError error) {
    super(error.name() + ": " + error.message(), null, false, false);
    this.error = error;
  }

  ShortError error() {
    return error;
  }
}
