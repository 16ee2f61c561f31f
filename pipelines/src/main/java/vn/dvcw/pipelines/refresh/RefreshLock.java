package vn.dvcw.pipelines.refresh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One writer per lakehouse: a refresh holds {@code <lakehouse>/_locks/refresh.lock}, created only if absent
 * (atomic on HDFS; on a local disk the window between the check and the create is microseconds).
 * Readers never take it: Delta gives them a consistent snapshot while the writer commits.
 *
 * <p>The file names its holder (run id, host, process id, start). A lock whose holder is a dead process on
 * this host was left by a killed refresh (kill -9 runs no clean-up) and is taken over, with a warning.
 */
public final class RefreshLock implements AutoCloseable {
  private final FileSystem fs;
  private final Path path;

  private RefreshLock(FileSystem fs, Path path) {
    this.fs = fs;
    this.path = path;
  }

  /** Thrown when another live refresh holds the lock for longer than the wait. */
  public static final class BusyException extends RuntimeException {
    BusyException(String message) {
      super(message);
    }
  }

  /**
   * Takes the lock, waiting up to {@code wait} for a live holder to finish.
   *
   * @param onTakeover told when a dead holder's lock is taken over
   * @throws BusyException naming the holder when the wait runs out
   */
  public static RefreshLock acquire(Configuration conf, String lakehouse, String runId, Duration wait,
      java.util.function.Consumer<String> onTakeover) {
    Path path = new Path(lakehouse + "/_locks/refresh.lock");
    Instant deadline = Instant.now().plus(wait);
    try {
      FileSystem fs = path.getFileSystem(conf);
      while (true) {
        if (tryCreate(fs, path, runId)) {
          return new RefreshLock(fs, path);
        }
        String holder = read(fs, path).orElse("");
        if (isDeadLocalProcess(holder)) {
          onTakeover.accept("took over the lock of a refresh that was killed (" + holder.strip() + ")");
          fs.delete(path, false);
          continue;
        }
        if (!Instant.now().isBefore(deadline)) {
          throw new BusyException("another refresh is writing to this lakehouse (" + holder.strip().replace('\n', ' ')
              + "); wait for it to finish, or set DVCW_LOCK_WAIT_SECONDS to wait longer. If no refresh is running,"
              + " delete " + path);
        }
        sleepQuietly(Math.min(1000, Duration.between(Instant.now(), deadline).toMillis()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the refresh lock " + path, e);
    }
  }

  @Override
  public void close() {
    try {
      fs.delete(path, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the refresh lock " + path, e);
    }
  }

  static String holderLine(String runId) {
    return "run_id=" + runId + " host=" + host() + " pid=" + ProcessHandle.current().pid() + " started=" + Instant.now()
        + "\n";
  }

  private static boolean tryCreate(FileSystem fs, Path path, String runId) throws IOException {
    if (fs.exists(path)) {
      return false;
    }
    try (OutputStream out = fs.create(path, false)) {
      out.write(holderLine(runId).getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    }
  }

  private static Optional<String> read(FileSystem fs, Path path) throws IOException {
    try (InputStream in = fs.open(path)) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (java.io.FileNotFoundException e) {
      return Optional.empty();
    }
  }

  /** True when the holder line names this host and a process id that no longer runs. */
  static boolean isDeadLocalProcess(String holder) {
    String host = field(holder, "host");
    String pid = field(holder, "pid");
    if (host == null || pid == null || !host.equals(host()) || !pid.matches("\\d+")) {
      return false;
    }
    return ProcessHandle.of(Long.parseLong(pid)).map(p -> !p.isAlive()).orElse(true);
  }

  private static String field(String holder, String name) {
    for (String part : holder.strip().split("\\s+")) {
      if (part.startsWith(name + "=")) {
        return part.substring(name.length() + 1);
      }
    }
    return null;
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(Math.max(1, millis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BusyException("interrupted while waiting for the refresh lock");
    }
  }
}
