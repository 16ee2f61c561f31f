package vn.dvcw.tools.bench;

import java.lang.management.ManagementFactory;

/**
 * Wall time and CPU time of this process (every thread: Spark's tasks, DuckDB's native workers, the collector)
 * since it was started. Spark and DuckDB run in the same JVM one after the other, so the CPU deltas compare them.
 */
final class BenchClock {
  /** Seconds spent: by the clock on the wall and by the process's CPUs. */
  record Span(double wallSeconds, double cpuSeconds) {
    Span plus(Span other) {
      return new Span(wallSeconds + other.wallSeconds, cpuSeconds + other.cpuSeconds);
    }
  }

  private final long wallStart;
  private final long cpuStart;

  private BenchClock() {
    wallStart = System.nanoTime();
    cpuStart = processCpuNanos();
  }

  static BenchClock start() {
    return new BenchClock();
  }

  /** The time since {@link #start()}. */
  Span elapsed() {
    return new Span((System.nanoTime() - wallStart) / 1e9, (processCpuNanos() - cpuStart) / 1e9);
  }

  /**
   * The CPU time of the process in nanoseconds.
   *
   * @throws IllegalStateException if the JVM does not report it (the bench's CPU figures would be meaningless)
   */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      long t = os.getProcessCpuTime();
      if (t >= 0) {
        return t;
      }
    }
    throw new IllegalStateException("this JVM does not report the process CPU time: the bench cannot compare CPU");
  }
}
