package vn.dvcw.storage.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Makes the lakehouse's Delta tables visible under stable names ({@code layer.table}) in a session.
 *
 * <p>Every folder {@code <lakehouse>/<layer>/<table>} holding a {@code _delta_log} is registered as an
 * external table, whether or not {@link WarehouseTables} lists it, so tables written by newer jobs
 * show up too. Registration reads only the folder listing; Delta reads the log lazily on first use.
 */
public final class CatalogRegistrar {
  private final SparkSession spark;
  private final String lakehouse;

  public CatalogRegistrar(SparkSession spark, String lakehouse) {
    this.spark = spark;
    this.lakehouse = lakehouse;
  }

  /** Creates every schema and registers every Delta table found. Returns the qualified names registered. */
  public List<String> registerAll() {
    List<String> registered = new ArrayList<>();
    for (Layer layer : Layer.values()) {
      spark.sql("CREATE DATABASE IF NOT EXISTS " + layer.schema());
      if (layer == Layer.ANALYTICS) {
        continue;
      }
      for (String table : deltaTablesIn(layer)) {
        register(layer.schema() + "." + table, lakehouse + "/" + layer.schema() + "/" + table);
        registered.add(layer.schema() + "." + table);
      }
    }
    return registered;
  }

  /**
   * Creates every schema and registers those of {@code qualifiedNames} ({@code schema.table}) that are Delta tables
   * of the lakehouse; other names (views, aliases, absent tables) are passed over. Returns the names registered.
   */
  public List<String> registerPresent(java.util.Collection<String> qualifiedNames) {
    for (Layer layer : Layer.values()) {
      spark.sql("CREATE DATABASE IF NOT EXISTS " + layer.schema());
    }
    List<String> registered = new ArrayList<>();
    for (String name : qualifiedNames) {
      int dot = name.indexOf('.');
      Layer layer = dot < 0 ? null : java.util.Arrays.stream(Layer.values())
          .filter(l -> l.schema().equals(name.substring(0, dot))).findFirst().orElse(null);
      if (layer == null || layer == Layer.ANALYTICS) {
        continue;
      }
      String path = lakehouse + "/" + layer.schema() + "/" + name.substring(dot + 1);
      if (isDeltaTable(path)) {
        register(name, path);
        registered.add(name);
      }
    }
    return registered;
  }

  private boolean isDeltaTable(String path) {
    try {
      Path log = new Path(path, "_delta_log");
      return log.getFileSystem(hadoopConf()).exists(log);
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /** Registers one table (after a job created it) so the session sees it at once. */
  public void register(TableSpec spec) {
    spark.sql("CREATE DATABASE IF NOT EXISTS " + spec.layer().schema());
    register(spec.qualifiedName(), spec.path(lakehouse));
  }

  private void register(String qualifiedName, String path) {
    if (spark.catalog().tableExists(qualifiedName)) {
      return;
    }
    spark.sql("CREATE TABLE IF NOT EXISTS " + qualifiedName + " USING delta LOCATION '" + path.replace("'", "\\'") + "'");
  }

  private List<String> deltaTablesIn(Layer layer) {
    List<String> names = new ArrayList<>();
    try {
      Path dir = new Path(lakehouse + "/" + layer.schema());
      FileSystem fs = dir.getFileSystem(hadoopConf());
      if (!fs.exists(dir)) {
        return names;
      }
      for (FileStatus st : fs.listStatus(dir)) {
        if (st.isDirectory() && fs.exists(new Path(st.getPath(), "_delta_log"))) {
          names.add(st.getPath().getName());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list lakehouse folder " + lakehouse + "/" + layer.schema(), e);
    }
    names.sort(String::compareTo);
    return names;
  }

  private Configuration hadoopConf() {
    return spark.sparkContext().hadoopConfiguration();
  }
}
