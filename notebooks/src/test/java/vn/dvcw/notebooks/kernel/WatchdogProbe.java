package vn.dvcw.notebooks.kernel;

/** A stand-in kernel for {@link ParentWatchdogTest}: starts the watchdog, then waits as a kernel does. */
public final class WatchdogProbe {
  private WatchdogProbe() {}

  public static void main(String[] args) throws InterruptedException {
    ParentWatchdog.start();
    System.out.println("watching");
    System.out.flush();
    Thread.sleep(120_000); // the test's bound: a probe still alive then has failed it
  }
}
