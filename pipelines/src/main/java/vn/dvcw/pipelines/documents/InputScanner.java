package vn.dvcw.pipelines.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import vn.dvcw.pipelines.reconciliation.FindingBaseline;

/**
 * Lists and reads the documents of an inputs folder (local, HDFS or S3, through Hadoop's file system).
 * Inputs are only read, never moved, changed or deleted. Hidden files, README files and the findings
 * acknowledgement file are not documents.
 */
public final class InputScanner {
  /** Files larger than this are not documents the warehouse knows (the seeds are under 50 KB). */
  static final long MAX_BYTES = 20L * 1024 * 1024;

  private final Configuration hadoop;

  public InputScanner(Configuration hadoop) {
    this.hadoop = hadoop;
  }

  /** A file that was not read, with the reason. */
  public record Skipped(String path, String reason) {}

  /** The documents read, in path order, and the files refused. */
  public record Scan(List<InputFile> files, List<Skipped> refused) {}

  /**
   * Reads every document file under {@code folder} (recursively).
   *
   * @throws IllegalArgumentException if the folder does not exist
   */
  public Scan scan(String folder) {
    List<InputFile> files = new ArrayList<>();
    List<Skipped> refused = new ArrayList<>();
    try {
      Path root = new Path(folder);
      FileSystem fs = root.getFileSystem(hadoop);
      if (!fs.exists(root)) {
        throw new IllegalArgumentException("inputs folder does not exist: " + folder);
      }
      List<FileStatus> all = new ArrayList<>();
      collect(fs, root, all);
      all.sort(Comparator.comparing(s -> s.getPath().toString()));
      for (FileStatus st : all) {
        String name = st.getPath().getName();
        if (isNotADocument(name)) {
          continue;
        }
        if (st.getLen() > MAX_BYTES) {
          refused.add(new Skipped(st.getPath().toString(), "file larger than " + MAX_BYTES + " bytes"));
          continue;
        }
        try (InputStream in = fs.open(st.getPath())) {
          files.add(new InputFile(st.getPath().toString(), in.readAllBytes(), st.getModificationTime()));
        } catch (IOException e) {
          refused.add(new Skipped(st.getPath().toString(), "cannot be read: " + e.getMessage()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list inputs folder " + folder, e);
    }
    return new Scan(files, refused);
  }

  static boolean isNotADocument(String name) {
    return name.startsWith(".") || name.startsWith("_") || name.equalsIgnoreCase("README.md")
        || name.equals(FindingBaseline.FILE_NAME);
  }

  private static void collect(FileSystem fs, Path dir, List<FileStatus> out) throws IOException {
    for (FileStatus st : fs.listStatus(dir)) {
      if (st.isDirectory()) {
        if (!st.getPath().getName().startsWith(".")) {
          collect(fs, st.getPath(), out);
        }
      } else {
        out.add(st);
      }
    }
  }
}
