package vn.dvcw.pipelines;

import java.io.PrintStream;
import java.util.Locale;

/** Short progress lines for long runs: step number, what, rows, seconds. */
public final class Progress {
  private final PrintStream out;
  private final int steps;
  private int step;
  private long started;

  public Progress(PrintStream out, int steps) {
    this.out = out;
    this.steps = steps;
  }

  /** Starts the next step and says so. */
  public void start(String what) {
    step++;
    started = System.nanoTime();
    out.printf(Locale.ROOT, "[%d/%d] %s ...%n", step, steps, what);
    out.flush();
  }

  /** Ends the current step with what it did. */
  public void done(String result) {
    out.printf(Locale.ROOT, "      %s (%.1f s)%n", result, (System.nanoTime() - started) / 1e9);
    out.flush();
  }
}
