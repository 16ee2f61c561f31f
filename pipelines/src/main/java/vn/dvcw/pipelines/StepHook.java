package vn.dvcw.pipelines;

/**
 * Called as each numbered step of a job starts. Production passes {@link #NONE}; tests pass a hook that throws at
 * a chosen step, which is how a crash at that point is simulated (the crash-recovery tests), without any switch
 * in the production path.
 */
@FunctionalInterface
public interface StepHook {
  /** A hook that does nothing. */
  StepHook NONE = (job, step) -> {};

  /**
   * @param job the job's name, e.g. {@code "refresh"} or {@code "feed"}
   * @param step the step about to start (the job's class comment numbers them)
   */
  void beforeStep(String job, int step);
}
