package vn.dvcw.tools.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dvcw.app.CliTestBase;

/** {@code dvcw generate} on the command line: progress per month, a summary line, exit codes. */
class GenerateCommandTest extends CliTestBase {
  @TempDir Path tmp;

  @Test
  void generatesPrintsProgressAndRefusesToOverwrite() throws Exception {
    Path dir = tmp.resolve("feed");
    assertEquals(0, run("generate", "--from", "2025-06-29", "--to", "2025-07-02", "--scale", "0.0005", "--seed", "42",
        "--out", dir.toString()), err);
    assertTrue(out.contains("2025-06  dossiers"), out);
    assertTrue(out.contains("2025-07  dossiers"), out);
    assertTrue(out.matches("(?s).*generated [\\d,]+ dossiers: 8 files, [\\d,]+ records, [\\d,]+ bytes in .*"), out);
    assertTrue(Files.exists(dir.resolve("manifest.json")));
    assertEquals(2, run("generate", "--from", "2025-06-29", "--to", "2025-07-02", "--out", dir.toString()));
    assertTrue(err.contains("--force"), err);
    assertEquals(0, run("generate", "--from", "2025-07-01", "--to", "2025-07-01", "--out", dir.toString(), "--force"));
    assertEquals(2, run("generate", "--from", "2025-07-02", "--to", "2025-07-01", "--out", tmp.resolve("x").toString()));
    assertEquals(2, run("generate", "--from", "2023-12-31", "--to", "2024-01-02", "--out", tmp.resolve("y").toString()));
    assertEquals(2, run("generate", "--from", "2025-07-01", "--to", "2025-07-02", "--scale", "0",
        "--out", tmp.resolve("z").toString()));
  }
}
