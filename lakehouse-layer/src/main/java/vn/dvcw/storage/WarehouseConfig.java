package vn.dvcw.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the lakehouse lives and how Spark runs. Immutable; build with {@link #builder()}.
 *
 * <p>The lakehouse is any Hadoop-compatible URI: a local folder (the default {@code ./lakehouse}),
 * {@code hdfs://...} or {@code s3a://...}. The Spark master defaults to embedded {@code local[*]}, unless
 * the job runs under spark-submit, which sets {@code spark.master} itself.
 */
public final class WarehouseConfig {
  private final String lakehouse;
  private final String master;
  private final String appName;
  private final Map<String, String> sparkConf;
  private final boolean views;

  private WarehouseConfig(Builder b) {
    this.lakehouse = stripTrailingSlash(b.lakehouse);
    this.master = b.master;
    this.appName = b.appName;
    this.sparkConf = Map.copyOf(b.sparkConf);
    this.views = b.views;
  }

  /** The lakehouse root URI without a trailing slash. */
  public String lakehouse() {
    return lakehouse;
  }

  /** The Spark master, or null to keep whatever spark-submit or the environment set. */
  public String master() {
    return master;
  }

  public String appName() {
    return appName;
  }

  /** Extra Spark settings, applied after the warehouse defaults. */
  public Map<String, String> sparkConf() {
    return sparkConf;
  }

  /** Whether opening the session creates the views too (queries need them; jobs create them when they end). */
  public boolean views() {
    return views;
  }

  public static Builder builder() {
    return new Builder();
  }

  private static String stripTrailingSlash(String uri) {
    String u = uri.trim();
    while (u.length() > 1 && u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }

  /** Fluent builder; {@link #build()} checks the values. */
  public static final class Builder {
    private String lakehouse = LakehouseLocation.resolve();
    private String master = "local[*]";
    private String appName = "dvc-warehouse";
    private final Map<String, String> sparkConf = new LinkedHashMap<>();
    private boolean views = true;

    public Builder lakehouse(String uri) {
      if (uri != null && !uri.isBlank()) {
        this.lakehouse = uri;
      }
      return this;
    }

    /** A master URL such as {@code local[2]}; null keeps the one spark-submit provides. */
    public Builder master(String master) {
      this.master = master;
      return this;
    }

    public Builder appName(String appName) {
      this.appName = Objects.requireNonNull(appName, "appName");
      return this;
    }

    public Builder sparkConf(String key, String value) {
      sparkConf.put(key, value);
      return this;
    }

    /** False for jobs: the session gets the tables and functions, and the job creates the views when it ends. */
    public Builder views(boolean views) {
      this.views = views;
      return this;
    }

    public WarehouseConfig build() {
      if (lakehouse == null || lakehouse.isBlank()) {
        throw new IllegalArgumentException("lakehouse URI is empty: pass --lakehouse or set " + LakehouseLocation.ENV);
      }
      return new WarehouseConfig(this);
    }
  }
}
