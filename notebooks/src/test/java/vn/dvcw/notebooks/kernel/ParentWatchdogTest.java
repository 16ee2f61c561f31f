package vn.dvcw.notebooks.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A kernel whose runner is killed outright (SIGKILL: no trap, no message to the kernel) exits by itself: the probe
 * JVM is started by a shell, as Jupyter starts a kernel, the shell is killed, and the probe must be gone within
 * seconds. Takes about two seconds (one small JVM, no Spark).
 */
@Tag("fast")
class ParentWatchdogTest {

  @Test
  void aKernelEndsWhenTheProcessThatStartedItIsKilled() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
        + WatchdogProbe.class.getName() + " & echo $!; wait";
    Process parent = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
    long probePid = Long.parseLong(out.readLine().strip());
    ProcessHandle probe = ProcessHandle.of(probePid).orElseThrow();
    String line;
    while ((line = out.readLine()) != null && !line.equals("watching")) {
      // JVM start-up noise
    }
    assertTrue(probe.isAlive(), "control: the probe runs while its parent does");

    parent.destroyForcibly(); // SIGKILL to the shell: the probe is orphaned, as a kernel after a killed nbconvert
    parent.waitFor(10, TimeUnit.SECONDS);

    boolean ended = probe.onExit().toCompletableFuture().completeOnTimeout(null, 20, TimeUnit.SECONDS).join() != null
        || !probe.isAlive();
    if (!ended) {
      probe.destroyForcibly();
    }
    assertFalse(probe.isAlive(), "the orphaned kernel is still running");
    assertTrue(ended);
  }
}
