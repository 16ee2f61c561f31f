package vn.dvcw.storage.models;

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
import java.util.stream.Stream;

/**
 * The files of the repository's {@code models/} tree, which the lakehouse build puts on the class path under
 * {@code models/}: {@code <layer>/<name>.sql} and the contract {@code <layer>/<name>.yml} beside it.
 * Paths are relative to {@code models/} ({@code analytics/online_rate.sql}), in name order.
 */
final class ModelFiles {
  static final String ROOT = "models/";

  private ModelFiles() {}

  /** Every file under models/ whose name ends with {@code suffix}, by relative path, with its text. */
  static Map<String, String> read(String suffix) {
    Map<String, String> files = new LinkedHashMap<>();
    for (String path : list(suffix)) {
      files.put(path, readResource(ROOT + path));
    }
    return files;
  }

  /** {@code analytics/online_rate.sql} is model {@code analytics.online_rate}: the folder is the schema. */
  static String modelName(String relativePath) {
    int slash = relativePath.lastIndexOf('/');
    int dot = relativePath.lastIndexOf('.');
    if (slash <= 0 || dot < slash || relativePath.indexOf('/') != slash) {
      throw new IllegalArgumentException("model files are models/<schema>/<name>.<ext>, not " + relativePath);
    }
    return relativePath.substring(0, slash) + "." + relativePath.substring(slash + 1, dot);
  }

  /**
   * The files of the first {@code models/} folder on the class path that has any with {@code suffix}. Other jars
   * have a {@code models/} folder too (the AWS SDK bundle that S3 needs: its service models, JSON), and on a
   * cluster they come before the application jar, so the first {@code models/} found is not always ours.
   */
  private static List<String> list(String suffix) {
    for (URL url : resources("models")) {
      List<String> names = list(url, suffix);
      if (!names.isEmpty()) {
        return names;
      }
    }
    return List.of();
  }

  private static List<String> list(URL url, String suffix) {
    List<String> names = new ArrayList<>();
    try {
      if ("jar".equals(url.getProtocol())) {
        JarURLConnection conn = (JarURLConnection) url.openConnection();
        try (JarFile jar = conn.getJarFile()) {
          for (JarEntry entry : Collections.list(jar.entries())) {
            String n = entry.getName();
            if (n.startsWith(ROOT) && n.endsWith(suffix)) {
              names.add(n.substring(ROOT.length()));
            }
          }
        }
      } else {
        Path root = Path.of(url.toURI());
        try (Stream<Path> files = Files.walk(root)) {
          files.filter(p -> p.getFileName().toString().endsWith(suffix))
              .map(p -> root.relativize(p).toString().replace('\\', '/')).forEach(names::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the models/ resources", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad models/ resource URL " + url, e);
    }
    Collections.sort(names);
    return names;
  }

  private static List<URL> resources(String path) {
    java.util.Set<URL> urls = new java.util.LinkedHashSet<>();
    try {
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      if (context != null) {
        urls.addAll(Collections.list(context.getResources(path)));
      }
      urls.addAll(Collections.list(ModelFiles.class.getClassLoader().getResources(path)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for the models/ resources", e);
    }
    if (urls.isEmpty()) {
      throw new IllegalStateException("no models/ folder on the class path: the lakehouse build copies the "
          + "repository's models/ tree there");
    }
    return new ArrayList<>(urls);
  }

  private static String readResource(String path) {
    try (InputStream in = ModelFiles.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
