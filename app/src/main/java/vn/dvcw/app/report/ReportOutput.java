package vn.dvcw.app.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where the report goes, through Hadoop's FileSystem so the lakehouse's reports folder works on HDFS and S3 as
 * on a disk. The file is written beside its target and renamed, so a reader never opens half a report.
 */
public final class ReportOutput {
  private ReportOutput() {}

  public static final String REPORTS_FOLDER = "reports";

  /** {@code <lakehouse>/reports/dvcw-report-<run id>.html}: one file per lakehouse version. */
  public static String defaultTarget(String lakehouse, String runId) {
    return lakehouse.replaceAll("/+$", "") + "/" + REPORTS_FOLDER + "/" + fileName(runId);
  }

  public static String fileName(String runId) {
    return "dvcw-report-" + runId + ".html";
  }

  /**
   * The path --out names: a path without a scheme is local (not the cluster's default file system); an existing
   * folder, or one written with a trailing '/', gets the default file name inside it.
   */
  public static Path resolve(String out, String runId, Configuration conf) throws IOException {
    URI uri = URI.create(out.replace(" ", "%20"));
    Path p = uri.getScheme() == null || uri.getScheme().length() == 1 // a Windows drive letter is no scheme
        ? new Path(java.nio.file.Path.of(out).toAbsolutePath().normalize().toUri())
        : new Path(out);
    FileSystem fs = p.getFileSystem(conf);
    if (out.endsWith("/") || (fs.exists(p) && fs.getFileStatus(p).isDirectory())) {
      return new Path(p, fileName(runId));
    }
    return p;
  }

  public static void write(Path target, String html, Configuration conf) {
    try {
      FileSystem fs = target.getFileSystem(conf);
      if (fs instanceof LocalFileSystem local) {
        fs = local.getRaw(); // no .crc side files next to a report people open by hand
      }
      fs.mkdirs(target.getParent());
      Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
      try (FSDataOutputStream out = fs.create(tmp, true)) {
        out.write(html.getBytes(StandardCharsets.UTF_8));
      }
      if (fs.exists(target)) {
        fs.delete(target, false);
      }
      if (!fs.rename(tmp, target)) {
        throw new IOException("could not rename " + tmp + " to " + target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the report to " + target + ": " + e.getMessage(), e);
    }
  }
}
