package vn.dvcw.pipelines.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import vn.dvcw.core.documents.ServiceIndexPeriod;
import vn.dvcw.pipelines.QuarantineEntry;

/**
 * The periods a person states for 766 export sheets that do not say theirs ("Sở Ban", "Xã Phường"): every
 * {@value #FILE_NAME} in the inputs folder or below it, one line per sheet, tab-separated: the file's name, the
 * sheet's name, the period ("year 2025", "quarter 3/2025", "month 10/2025") and the evidence for it. A line that
 * cannot be read is quarantined with its line number; the others apply.
 */
final class ServiceIndexPeriods {
  static final String FILE_NAME = "service-index-periods.tsv";

  private final Map<String, ServiceIndexPeriod> bySheet;
  final List<QuarantineEntry> problems;

  private ServiceIndexPeriods(Map<String, ServiceIndexPeriod> bySheet, List<QuarantineEntry> problems) {
    this.bySheet = bySheet;
    this.problems = problems;
  }

  static ServiceIndexPeriods none() {
    return new ServiceIndexPeriods(Map.of(), List.of());
  }

  /** Reads every periods file under {@code inputs}. */
  static ServiceIndexPeriods read(Configuration hadoop, String inputs) {
    Map<String, ServiceIndexPeriod> bySheet = new HashMap<>();
    List<QuarantineEntry> problems = new ArrayList<>();
    try {
      Path root = new Path(inputs);
      FileSystem fs = root.getFileSystem(hadoop);
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
      while (files.hasNext()) {
        LocatedFileStatus f = files.next();
        if (!f.getPath().getName().equals(FILE_NAME)) {
          continue;
        }
        try (InputStream in = fs.open(f.getPath())) {
          parse(f.getPath().toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8), bySheet, problems);
        }
      }
    } catch (IOException e) {
      problems.add(QuarantineEntry.of("file", inputs + "/" + FILE_NAME, null, null, null, null,
          "cannot be read: " + e.getMessage()));
    }
    return new ServiceIndexPeriods(bySheet, problems);
  }

  static void parse(String path, String text, Map<String, ServiceIndexPeriod> bySheet,
      List<QuarantineEntry> problems) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = lines[i].split("\t", -1);
      ServiceIndexPeriod period = f.length >= 3 ? ServiceIndexPeriod.parse(f[2]) : null;
      if (period == null || f[0].isBlank() || f[1].isBlank()) {
        problems.add(QuarantineEntry.of("file", path, null, null, i + 1, lines[i],
            "not a period line: write file, sheet, period (year 2025, quarter 3/2025 or month 10/2025) and "
                + "evidence, tab-separated"));
        continue;
      }
      bySheet.put(key(f[0].strip(), f[1].strip()), period);
    }
  }

  /** The period stated for a sheet of a file (by its name), or null. */
  ServiceIndexPeriod of(String fileName, String sheet) {
    return bySheet.get(key(fileName, sheet));
  }

  private static String key(String fileName, String sheet) {
    return fileName + "\t" + sheet;
  }
}
