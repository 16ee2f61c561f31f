package vn.dvcw.storage.write;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import vn.dvcw.storage.catalog.TableSpec;

/**
 * What a table's last write was made from, so that writing the same thing again into the table as that write left
 * it is skipped without a Spark job: the re-run of a refresh on unchanged inputs costs a digest and two file checks
 * per table, not a comparison job per table.
 *
 * <p>One small file per table, {@code <lakehouse>/_memo/<schema.table>.properties}: the digest of the write's input
 * ({@link Digest}), the Delta version the write left, and the length and modification time of that version's commit
 * file. A memo holds only while the table's log still ends at that very commit: any later commit (the next refresh,
 * an operator's UPDATE, a RESTORE, a rebuild that cleared the table) or a rewritten commit file makes it stale. Only
 * writes whose repetition changes nothing use it (merge modes: {@code UPSERT}, {@code REPLACE}, {@code INSERT_NEW});
 * an appending write never does. The memo is a cache of facts the log can confirm: a missing, unreadable or stale
 * one costs the write it would have saved, never a wrong table.
 *
 * <p>Named memos ({@link #holds(String, String)}) are the same without a table: a derivation that leaves no table
 * (the views of a session) records what it was made from.
 */
public final class WriteMemo {
  private static final String FOLDER = "/_memo";

  private final Configuration conf;
  private final String lakehouse;

  public WriteMemo(Configuration conf, String lakehouse) {
    this.conf = conf;
    this.lakehouse = lakehouse;
  }

  /** The version {@code spec} is at when its last write was made from {@code digest} and nothing wrote since; else -1. */
  public long unchanged(TableSpec spec, String digest) {
    Properties memo = read(spec.qualifiedName());
    if (memo == null || !digest.equals(memo.getProperty("digest"))) {
      return -1;
    }
    try {
      long version = Long.parseLong(memo.getProperty("version", "-1"));
      FileStatus commit = status(commitFile(spec, version));
      boolean same = commit != null
          && String.valueOf(commit.getLen()).equals(memo.getProperty("commit_length"))
          && String.valueOf(commit.getModificationTime()).equals(memo.getProperty("commit_modified"))
          && status(commitFile(spec, version + 1)) == null;
      return same ? version : -1;
    } catch (NumberFormatException broken) {
      return -1;
    }
  }

  /** Records that {@code spec} at {@code version} is what writing the input of {@code digest} left. */
  public void record(TableSpec spec, String digest, long version) {
    FileStatus commit = status(commitFile(spec, version));
    if (commit == null) {
      forget(spec.qualifiedName()); // nothing the log can confirm later
      return;
    }
    Properties memo = new Properties();
    memo.setProperty("digest", digest);
    memo.setProperty("version", String.valueOf(version));
    memo.setProperty("commit_length", String.valueOf(commit.getLen()));
    memo.setProperty("commit_modified", String.valueOf(commit.getModificationTime()));
    write(spec.qualifiedName(), memo);
  }

  /** Version {@code version} of the table at {@code tablePath} with its commit file's length and modification time, or "absent". */
  String commitOf(String tablePath, long version) {
    FileStatus commit = version < 0 ? null : status(commitFile(tablePath, version));
    return commit == null ? "absent" : version + "/" + commit.getLen() + "/" + commit.getModificationTime();
  }

  /** True when the named derivation was last made from {@code digest}. */
  public boolean holds(String name, String digest) {
    Properties memo = read(name);
    return memo != null && digest.equals(memo.getProperty("digest"));
  }

  /** Records that the named derivation was made from {@code digest}. */
  public void record(String name, String digest) {
    Properties memo = new Properties();
    memo.setProperty("digest", digest);
    write(name, memo);
  }

  /** Drops the memo of {@code name}: its next derivation runs in full. */
  public void forget(String name) {
    Path p = memoFile(name);
    try {
      p.getFileSystem(conf).delete(p, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + p, e);
    }
  }

  private Properties read(String name) {
    Path p = memoFile(name);
    try (InputStream in = p.getFileSystem(conf).open(p)) {
      Properties memo = new Properties();
      memo.load(in);
      return memo;
    } catch (FileNotFoundException absent) {
      return null;
    } catch (IOException | IllegalArgumentException unreadable) {
      return null; // a memo half-written by a killed run: as if absent
    }
  }

  private void write(String name, Properties memo) {
    Path p = memoFile(name);
    try (OutputStream out = p.getFileSystem(conf).create(p, true)) {
      memo.store(out, "dvcw write memo: what " + name + " was last made from (safe to delete)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + p, e);
    }
  }

  private FileStatus status(Path p) {
    try {
      return p.getFileSystem(conf).getFileStatus(p);
    } catch (FileNotFoundException absent) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }

  private Path commitFile(TableSpec spec, long version) {
    return commitFile(spec.path(lakehouse), version);
  }

  private static Path commitFile(String tablePath, long version) {
    return new Path(tablePath + "/_delta_log", String.format("%020d.json", version));
  }

  private Path memoFile(String name) {
    return new Path(lakehouse + FOLDER, name + ".properties");
  }
}
