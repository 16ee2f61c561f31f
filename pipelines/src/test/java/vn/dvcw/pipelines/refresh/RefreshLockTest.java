package vn.dvcw.pipelines.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One writer per lakehouse; a killed writer's lock is recovered; a live one is waited for, then refused. */
@Tag("fast")
class RefreshLockTest {
  private final Configuration conf = new Configuration();

  @Test
  void aSecondWriterIsRefusedWithAClearMessage() throws Exception {
    String lakehouse = Files.createTempDirectory("dvcw-lock").toString();
    try (RefreshLock first = RefreshLock.acquire(conf, lakehouse, "run-a", Duration.ZERO, m -> { })) {
      RefreshLock.BusyException busy = assertThrows(RefreshLock.BusyException.class,
          () -> RefreshLock.acquire(conf, lakehouse, "run-b", Duration.ZERO, m -> { }));
      assertTrue(busy.getMessage().contains("run_id=run-a"), busy.getMessage());
      assertTrue(busy.getMessage().contains("DVCW_LOCK_WAIT_SECONDS"), busy.getMessage());
    }
    try (RefreshLock again = RefreshLock.acquire(conf, lakehouse, "run-c", Duration.ZERO, m -> { })) {
      assertTrue(Files.exists(Path.of(lakehouse, "_locks", "refresh.lock")));
    }
    assertFalse(Files.exists(Path.of(lakehouse, "_locks", "refresh.lock")), "released on close");
  }

  @Test
  void theLockOfAKilledRefreshIsTakenOver() throws Exception {
    String lakehouse = Files.createTempDirectory("dvcw-lock").toString();
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    String host = java.net.InetAddress.getLocalHost().getHostName();
    Files.createDirectories(Path.of(lakehouse, "_locks"));
    Files.writeString(Path.of(lakehouse, "_locks", "refresh.lock"),
        "run_id=killed host=" + host + " pid=" + dead.pid() + " started=2026-01-01T00:00:00Z\n");
    List<String> notes = new ArrayList<>();
    try (RefreshLock lock = RefreshLock.acquire(conf, lakehouse, "run-d", Duration.ZERO, notes::add)) {
      assertEquals(1, notes.size());
      assertTrue(notes.get(0).contains("killed"), notes.toString());
    }
  }

  @Test
  void anEmptyOrGarbledLockFileIsTakenOverOnceItIsOlderThanTheGrace() throws Exception {
    for (byte[] content : List.of(new byte[0], new byte[] {(byte) 0xff, 0, 'x', '\n'})) {
      String lakehouse = Files.createTempDirectory("dvcw-lock").toString();
      Path lock = Path.of(lakehouse, "_locks", "refresh.lock");
      Files.createDirectories(lock.getParent());
      Files.write(lock, content);
      // Just created: a live refresh may be about to write its line, so it is waited for, not stolen.
      assertThrows(RefreshLock.BusyException.class,
          () -> RefreshLock.acquire(conf, lakehouse, "run-f", Duration.ZERO, m -> { }));
      Files.setLastModifiedTime(lock, java.nio.file.attribute.FileTime.from(
          java.time.Instant.now().minus(RefreshLock.UNNAMED_GRACE).minusSeconds(1)));
      List<String> notes = new ArrayList<>();
      try (RefreshLock taken = RefreshLock.acquire(conf, lakehouse, "run-g", Duration.ZERO, notes::add)) {
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).contains("names no holder"), notes.toString());
        assertTrue(Files.readString(lock).contains("run_id=run-g"));
      }
    }
  }

  @Test
  void aLockHeldFromAnotherHostIsNeverStolen() throws Exception {
    String lakehouse = Files.createTempDirectory("dvcw-lock").toString();
    Files.createDirectories(Path.of(lakehouse, "_locks"));
    Files.writeString(Path.of(lakehouse, "_locks", "refresh.lock"),
        "run_id=elsewhere host=another-node pid=1 started=2026-01-01T00:00:00Z\n");
    assertThrows(RefreshLock.BusyException.class,
        () -> RefreshLock.acquire(conf, lakehouse, "run-e", Duration.ZERO, m -> { }));
    assertFalse(RefreshLock.isDeadLocalProcess("run_id=x host=another-node pid=1"));
  }
}
