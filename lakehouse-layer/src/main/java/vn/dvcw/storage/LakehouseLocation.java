package vn.dvcw.storage;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the lakehouse is, decided in one place for the command line, the notebooks and the jobs: the URI given
 * explicitly (an option), else {@code $DVCW_LAKEHOUSE}, else the {@code lakehouse} folder of the checkout dvcw
 * runs from ({@code $DVCW_HOME}), else {@code ./lakehouse}. Any Hadoop URI works ({@code hdfs://}, {@code s3a://}).
 */
public final class LakehouseLocation {
  /** Environment variable naming the lakehouse root. */
  public static final String ENV = "DVCW_LAKEHOUSE";
  /** Environment variable the launcher sets to the checkout's folder. */
  public static final String HOME_ENV = "DVCW_HOME";

  private LakehouseLocation() {}

  /** The lakehouse root: {@code explicit} when given, else the default. */
  public static String resolve(String explicit) {
    return explicit != null && !explicit.isBlank() ? explicit.trim() : resolve();
  }

  /** The default lakehouse root: {@code $DVCW_LAKEHOUSE}, else {@code $DVCW_HOME/lakehouse}, else {@code ./lakehouse}. */
  public static String resolve() {
    return resolve(System.getenv());
  }

  /** The default lakehouse root for the environment variables {@code env}. */
  public static String resolve(Map<String, String> env) {
    String explicit = env.get(ENV);
    if (explicit != null && !explicit.isBlank()) {
      return explicit.trim();
    }
    String home = env.get(HOME_ENV);
    Path folder = home != null && !home.isBlank() ? Path.of(home.trim(), "lakehouse") : Path.of("lakehouse");
    return folder.toAbsolutePath().normalize().toString();
  }
}
