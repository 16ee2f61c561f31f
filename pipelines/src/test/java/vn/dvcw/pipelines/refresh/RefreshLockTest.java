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

  /**
   * On storage without an atomic create (S3 and other object stores) the lock still refuses a second writer that
   * comes while the first holds it, and the refresh is told, once, that two starting together are not stopped.
   * A local file system under another scheme stands in for the object store; cluster-tests' ScaleOutIT does it on
   * s3a itself.
   */
  @Test
  void onObjectStorageTheLockWorksAndSaysItIsNotAtomic() throws Exception {
    Configuration objectStore = new Configuration();
    objectStore.set("fs.objtest.impl", ObjectStoreStandIn.class.getName());
    objectStore.setBoolean("fs.objtest.impl.disable.cache", true);
    String lakehouse = "objtest://" + Files.createTempDirectory("dvcw-lock");
    List<String> notes = new ArrayList<>();
    try (RefreshLock first = RefreshLock.acquire(objectStore, lakehouse, "run-f", Duration.ZERO, notes::add)) {
      assertEquals(1, notes.size(), notes.toString());
      assertTrue(notes.get(0).contains("not an atomic create"), notes.get(0));
      assertThrows(RefreshLock.BusyException.class,
          () -> RefreshLock.acquire(objectStore, lakehouse, "run-g", Duration.ZERO, m -> { }));
    }
    assertEquals(RefreshLock.Guarantee.CHECK_THEN_WRITE, RefreshLock.guaranteeOf("s3a"));
    assertEquals(RefreshLock.Guarantee.ATOMIC_CREATE, RefreshLock.guaranteeOf("hdfs"));
    List<String> localNotes = new ArrayList<>();
    try (RefreshLock local = RefreshLock.acquire(conf, Files.createTempDirectory("dvcw-lock").toString(), "run-h",
        Duration.ZERO, localNotes::add)) {
      assertEquals(List.of(), localNotes, "no note where the create is atomic");
    }
  }

  /** The local disk under the scheme {@code objtest}: what the lock sees of a store it does not know. */
  public static final class ObjectStoreStandIn extends org.apache.hadoop.fs.RawLocalFileSystem {
    @Override
    public java.net.URI getUri() {
      return java.net.URI.create("objtest:///");
    }

    @Override
    public String getScheme() {
      return "objtest";
    }
  }
}
