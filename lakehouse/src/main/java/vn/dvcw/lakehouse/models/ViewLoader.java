package vn.dvcw.lakehouse.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Creates the public views from the {@code .sql} files of the repository's {@code sql/} folder, which
 * the build puts on the class path under {@code sql/}. Each file holds one
 * {@code CREATE OR REPLACE VIEW analytics.<name> AS ...} statement after its header comment.
 *
 * <p>Views may read other views, so files are created in rounds until no more succeed; a view whose
 * inputs do not exist yet (a fresh lakehouse before its first refresh) is reported, not fatal.
 */
public final class ViewLoader {
  private static final Pattern VIEW_NAME =
      Pattern.compile("create\\s+or\\s+replace\\s+view\\s+([a-z_]+\\.[a-z0-9_]+)", Pattern.CASE_INSENSITIVE);

  /** Where the view models are on the class path (the repository's models/analytics/ folder). */
  static final String ROOT = "models/analytics/";

  private final Map<String, String> sqlByFile;

  ViewLoader(Map<String, String> sqlByFile) {
    this.sqlByFile = sqlByFile;
  }

  /** Loads every {@code sql/*.sql} resource from the class path. */
  public static ViewLoader fromClasspath() {
    Map<String, String> files = new LinkedHashMap<>();
    for (String name : listSqlResources()) {
      files.put(name, readResource(ROOT + name));
    }
    return new ViewLoader(files);
  }

  /** The view files, by file name, in name order. */
  public Map<String, String> files() {
    return Collections.unmodifiableMap(sqlByFile);
  }

  /**
   * Each view's one-line description: the text after "name:" on the first comment line of its file
   * ({@code -- analytics.online_rate: Online submission rate per province, ...}).
   */
  public Map<String, String> descriptions() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String sql : sqlByFile.values()) {
      String first = sql.strip().lines().findFirst().orElse("");
      int colon = first.indexOf(':');
      out.put(viewName(sql), first.startsWith("--") && colon > 0 ? first.substring(colon + 1).strip() : "");
    }
    return out;
  }

  /** The view a file defines, e.g. {@code analytics.online_rate}. */
  public static String viewName(String sql) {
    Matcher m = VIEW_NAME.matcher(sql);
    if (!m.find()) {
      throw new IllegalArgumentException("no 'CREATE OR REPLACE VIEW schema.name' statement in view file");
    }
    return m.group(1).toLowerCase();
  }

  /**
   * Creates all views it can.
   *
   * @return which views exist now and, for the others, the error of their last attempt
   */
  public Report createAll(SparkSession spark) {
    Map<String, String> pending = new LinkedHashMap<>(sqlByFile);
    Map<String, String> failures = new LinkedHashMap<>();
    List<String> created = new ArrayList<>();
    boolean progress = true;
    while (!pending.isEmpty() && progress) {
      progress = false;
      for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
        var e = it.next();
        try {
          spark.sql(stripTrailingSemicolon(e.getValue()));
          created.add(viewName(e.getValue()));
          failures.remove(e.getKey());
          it.remove();
          progress = true;
        } catch (Exception ex) { // includes AnalysisException, which Scala throws undeclared
          failures.put(e.getKey(), firstLine(ex.getMessage()));
        }
      }
    }
    return new Report(List.copyOf(created), Map.copyOf(failures));
  }

  /** Views created and files that failed with their first error line. */
  public record Report(List<String> created, Map<String, String> failed) {
    public boolean complete() {
      return failed.isEmpty();
    }
  }

  static String stripTrailingSemicolon(String sql) {
    String s = sql.strip();
    while (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    return s;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static List<String> listSqlResources() {
    URL url = Thread.currentThread().getContextClassLoader().getResource("models/analytics");
    if (url == null) {
      url = ViewLoader.class.getClassLoader().getResource("models/analytics");
    }
    if (url == null) {
      throw new IllegalStateException("no sql/ folder on the class path: the build copies the repository's sql/ there");
    }
    List<String> names = new ArrayList<>();
    try {
      if ("jar".equals(url.getProtocol())) {
        JarURLConnection conn = (JarURLConnection) url.openConnection();
        try (JarFile jar = conn.getJarFile()) {
          for (JarEntry entry : Collections.list(jar.entries())) {
            String n = entry.getName();
            if (n.startsWith(ROOT) && n.endsWith(".sql") && n.indexOf('/', ROOT.length()) < 0) {
              names.add(n.substring(ROOT.length()));
            }
          }
        }
      } else {
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
          files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).forEach(names::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list sql/ resources", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad sql/ resource URL " + url, e);
    }
    Collections.sort(names);
    return names;
  }

  private static String readResource(String path) {
    try (InputStream in = ViewLoader.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
