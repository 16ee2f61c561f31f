package vn.dvcw.pipelines.refresh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Runs that ended without the refresh lock, noted for the lock's next holder to record in {@code ops.refresh_run}.
 *
 * <p>Only the holder of the refresh lock writes the lakehouse's tables: a refresh that found the lakehouse busy
 * (exit 4) must not MERGE into {@code ops.refresh_run} while the holder may be committing to it (the holder's own
 * run record would then fail on a concurrent-write conflict). So it writes one small file,
 * {@code <lakehouse>/_locks/pending-runs/<run id>.properties}, which no one else writes; the next refresh that holds
 * the lock copies every such note into {@code ops.refresh_run} with its own record (one commit, by run id, so a copy
 * repeated after a kill changes nothing) and then deletes them. The same note records a refresh stopped by a signal
 * (its shutdown hook cannot use Spark) and one killed outright (noted by the run that takes its lock over).
 */
final class PendingRunNotes {
  private final FileSystem fs;
  private final Path folder;

  PendingRunNotes(Configuration conf, String lakehouse) {
    this.folder = new Path(lakehouse + "/_locks/pending-runs");
    try {
      this.fs = folder.getFileSystem(conf);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot reach " + folder, e);
    }
  }

  /** A run to record: what ops.refresh_run needs of a run that wrote nothing. */
  record Note(String runId, Timestamp startedAt, Timestamp endedAt, String status, Integer exitCode,
      String inputsFolder, String warning) {}

  /** Writes {@code note} (replacing an earlier note of the same run); false when the file system refuses. */
  boolean write(Note note, String lakehouse) {
    Properties p = new Properties();
    p.setProperty("run_id", note.runId());
    p.setProperty("started_at", String.valueOf(note.startedAt().getTime()));
    p.setProperty("ended_at", String.valueOf(note.endedAt().getTime()));
    p.setProperty("status", note.status());
    if (note.exitCode() != null) {
      p.setProperty("exit_code", String.valueOf(note.exitCode()));
    }
    p.setProperty("lakehouse", lakehouse);
    p.setProperty("inputs_folder", String.valueOf(note.inputsFolder()));
    p.setProperty("warning", note.warning());
    try (OutputStream out = fs.create(new Path(folder, note.runId() + ".properties"), true)) {
      StringWriter text = new StringWriter();
      p.store(text, "a refresh run for ops.refresh_run (see PendingRunNotes)");
      out.write(text.toString().getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Every note waiting, as run records, oldest first; notes that cannot be read are skipped (and kept). */
  List<RefreshJob.RunRecord> read() {
    List<RefreshJob.RunRecord> runs = new ArrayList<>();
    try {
      if (!fs.exists(folder)) {
        return runs;
      }
      for (FileStatus f : fs.listStatus(folder)) {
        if (!f.getPath().getName().endsWith(".properties")) {
          continue;
        }
        Properties p = new Properties();
        try (InputStream in = fs.open(f.getPath())) {
          p.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          runs.add(record(p));
        } catch (IOException | RuntimeException unreadable) {
          // A note half-written by a process killed while writing it: left for a person to look at.
        }
      }
    } catch (IOException e) {
      return runs;
    }
    runs.sort(java.util.Comparator.comparing(RefreshJob.RunRecord::startedAt));
    return runs;
  }

  /** Deletes the notes of {@code runs} once they are in ops.refresh_run. */
  void delete(List<RefreshJob.RunRecord> runs) {
    for (RefreshJob.RunRecord r : runs) {
      try {
        fs.delete(new Path(folder, r.runId() + ".properties"), false);
      } catch (IOException e) {
        // Recorded already: a note left behind is copied again by run id, which changes nothing.
      }
    }
  }

  private static RefreshJob.RunRecord record(Properties p) {
    String exit = p.getProperty("exit_code");
    return new RefreshJob.RunRecord(p.getProperty("run_id"), new Timestamp(Long.parseLong(p.getProperty("started_at"))),
        new Timestamp(Long.parseLong(p.getProperty("ended_at"))), p.getProperty("status"),
        exit == null ? null : Integer.valueOf(exit), p.getProperty("lakehouse"), p.getProperty("inputs_folder"), 0, 0,
        0, new LinkedHashMap<>(), 0, 0, 0, new String[] {p.getProperty("warning")}, new LinkedHashMap<>());
  }
}
