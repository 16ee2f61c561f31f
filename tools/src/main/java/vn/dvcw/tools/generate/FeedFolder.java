package vn.dvcw.tools.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;

/** The output folder of a run: refusing or clearing it, and the manifest. */
final class FeedFolder {
  private FeedFolder() {}

  /** Writes {@code manifest.json} (keys in a fixed order; see {@link FeedGenerator}). */
  static void writeManifest(Path file, GenerateOptions options, GenerationSummary s) throws IOException {
    StringBuilder b = new StringBuilder(1024);
    b.append("{\n");
    b.append("  \"synthetic\": true,\n");
    b.append("  \"generator\": \"dvcw generate\",\n");
    b.append("  \"format\": 1,\n");
    b.append("  \"seed\": ").append(options.seed()).append(",\n");
    b.append("  \"scale\": ").append(options.scale()).append(",\n");
    b.append("  \"from\": \"").append(options.from()).append("\",\n");
    b.append("  \"to\": \"").append(options.to()).append("\",\n");
    b.append("  \"dossiers\": ").append(s.dossiers()).append(",\n");
    b.append("  \"files\": ").append(s.files()).append(",\n");
    b.append("  \"records\": ").append(s.records()).append(",\n");
    b.append("  \"injected\": {");
    int i = 0;
    for (Map.Entry<String, Long> e : s.injected().entrySet()) {
      b.append(i++ == 0 ? "\n" : ",\n").append("    \"").append(e.getKey()).append("\": ").append(e.getValue());
    }
    b.append("\n  },\n");
    b.append("  \"dossier_records\": ").append(s.dossierRecords()).append(",\n");
    b.append("  \"event_lines\": ").append(s.eventLines()).append(",\n");
    b.append("  \"events\": ").append(s.events()).append(",\n");
    b.append("  \"bytes\": ").append(s.bytes()).append(",\n");
    b.append("  \"parts\": [\"dossiers\", \"events\"],\n");
    b.append("  \"truth\": \"truth/monthly.csv\"\n");
    b.append("}\n");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(b.toString());
    }
  }

  /**
   * Refuses a non-empty folder unless {@code force}; with {@code force}, removes only what a previous
   * run wrote ({@code feed/}, {@code truth/}, {@code manifest.json}, {@code .spill/}) and keeps anything
   * else.
   */
  static void prepare(Path out, boolean force) throws IOException {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException(out + " exists and is not a folder");
    }
    if (Files.isDirectory(out)) {
      boolean empty;
      try (var entries = Files.list(out)) {
        empty = entries.findAny().isEmpty();
      }
      if (!empty && !force) {
        throw new IllegalArgumentException(out + " is not empty; use --force to replace a previous run's output");
      }
      for (String name : List.of("feed", "truth", "manifest.json", ".spill")) {
        deleteTree(out.resolve(name));
      }
    }
    Files.createDirectories(out);
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    Files.walkFileTree(p, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        if (exc != null) {
          throw exc;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
