package vn.dvcw.pipelines.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import vn.dvcw.core.documents.DocumentLimits;
import vn.dvcw.pipelines.reconciliation.FindingBaseline;

/**
 * Lists the documents of an inputs folder (local, HDFS or S3, through Hadoop's file system) and reads them one at
 * a time. Inputs are only read, never moved, changed or deleted.
 *
 * <p>What is listed, and why:
 * <ul>
 *   <li>every file, in sub-folders too, whatever its name: a name starting with '_' is a document like any other
 *       (a Spark marker such as {@code _SUCCESS} is then refused as an empty file: visible, harmless);</li>
 *   <li>hidden files and folders (name starting with '.') are not read, and each is listed as refused with the
 *       reason, so nothing is skipped silently; the folder's README.md and the findings acknowledgement file are
 *       the only files passed over without a word: they describe the folder;</li>
 *   <li>symbolic links are followed (a linked folder of documents is read), with loop detection: a link back to a
 *       folder already being read is listed as refused, not followed (a loop once ran 34 minutes into an
 *       OutOfMemoryError); folders nested deeper than {@value #MAX_DEPTH} levels are refused the same way;</li>
 *   <li>a file over the size limit ({@link DocumentLimits#maxDocumentBytes()}) is refused before it is read.</li>
 * </ul>
 */
public final class InputScanner {
  /** Deeper than any real inputs folder; a bound on what a link structure can make the scan walk. */
  static final int MAX_DEPTH = 32;

  private final Configuration hadoop;
  private final DocumentLimits limits;

  public InputScanner(Configuration hadoop, DocumentLimits limits) {
    this.hadoop = hadoop;
    this.limits = limits;
  }

  /** A file that was not read, with the reason. */
  public record Skipped(String path, String reason) {}

  /** A file to read: its full URI, size and modification time (epoch millis). */
  public record Found(String path, long length, long modifiedAt) {}

  /** The files to read, in path order, and the files and folders refused. */
  public record Scan(List<Found> files, List<Skipped> refused) {}

  /**
   * Lists every document file under {@code folder} (recursively).
   *
   * @throws IllegalArgumentException if the folder does not exist
   */
  public Scan scan(String folder) {
    List<Found> files = new ArrayList<>();
    List<Skipped> refused = new ArrayList<>();
    try {
      Path root = new Path(folder);
      FileSystem fs = root.getFileSystem(hadoop);
      if (!fs.exists(root)) {
        throw new IllegalArgumentException("inputs folder does not exist: " + folder);
      }
      if ("file".equals(fs.getScheme())) {
        walkLocal(fs.makeQualified(root), files, refused);
      } else {
        walkHadoop(fs, fs.makeQualified(root), 0, new HashSet<>(), files, refused);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list inputs folder " + folder, e);
    }
    files.sort(Comparator.comparing(Found::path));
    refused.sort(Comparator.comparing(Skipped::path));
    return new Scan(List.copyOf(files), List.copyOf(refused));
  }

  /**
   * Reads one listed file.
   *
   * @throws IOException when it cannot be read (gone, unreadable, a link to nothing)
   * @throws IllegalStateException naming the file and the settings when the heap runs out while reading it
   */
  public byte[] read(Found file) throws IOException {
    Path path = new Path(file.path());
    try (InputStream in = path.getFileSystem(hadoop).open(path)) {
      return in.readAllBytes();
    } catch (OutOfMemoryError e) {
      throw new IllegalStateException("out of memory while reading " + file.path() + " (" + file.length()
          + " bytes): raise the heap (DVCW_DRIVER_MEMORY, default 4g) or lower "
          + DocumentLimits.MAX_DOCUMENT_BYTES_ENV + " (now " + limits.maxDocumentBytes() + " bytes)");
    }
  }

  /** Files the folder keeps for itself: described in the README, never documents, never reported. */
  static boolean isFolderFile(String name) {
    return name.equalsIgnoreCase("README.md") || name.equals(FindingBaseline.FILE_NAME)
        || name.equals(ServiceIndexPeriods.FILE_NAME);
  }

  private void consider(String path, String name, long length, long modifiedAt, List<Found> files,
      List<Skipped> refused) {
    if (isFolderFile(name)) {
      return;
    }
    if (name.startsWith(".")) {
      refused.add(new Skipped(path, "hidden file (name starts with '.'): not read; rename it to load it"));
    } else if (length > limits.maxDocumentBytes()) {
      refused.add(new Skipped(path, "file of " + length + " bytes is larger than the limit of "
          + limits.maxDocumentBytes() + " bytes (" + DocumentLimits.MAX_DOCUMENT_BYTES_ENV + "): not read"));
    } else {
      files.add(new Found(path, length, modifiedAt));
    }
  }

  private static String hiddenFolder() {
    return "hidden folder (name starts with '.'): its files are not read; rename it to load them";
  }

  /**
   * The local disk, walked by java.nio, which follows links and detects loops itself (it compares each folder's
   * file key with those of the folders above it). Paths are written as Hadoop writes them ("file:/...").
   */
  private void walkLocal(Path root, List<Found> files, List<Skipped> refused) throws IOException {
    java.nio.file.Path start = java.nio.file.Path.of(root.toUri());
    Files.walkFileTree(start, EnumSet.of(FileVisitOption.FOLLOW_LINKS), MAX_DEPTH, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(java.nio.file.Path dir, BasicFileAttributes attrs) {
        if (!dir.equals(start) && dir.getFileName().toString().startsWith(".")) {
          refused.add(new Skipped(uri(dir), hiddenFolder()));
          return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(java.nio.file.Path file, BasicFileAttributes attrs) {
        String name = file.getFileName().toString();
        if (attrs.isDirectory()) {
          refused.add(new Skipped(uri(file), "folder nested deeper than " + MAX_DEPTH + " levels: not read"));
        } else if (attrs.isSymbolicLink()) {
          // With FOLLOW_LINKS a link comes here as a link only when it cannot be followed.
          refused.add(new Skipped(uri(file), "symbolic link that leads nowhere (its target is missing or loops): "
              + "not read"));
        } else if (!attrs.isRegularFile()) {
          refused.add(new Skipped(uri(file), "not a regular file (a device, pipe or socket): not read"));
        } else {
          consider(uri(file), name, attrs.size(), attrs.lastModifiedTime().toMillis(), files, refused);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(java.nio.file.Path file, IOException e) {
        if (e instanceof FileSystemLoopException) {
          refused.add(new Skipped(uri(file), "symbolic link loop: this folder leads back to a folder already being "
              + "read; not followed"));
        } else {
          refused.add(new Skipped(uri(file), "cannot be read: " + e.getClass().getSimpleName()
              + (e.getMessage() != null ? " " + e.getMessage() : "")));
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static String uri(java.nio.file.Path p) {
    return new Path("file", null, p.toAbsolutePath().toString()).toString(); // no trailing '/' on a folder
  }

  /** Any other file system: Hadoop's listing, with the resolved folders seen so far as the loop guard. */
  private void walkHadoop(FileSystem fs, Path dir, int depth, Set<String> seen, List<Found> files,
      List<Skipped> refused) throws IOException {
    if (!seen.add(fs.resolvePath(dir).toString())) {
      refused.add(new Skipped(dir.toString(), "symbolic link loop: this folder was already read; not followed"));
      return;
    }
    for (FileStatus st : fs.listStatus(dir)) {
      String name = st.getPath().getName();
      if (st.isDirectory()) {
        if (name.startsWith(".")) {
          refused.add(new Skipped(st.getPath().toString(), hiddenFolder()));
        } else if (depth + 1 >= MAX_DEPTH) {
          refused.add(new Skipped(st.getPath().toString(), "folder nested deeper than " + MAX_DEPTH
              + " levels: not read"));
        } else {
          walkHadoop(fs, st.getPath(), depth + 1, seen, files, refused);
        }
      } else {
        consider(st.getPath().toString(), name, st.getLen(), st.getModificationTime(), files, refused);
      }
    }
  }
}
