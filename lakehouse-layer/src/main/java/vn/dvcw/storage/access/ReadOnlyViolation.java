package vn.dvcw.storage.access;

/** Thrown instead of running a statement a read-only session refuses; the message is the refusal's one line. */
public final class ReadOnlyViolation extends RuntimeException {
  private final Refusal refusal;

  public ReadOnlyViolation(Refusal refusal) {
    super(refusal.message());
    this.refusal = refusal;
  }

  public Refusal refusal() {
    return refusal;
  }
}
