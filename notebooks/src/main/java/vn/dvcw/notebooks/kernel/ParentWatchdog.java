package vn.dvcw.notebooks.kernel;

import java.util.Optional;

/**
 * Ends the kernel when the process that started it is gone. Jupyter starts kernels in a session of their own
 * (so Ctrl-C in a terminal does not reach them) and stops them by message; a runner that dies without that message
 * (nbconvert killed by a timeout, SIGKILL, a closed terminal) leaves the kernel JVM running on its own, holding a
 * core and a Spark session. The kernel watches its parent instead: when the parent exits, so does the kernel.
 */
final class ParentWatchdog {
  private ParentWatchdog() {}

  /** Starts watching the current parent (none, when already orphaned: then there is nothing to follow). */
  static void start() {
    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    if (parent.isEmpty() || parent.get().pid() == 1) {
      return;
    }
    // onExit polls a process that is not our child; the callback runs on a daemon thread of the common pool.
    parent.get().onExit().thenRun(() -> {
      System.err.println("dvcw kernel: the process that started this kernel (pid " + parent.get().pid()
          + ") has exited; stopping");
      // Shutdown hooks stop Spark and delete its temporary folders; should one hang, the kernel ends anyway.
      Thread deadline = new Thread(() -> {
        sleepQuietly(10_000);
        Runtime.getRuntime().halt(0);
      }, "dvcw-kernel-exit-deadline");
      deadline.setDaemon(true);
      deadline.start();
      System.exit(0);
    });
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
