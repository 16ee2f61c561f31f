package vn.dvcw.pipelines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text of a SQL model of the repository's {@code models/} tree, which the build ships on the class path under
 * {@code models/}: {@code ModelSql.read("gold/fact_task_progress")} is {@code models/gold/fact_task_progress.sql}.
 * Jobs run model text as it is (values bound as parameters), never SQL assembled in Java.
 */
public final class ModelSql {
  private static final Map<String, String> TEXT = new ConcurrentHashMap<>();

  private ModelSql() {}

  /** The SQL of model {@code name} (a path under {@code models/}, without {@code .sql}); read once per JVM. */
  public static String read(String name) {
    return TEXT.computeIfAbsent(name, ModelSql::load);
  }

  private static String load(String name) {
    String path = "models/" + name + ".sql";
    try (InputStream in = ModelSql.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing SQL model " + path + " on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read SQL model " + path, e);
    }
  }
}
