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
 *
 * <p>A lock file that names no holder (empty, or text without a host and pid: a kill or a full disk between the
 * create and the write) is taken over too, with a warning, once it is older than {@link #UNNAMED_GRACE}: a live
 * refresh writes its line microseconds after creating the file, so an unnamed lock that old has no writer behind
 * it. Before, such a file blocked every refresh until someone deleted it by hand.
 *
 * <p>On object storage the lock is weaker, and says so ({@link #guaranteeOf}): S3A (Hadoop 3.3.4) checks that the
 * object is absent when the file is created and PUTs it when the stream closes, so two refreshes that start within
 * that window both get the lock (S3 had no create-if-absent when this Hadoop was built; cluster-tests'
 * {@code ScaleOutIT} shows both creates succeeding). The lock still stops a refresh that starts while another one
 * runs; the single writer itself must come from running one refresh at a time (the scheduler's single-instance
 * setting), and Delta's DynamoDB LogStore when several clusters may write. Each refresh on such storage records a
 * note saying so.
 */
public final class RefreshLock implements AutoCloseable {
  /** How old a lock file naming no holder must be before it is taken over. */
  static final Duration UNNAMED_GRACE = Duration.ofSeconds(10);

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
   * @param onTakeover told when a dead holder's lock is taken over, and once when the lakehouse's storage cannot
   *     create the lock atomically ({@link Guarantee#CHECK_THEN_WRITE})
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
          if (guaranteeOf(fs.getScheme()) == Guarantee.CHECK_THEN_WRITE) {
            onTakeover.accept(objectStorageNote(fs.getScheme()));
          }
          return new RefreshLock(fs, path);
        }
        String holder = read(fs, path).orElse(null);
        if (holder == null) {
          continue; // released between the create and the read: try again at once
        }
        if (isDeadLocalProcess(holder)) {
          onTakeover.accept("took over the lock of a refresh that was killed (" + holder.strip() + ")");
          fs.delete(path, false);
          continue;
        }
        if (namesNoHolder(holder) && isOlderThan(fs, path, UNNAMED_GRACE)) {
          onTakeover.accept("took over a lock file that names no holder (" + (holder.isBlank() ? "empty"
              : "unreadable: '" + shown(holder) + "'") + "), left by a refresh stopped before it could write it");
          fs.delete(path, false);
          continue;
        }
        if (!Instant.now().isBefore(deadline)) {
          throw new BusyException("another refresh is writing to this lakehouse (" + shown(holder)
              + "); wait for it to finish, or set DVCW_LOCK_WAIT_SECONDS to wait longer. If no refresh is running,"
              + " delete " + path);
        }
        sleepQuietly(Math.min(1000, Duration.between(Instant.now(), deadline).toMillis()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the refresh lock " + path, e);
    }
  }

  /** How far the lock file's create-if-absent can be trusted on a file system. */
  public enum Guarantee {
    /** HDFS (the NameNode refuses the second create) and the local disk (a check and a create microseconds apart). */
    ATOMIC_CREATE,
    /** Object storage (s3a and any scheme not known to create atomically): an existence check, then a write. */
    CHECK_THEN_WRITE
  }

  /** The guarantee of the lock on a file system with URI scheme {@code scheme} ({@code file}, {@code s3a}, …). */
  public static Guarantee guaranteeOf(String scheme) {
    return switch (scheme == null ? "file" : scheme.toLowerCase(java.util.Locale.ROOT)) {
      case "file", "hdfs", "viewfs" -> Guarantee.ATOMIC_CREATE;
      default -> Guarantee.CHECK_THEN_WRITE;
    };
  }

  /** The note a refresh records when its lakehouse is on storage without an atomic create. */
  static String objectStorageNote(String scheme) {
    return "the lakehouse is on " + scheme + ", where the refresh lock is an existence check then a write, not an"
        + " atomic create: it stops a refresh that starts while this one runs, not one that starts at the same"
        + " moment; schedule one refresh at a time (README: 'The lock on object storage')";
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
      return Optional.of(new String(in.readNBytes(4096), StandardCharsets.UTF_8)); // a holder line is ~100 bytes
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

  /** True when the text has no host or no pid field: nobody can be asked whether it still runs. */
  static boolean namesNoHolder(String holder) {
    return field(holder, "host") == null || field(holder, "pid") == null;
  }

  private static boolean isOlderThan(FileSystem fs, Path path, Duration age) throws IOException {
    try {
      return fs.getFileStatus(path).getModificationTime() < System.currentTimeMillis() - age.toMillis();
    } catch (java.io.FileNotFoundException e) {
      return false;
    }
  }

  private static String shown(String holder) {
    String s = holder.strip().replaceAll("\\p{Cntrl}", "?");
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
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
