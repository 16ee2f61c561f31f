package vn.dvcw.lakehouse.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The map of every Delta table in the warehouse, by layer. Jobs write only tables listed here, so
 * {@code dvcw tables} can describe each one. Views are not listed: they are the files in {@code sql/}.
 */
public final class WarehouseTables {
  private WarehouseTables() {}

  // ref: reference data
  public static final TableSpec PROVINCE = new TableSpec(Layer.REF, "province", List.of("province_key"),
      "Provinces of both eras: 63 former (to 2025-06-30) and 34 current, with official, DVCQG codes");
  public static final TableSpec PROVINCE_STATUS = new TableSpec(Layer.REF, "province_status",
      List.of("era", "code", "valid_from"), "Name and unit-type history of each province, with dates and sources");
  public static final TableSpec PROVINCE_LINEAGE = new TableSpec(Layer.REF, "province_lineage",
      List.of("former_code"), "Which current province each of the 63 former provinces became (Res. 202/2025/QH15)");
  public static final TableSpec KPI_TARGET = new TableSpec(Layer.REF, "kpi_target", List.of("kpi", "source_doc_id"),
      "KPI thresholds set by directives (online, online payment, overdue, digitised results)");

  public static final TableSpec CALENDAR = new TableSpec(Layer.REF, "calendar", List.of("date"),
      "Vietnam's working days 2024-2026: weekends, public holidays, observed and swapped days, with sources");

  // bronze: raw inputs
  public static final TableSpec DOCUMENT = new TableSpec(Layer.BRONZE, "document", List.of("doc_id"),
      "Every input document as received: content hash, recognised kind, number, issuer, dates, raw text");
  public static final TableSpec DOCUMENT_ROW = new TableSpec(Layer.BRONZE, "document_row",
      List.of("doc_id", "table_id", "row_no"), "Raw table rows of the documents: cells as written, with line numbers");

  public static final TableSpec FEED_FILE = new TableSpec(Layer.BRONZE, "feed_file", List.of("file_path", "sha256"),
      "Dossier-feed files seen: path, checksum, size, arrival, status (loaded, duplicate) and record counts");
  public static final TableSpec FEED_RECORD = new TableSpec(Layer.BRONZE, "feed_record",
      List.of("file_id", "line_no", "item_no"),
      "Every raw DVCQG feed message (dossier records, status events) as received, with file, line and arrival. "
          + "Holds personal data: not for analysts", List.of("ingest_date"));

  // silver: typed and resolved
  public static final TableSpec DOCUMENT_VERSION = new TableSpec(Layer.SILVER, "document_version", List.of("doc_id"),
      "Documents grouped by identity (kind + number); which version is current and which superseded");
  public static final TableSpec REPORT_OBSERVATION = new TableSpec(Layer.SILVER, "report_observation",
      List.of("doc_id", "table_id", "row_no", "level", "measure"),
      "Every number printed in a report table, typed and resolved to a province, with lineage");
  public static final TableSpec STEERING_TASK = new TableSpec(Layer.SILVER, "steering_task",
      List.of("doc_id", "table_id", "row_no"), "Task lists of steering-committee reports: overdue, due and recurring tasks");
  public static final TableSpec COMMUNE_OBSTACLE = new TableSpec(Layer.SILVER, "commune_obstacle",
      List.of("doc_id", "table_id", "row_no"), "Obstacles reported by communes, per province, with communes affected");

  public static final TableSpec DOSSIER = new TableSpec(Layer.SILVER, "dossier", List.of("ma_ho_so"),
      "One row per dossier (MaHoSo), latest state by event time, typed, province resolved for its era; "
          + "personal data pseudonymised", List.of("receipt_month"));
  public static final TableSpec DOSSIER_EVENT = new TableSpec(Layer.SILVER, "dossier_event", List.of("event_id"),
      "Dossier status events (CapNhatTienDoHoSoMC), de-duplicated, by event time; handlers pseudonymised",
      List.of("event_month"));

  // gold: facts
  public static final TableSpec FACT_ONLINE_SUBMISSION = new TableSpec(Layer.GOLD, "fact_online_submission",
      List.of("doc_id", "table_id", "row_no", "level"),
      "Dossiers by channel (direct, online, returned, total) per province, period and level, from reports");
  public static final TableSpec FACT_DOSSIER_RECEIPT = new TableSpec(Layer.GOLD, "fact_dossier_receipt",
      List.of("doc_id", "table_id", "row_no"),
      "Online dossiers received from DVCQG: processed, on time, received late, overdue in processing");
  public static final TableSpec FACT_SERVICE_INTEGRATION = new TableSpec(Layer.GOLD, "fact_service_integration",
      List.of("doc_id", "table_id", "row_no"),
      "Online public services provided on provincial systems and integrated on DVCQG, per snapshot");
  public static final TableSpec FACT_COMMUNE_READINESS = new TableSpec(Layer.GOLD, "fact_commune_readiness",
      List.of("doc_id", "table_id", "row_no", "measure"),
      "Commune readiness per province: green/yellow/red coverage and criteria percentages");
  public static final TableSpec FACT_TASK_PROGRESS = new TableSpec(Layer.GOLD, "fact_task_progress",
      List.of("doc_id", "table_id", "row_no"), "Steering-committee task progress and status per province");
  public static final TableSpec DOSSIER_DAILY = new TableSpec(Layer.GOLD, "dossier_daily",
      List.of("day", "province_key", "level", "channel", "source"),
      "Dossiers per receipt day, province (of its era), level and channel: received, late, finished, on time, "
          + "overdue, paid online, digitised", List.of("month"));
  public static final TableSpec DOSSIER_AS_OF = new TableSpec(Layer.GOLD, "dossier_as_of", List.of("feed"),
      "The time the dossier facts are as of (latest event seen): what 'overdue' and 'finished' are measured at");
  public static final TableSpec RECONCILIATION = new TableSpec(Layer.GOLD, "reconciliation",
      List.of("finding_id"), "Published totals, rates and claims checked against the rows they summarise");

  // ops: runs and quarantine
  public static final TableSpec QUARANTINE = new TableSpec(Layer.OPS, "quarantine", List.of("quarantine_id"),
      "Inputs that could not be loaded: reason, file, table, line and raw text");
  public static final TableSpec REFRESH_RUN = new TableSpec(Layer.OPS, "refresh_run", List.of("run_id"),
      "One row per refresh: times, status, inputs, rows written, findings");

  /** Every table, in layer order. */
  public static final List<TableSpec> ALL = List.of(
      PROVINCE, PROVINCE_STATUS, PROVINCE_LINEAGE, KPI_TARGET, CALENDAR,
      DOCUMENT, DOCUMENT_ROW, FEED_FILE, FEED_RECORD,
      DOCUMENT_VERSION, REPORT_OBSERVATION, STEERING_TASK, COMMUNE_OBSTACLE, DOSSIER, DOSSIER_EVENT,
      FACT_ONLINE_SUBMISSION, FACT_DOSSIER_RECEIPT, FACT_SERVICE_INTEGRATION, FACT_COMMUNE_READINESS,
      FACT_TASK_PROGRESS, DOSSIER_DAILY, DOSSIER_AS_OF, RECONCILIATION,
      QUARANTINE, REFRESH_RUN);

  /** The spec of a schema-qualified table name, if the warehouse defines it. */
  public static Optional<TableSpec> find(String qualifiedName) {
    return ALL.stream().filter(t -> t.qualifiedName().equalsIgnoreCase(qualifiedName)).findFirst();
  }
}
