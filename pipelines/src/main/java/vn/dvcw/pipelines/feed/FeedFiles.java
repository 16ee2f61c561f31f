package vn.dvcw.pipelines.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import vn.dvcw.core.feed.FeedFile;

/**
 * Which feed files to load: every feed file under the folder that bronze.feed_file has not loaded yet. A file is
 * known by path and checksum: an untouched file (same path, size and modification time as when loaded) is skipped
 * without reading it; otherwise its SHA-256 decides. The same bytes under another path are recorded as a
 * duplicate and not loaded again; new bytes under a known path (a file re-sent with more records) are loaded,
 * and the records it repeats change nothing downstream (records and events are de-duplicated).
 *
 * <p>A file whose load started and did not finish (status 'loading', a crash) is loaded again, and so is one whose
 * read was interrupted (status 'interrupted': it disappeared or changed while being read) if it is there again.
 *
 * <p>A file that cannot be hashed (it disappeared since the listing, or cannot be opened) is still planned, under
 * an id made from its path, size and time instead of its bytes: the reader then fails to open it too and says so
 * in the quarantine, instead of the whole run failing.
 */
public final class FeedFiles {
  private final Configuration hadoop;

  public FeedFiles(Configuration hadoop) {
    this.hadoop = hadoop;
  }

  /** What bronze.feed_file says about a file already seen. */
  public record Known(String path, String sha256, long size, long modifiedAt, String status) {}

  /** A file on disk. */
  public record Listed(String path, long size, long modifiedAt) {}

  /** The files to load, those recorded as duplicates of loaded ones, and how many were skipped as loaded. */
  public record Plan(List<FeedFile> load, List<FeedFile> retried, Map<FeedFile, String> duplicates, int unchanged) {}

  /** Every feed file under {@code folder}, recursively, in path order. */
  public List<Listed> list(String folder) {
    List<Listed> out = new ArrayList<>();
    try {
      Path root = new Path(folder);
      FileSystem fs = root.getFileSystem(hadoop);
      if (!fs.isDirectory(root)) {
        throw new IllegalArgumentException("feed folder not found: " + folder + " (pass --feed DIR)");
      }
      collect(fs, root, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the feed folder " + folder, e);
    }
    out.sort(Comparator.comparing(Listed::path));
    return out;
  }

  private static void collect(FileSystem fs, Path dir, List<Listed> out) throws IOException {
    for (FileStatus st : fs.listStatus(dir)) {
      String name = st.getPath().getName();
      if (st.isDirectory()) {
        if (!name.startsWith(".") && !name.startsWith("_")) {
          collect(fs, st.getPath(), out);
        }
      } else if (FeedFile.isFeedName(name)) {
        out.add(new Listed(st.getPath().toString(), st.getLen(), st.getModificationTime()));
      }
    }
  }

  /** Decides, for each listed file, whether to load it, given what bronze.feed_file knows. */
  public Plan plan(List<Listed> listed, List<Known> known) {
    List<FeedFile> load = new ArrayList<>();
    List<FeedFile> retried = new ArrayList<>();
    Map<FeedFile, String> duplicates = new java.util.LinkedHashMap<>();
    Map<String, Known> loadedBySha = new java.util.HashMap<>();
    Map<String, Known> byPathSha = new java.util.HashMap<>();
    Map<String, Known> byPathUnchanged = new java.util.HashMap<>();
    for (Known k : known) {
      byPathSha.put(k.path() + "\u0000" + k.sha256(), k);
      if (!isRetried(k)) {
        byPathUnchanged.put(k.path() + "\u0000" + k.size() + "\u0000" + k.modifiedAt(), k);
      }
      if (k.status().equals("loaded")) {
        loadedBySha.putIfAbsent(k.sha256(), k);
      }
    }
    int unchanged = 0;
    java.util.Set<String> planned = new java.util.HashSet<>();
    for (Listed f : listed) {
      if (byPathUnchanged.containsKey(f.path() + "\u0000" + f.size() + "\u0000" + f.modifiedAt())) {
        unchanged++;
        continue;
      }
      String sha = sha256(f);
      FeedFile file = new FeedFile(sha, f.path(), f.size(), new Timestamp(f.modifiedAt()));
      Known same = byPathSha.get(f.path() + "\u0000" + sha);
      if (same != null && !isRetried(same)) {
        unchanged++;
      } else if (loadedBySha.containsKey(sha) || !planned.add(sha)) {
        duplicates.put(file, loadedBySha.containsKey(sha) ? loadedBySha.get(sha).path() : "a file of this run");
      } else if (same != null) {
        retried.add(file);
        load.add(file);
      } else {
        load.add(file);
      }
    }
    return new Plan(load, retried, duplicates, unchanged);
  }

  /** Whether a file in this state is read again when listed: its load or its read did not complete. */
  private static boolean isRetried(Known k) {
    return k.status().equals("loading") || k.status().equals("interrupted");
  }

  /** The file's SHA-256 (its id); for a file that cannot be read, one of its path, size and time (see above). */
  private String sha256(Listed f) {
    try {
      Path p = new Path(f.path());
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(p.getFileSystem(hadoop).open(p), md)) {
        byte[] buf = new byte[1 << 16];
        while (in.read(buf) >= 0) {
          // reading feeds the digest
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      try {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(("unreadable\u0000" + f.path() + "\u0000" + f.size() + "\u0000" + f.modifiedAt())
            .getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest());
      } catch (NoSuchAlgorithmException impossible) {
        throw new IllegalStateException(impossible);
      }
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
