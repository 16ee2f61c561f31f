package vn.dvcw.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Opt-in OpenLineage: turns the warehouse's {@code dvcw.lineage.*} settings into the Spark settings of the
 * OpenLineage Spark listener ({@code io.openlineage:openlineage-spark_2.12}), which then emits a run event for every
 * Spark job a command runs, naming the Delta tables it read and wrote. Off unless {@code dvcw.lineage} says where the
 * events go.
 *
 * <p>Settings, each read from a Java system property, else the environment variable in brackets, else the
 * properties file {@code $DVCW_PROPERTIES} (default {@code $DVCW_HOME/conf/dvcw.properties}, if it exists):
 * <ul>
 *   <li>{@code dvcw.lineage} ({@code DVCW_LINEAGE}): {@code off} (default), {@code file}, {@code http} or
 *       {@code console};</li>
 *   <li>{@code dvcw.lineage.file} ({@code DVCW_LINEAGE_FILE}): for {@code file}, the local file the events are
 *       appended to, one JSON event per line;</li>
 *   <li>{@code dvcw.lineage.url} ({@code DVCW_LINEAGE_URL}): for {@code http}, the OpenLineage server, e.g. Marquez
 *       at {@code http://localhost:5000}; {@code dvcw.lineage.endpoint} ({@code DVCW_LINEAGE_ENDPOINT}) its path,
 *       default {@code /api/v1/lineage};</li>
 *   <li>{@code dvcw.lineage.namespace} ({@code DVCW_LINEAGE_NAMESPACE}): the jobs' namespace, default
 *       {@code dvcw}.</li>
 * </ul>
 * The listener's jar is large (32 MB, with its own shaded HTTP, AWS and Jackson classes) and is not on the
 * warehouse's class path by default: the launcher adds it when {@code dvcw.lineage} is on, and under spark-submit
 * pass {@code --packages io.openlineage:openlineage-spark_2.12:}{@value #OPENLINEAGE_VERSION}.
 */
public final class LineageConfig {
  /** The release used and tested: supports Spark 3.5 with Delta 3.3 (it reads Delta 3's initialSnapshot). */
  public static final String OPENLINEAGE_VERSION = "1.37.0";
  /** The listener Spark instantiates from {@code spark.extraListeners}. */
  public static final String LISTENER = "io.openlineage.spark.agent.OpenLineageSparkListener";
  public static final String PROPERTIES_ENV = "DVCW_PROPERTIES";

  /** Where the events go. */
  public enum Transport { OFF, FILE, HTTP, CONSOLE }

  private final Transport transport;
  private final String file;
  private final String url;
  private final String endpoint;
  private final String namespace;

  private LineageConfig(Transport transport, String file, String url, String endpoint, String namespace) {
    this.transport = transport;
    this.file = file;
    this.url = url;
    this.endpoint = endpoint;
    this.namespace = namespace;
  }

  /** The settings of this process: system properties, then the environment, then the properties file. */
  public static LineageConfig fromEnvironment() {
    Map<String, String> env = System.getenv();
    Properties file = propertiesFile(env);
    Map<String, String> settings = new LinkedHashMap<>();
    for (String key : new String[] {"dvcw.lineage", "dvcw.lineage.file", "dvcw.lineage.url", "dvcw.lineage.endpoint",
        "dvcw.lineage.namespace"}) {
      String value = System.getProperty(key);
      if (value == null) {
        value = env.get(key.toUpperCase(Locale.ROOT).replace('.', '_'));
      }
      if (value == null) {
        value = file.getProperty(key);
      }
      if (value != null && !value.isBlank()) {
        settings.put(key, value.strip());
      }
    }
    return of(settings);
  }

  /**
   * The config of explicit settings (keys {@code dvcw.lineage}, {@code dvcw.lineage.file}, …).
   *
   * @throws IllegalArgumentException for an unknown transport, or a transport without its destination
   */
  public static LineageConfig of(Map<String, String> settings) {
    String kind = settings.getOrDefault("dvcw.lineage", "off").toUpperCase(Locale.ROOT);
    Transport transport;
    try {
      transport = Transport.valueOf(kind);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("dvcw.lineage must be off, file, http or console, not '"
          + settings.get("dvcw.lineage") + "'");
    }
    String file = settings.get("dvcw.lineage.file");
    String url = settings.get("dvcw.lineage.url");
    if (transport == Transport.FILE && file == null) {
      throw new IllegalArgumentException("dvcw.lineage=file needs dvcw.lineage.file (DVCW_LINEAGE_FILE): the file "
          + "the events are appended to");
    }
    if (transport == Transport.HTTP && url == null) {
      throw new IllegalArgumentException("dvcw.lineage=http needs dvcw.lineage.url (DVCW_LINEAGE_URL), e.g. "
          + "http://localhost:5000 for Marquez");
    }
    return new LineageConfig(transport, file, url, settings.getOrDefault("dvcw.lineage.endpoint", "/api/v1/lineage"),
        settings.getOrDefault("dvcw.lineage.namespace", "dvcw"));
  }

  public boolean enabled() {
    return transport != Transport.OFF;
  }

  public Transport transport() {
    return transport;
  }

  /** The file events are appended to ({@code file} transport), else null. */
  public String file() {
    return file;
  }

  /** The server's URL plus endpoint ({@code http} transport), else null. */
  public String httpTarget() {
    return url == null ? null : url.replaceAll("/+$", "") + "/" + endpoint.replaceAll("^/+", "");
  }

  /** The namespace of the warehouse's jobs. */
  public String namespace() {
    return namespace;
  }

  /**
   * The Spark settings that register and configure the listener; none when off. {@code existingListeners} (the
   * {@code spark.extraListeners} already set, e.g. by spark-submit; may be empty) are kept before it.
   *
   * @throws IllegalStateException when lineage is on but the listener is not on the class path (with what to add)
   */
  public Map<String, String> sparkConf(String existingListeners) {
    Map<String, String> conf = new LinkedHashMap<>();
    if (!enabled()) {
      return conf;
    }
    requireListener();
    String listeners = existingListeners == null || existingListeners.isBlank() ? LISTENER
        : existingListeners.contains(LISTENER) ? existingListeners : existingListeners + "," + LISTENER;
    conf.put("spark.extraListeners", listeners);
    conf.put("spark.openlineage.namespace", namespace);
    conf.put("spark.openlineage.transport.type", transport.name().toLowerCase(Locale.ROOT));
    switch (transport) {
      case FILE -> conf.put("spark.openlineage.transport.location", file);
      case HTTP -> {
        conf.put("spark.openlineage.transport.url", url);
        conf.put("spark.openlineage.transport.endpoint", endpoint);
      }
      default -> { } // console: the events go to the driver's log
    }
    return conf;
  }

  private static void requireListener() {
    try {
      Class.forName(LISTENER, false, LineageConfig.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("dvcw.lineage is on but the OpenLineage listener is not on the class path: "
          + "add io.openlineage:openlineage-spark_2.12:" + OPENLINEAGE_VERSION + " (./dvcw adds it when "
          + "DVCW_LINEAGE is set; spark-submit: --packages)");
    }
  }

  private static Properties propertiesFile(Map<String, String> env) {
    Properties p = new Properties();
    Path path = env.get(PROPERTIES_ENV) != null ? Path.of(env.get(PROPERTIES_ENV))
        : env.get(LakehouseLocation.HOME_ENV) != null ? Path.of(env.get(LakehouseLocation.HOME_ENV), "conf",
            "dvcw.properties") : null;
    if (path == null || !Files.isRegularFile(path)) {
      if (env.get(PROPERTIES_ENV) != null) {
        throw new IllegalArgumentException(PROPERTIES_ENV + " names no file: " + path);
      }
      return p;
    }
    try (InputStream in = Files.newInputStream(path)) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
