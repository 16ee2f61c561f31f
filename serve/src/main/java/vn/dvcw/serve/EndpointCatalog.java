package vn.dvcw.serve;

import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import vn.dvcw.storage.catalog.Layer;

/**
 * What the endpoint shows: the {@code ref}, {@code gold} and {@code analytics} schemas whole, and from {@code silver}
 * and {@code ops} only the tables without personal data. {@code bronze} (raw documents and the raw dossier feed),
 * {@code silver.dossier} and {@code silver.dossier_event} (pseudonymised applicants and handlers), {@code ops.quarantine}
 * (raw input lines, feed messages included) and {@code ops.operator_write} (statement texts) are not even named:
 * their names are removed from the endpoint's catalog (the tables are external, so only the names go) and a
 * {@code delta.`path`} read of their folders is refused.
 */
final class EndpointCatalog {
  static final Set<String> SHOWN_LAYERS = Set.of("ref", "gold", "analytics");
  static final List<String> SHOWN_TABLES = List.of("silver.document_version", "silver.report_observation",
      "silver.steering_task", "silver.commune_obstacle", "ops.refresh_run",
      // the shared views the public views read (over the silver tables above)
      "silver.current_document", "silver.current_observation_row");

  private EndpointCatalog() {}

  /** The lakehouse folders a {@code delta.`path`} may read: the shown layers and tables ("gold", "ops/refresh_run"). */
  static Set<String> readableFolders() {
    java.util.Set<String> folders = new java.util.HashSet<>(SHOWN_LAYERS);
    SHOWN_TABLES.forEach(t -> folders.add(t.replace('.', '/')));
    return Set.copyOf(folders);
  }

  /** Removes from the session's catalog every name the endpoint does not show. */
  static void hideTheRest(SparkSession spark) {
    for (Layer layer : Layer.values()) {
      String schema = layer.schema();
      if (SHOWN_LAYERS.contains(schema)) {
        continue;
      }
      boolean partlyShown = SHOWN_TABLES.stream().anyMatch(t -> t.startsWith(schema + "."));
      if (!partlyShown) {
        spark.sql("DROP DATABASE IF EXISTS " + schema + " CASCADE");
        continue;
      }
      if (!spark.catalog().databaseExists(schema)) {
        continue;
      }
      // A view not listed goes too: a new view in these schemas is shown only once it is known to read shown tables.
      java.util.Set<String> views = new java.util.HashSet<>();
      for (var row : spark.sql("SHOW VIEWS IN " + schema).where("NOT isTemporary").collectAsList()) {
        views.add(schema + "." + row.getString(row.fieldIndex("viewName")));
      }
      for (var row : spark.sql("SHOW TABLES IN " + schema).where("NOT isTemporary").collectAsList()) {
        String name = schema + "." + row.getString(row.fieldIndex("tableName"));
        if (!SHOWN_TABLES.contains(name)) {
          spark.sql((views.contains(name) ? "DROP VIEW IF EXISTS " : "DROP TABLE IF EXISTS ") + name);
        }
      }
    }
  }
}
