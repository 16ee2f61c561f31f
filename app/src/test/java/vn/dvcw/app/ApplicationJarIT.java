package vn.dvcw.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The application jar that spark-submit runs on a cluster: a fresh JVM with only the jar plus what a Spark
 * installation provides (Spark, Hadoop, Scala, Delta), the way the README's spark-submit line runs it.
 */
@Tag("spark")
class ApplicationJarIT {
  @Test
  void mainClassRunsFromTheJarWithSparkProvided() throws Exception {
    Path jar = Path.of("target", "dvcw-app.jar").toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "package the jar first: " + jar);
    List<String> provided = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      // Keep only the provided platform: our own classes must come from the jar.
      if (!entry.contains(File.separator + "target" + File.separator) && !entry.contains("icu4j")
          && !entry.contains("xchart") && !entry.contains("picocli")) {
        provided.add(entry);
      }
    }
    Path lakehouse = Files.createTempDirectory("dvcw-jar-lakehouse");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + Path.of("..", "conf", "java17.args").toAbsolutePath(), "-Xmx1g",
        "-cp", jar + File.pathSeparator + String.join(File.pathSeparator, provided),
        "vn.dvcw.app.Main", "sql", "--lakehouse", lakehouse.toString(), "--format", "csv",
        "SELECT province_code('UBND tỉnh Thanh Hoá', DATE'2025-08-09') AS code, "
            + "current_province_code('27', DATE'2025-06-30') AS bac_ninh"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(180, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), "stderr: " + err + "\ncommand: " + Arrays.toString(cmd.toArray()));
    assertEquals("code,bac_ninh\n38,24\n", out.replace("\r", ""));
  }

  /** The synthetic-data tools and DuckDB stay out of what ships to a cluster (they are the tools module's). */
  @Test
  void theJarHoldsNoGeneratorBenchmarkOrDuckDb() throws Exception {
    Path jar = Path.of("target", "dvcw-app.jar").toAbsolutePath();
    List<String> offending = new ArrayList<>();
    try (JarFile j = new JarFile(jar.toFile())) {
      j.stream().map(JarEntry::getName)
          .filter(n -> n.startsWith("vn/dvcw/tools/") || n.startsWith("org/duckdb/") || n.contains("libduckdb")
              || n.endsWith("FastDeflate.class") || n.startsWith("generate/"))
          .forEach(offending::add);
      assertTrue(j.getEntry("vn/dvcw/app/Main.class") != null, "the jar has no main class");
      assertTrue(j.getEntry("models/analytics/online_rate.sql") != null, "the jar has no view models");
    }
    assertEquals(List.of(), offending);
  }
}
