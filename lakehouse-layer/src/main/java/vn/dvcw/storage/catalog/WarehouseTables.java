package vn.dvcw.storage.catalog;

import static vn.dvcw.storage.catalog.TableSpec.table;

import java.util.List;
import java.util.Optional;

/**
 * The map of every Delta table in the warehouse, by layer: each one's columns, key, partitioning and write mode,
 * defined here and nowhere else. Jobs write only tables listed here, through
 * {@link vn.dvcw.storage.write.TableWriter}. Views are not listed: they are the models in {@code models/}.
 */
public final class WarehouseTables {
  private WarehouseTables() {}

  // ---- ref: reference data --------------------------------------------------------------------------------

  public static final TableSpec PROVINCE = table(Layer.REF, "province").keys("province_key")
      .columns("province_key STRING, era STRING, code STRING, dvcqg_code STRING, name STRING, name_ascii STRING, "
          + "unit_type STRING, valid_from DATE, valid_to DATE")
      .writtenBy(WriteMode.REPLACE)
      .describedAs("Provinces of both eras: 63 former (to 2025-06-30) and 34 current, with official, DVCQG codes");
  public static final TableSpec PROVINCE_STATUS = table(Layer.REF, "province_status").keys("era", "code", "valid_from")
      .columns("era STRING, code STRING, province_key STRING, name STRING, unit_type STRING, valid_from DATE, "
          + "valid_to DATE, source STRING")
      .writtenBy(WriteMode.REPLACE)
      .describedAs("Name and unit-type history of each province, with dates and sources");
  public static final TableSpec PROVINCE_LINEAGE = table(Layer.REF, "province_lineage").keys("former_code")
      .columns("former_code STRING, former_key STRING, former_name STRING, current_code STRING, current_key STRING, "
          + "current_name STRING, effective_date DATE")
      .writtenBy(WriteMode.REPLACE)
      .describedAs("Which current province each of the 63 former provinces became (Res. 202/2025/QH15)");
  public static final TableSpec KPI_TARGET = table(Layer.REF, "kpi_target").keys("kpi", "source_doc_id")
      .columns("kpi STRING, comparator STRING, threshold DECIMAL(9,4), threshold_pct DECIMAL(9,2), "
          + "evaluation_period STRING, legal_reference STRING, note STRING, source_doc_id STRING, "
          + "source_document STRING, line_no INT, raw_text STRING")
      .writtenBy(WriteMode.REPLACE)
      .describedAs("KPI thresholds set by directives (online, online payment, overdue, digitised results)");
  public static final TableSpec COMMUNE_INDICATOR = table(Layer.REF, "commune_indicator").keys("indicator")
      .columns("indicator STRING, label STRING, annex STRING")
      .writtenBy(WriteMode.REPLACE)
      .describedAs("Commune-readiness indicators of the steering committee's report (Phụ lục 4 and 5) with their "
          + "Vietnamese labels");
  public static final TableSpec CALENDAR = table(Layer.REF, "calendar").keys("date")
      .columns("date DATE, is_working_day BOOLEAN, kind STRING, name STRING, source STRING")
      .writtenBy(WriteMode.REPLACE)
      .describedAs("Vietnam's working days 2024-2026: weekends, public holidays, observed and swapped days, with sources");
  public static final TableSpec SOURCE_CADENCE = table(Layer.REF, "source_cadence").keys("source")
      .columns("source STRING, source_type STRING, label STRING, cadence_days INT, stale_after_days INT, basis STRING")
      .writtenBy(WriteMode.REPLACE)
      .describedAs("How often each source (document kind, the 766 index, the dossier feed) is expected, and after "
          + "how many days without newer data it is stale");

  // ---- bronze: raw inputs -------------------------------------------------------------------------------

  public static final TableSpec DOCUMENT = table(Layer.BRONZE, "document").keys("doc_id")
      .columns("doc_id STRING, document_key STRING, kind STRING, number STRING, issuer STRING, issue_date DATE, "
          + "period_start DATE, period_end DATE, title STRING, restates STRING, identity_note STRING, "
          + "file_path STRING, file_name STRING, file_modified_at TIMESTAMP, char_count INT, raw_text STRING, "
          + "first_seen_run STRING, first_seen_at TIMESTAMP")
      .writtenBy(WriteMode.UPSERT)
      .describedAs("Every input document as received: content hash, recognised kind, number, issuer, dates, raw text");
  public static final TableSpec DOCUMENT_ROW = table(Layer.BRONZE, "document_row").keys("doc_id", "table_id", "row_no")
      .columns("doc_id STRING, table_id STRING, table_title STRING, row_no INT, line_no INT, row_kind STRING, "
          + "raw_text STRING, cells ARRAY<STRING>")
      .writtenBy(WriteMode.REPLACE)
      .describedAs("Raw table rows of the documents: cells as written, with line numbers");
  public static final TableSpec DOCUMENT_LINE = table(Layer.BRONZE, "document_line").keys("doc_id", "line_no")
      .columns("doc_id STRING, line_no INT, file_format STRING, page INT, sheet STRING, sheet_row INT, table_no INT, "
          + "table_row INT")
      .writtenBy(WriteMode.UPSERT)
      .describedAs("Where each line of a Word, PDF or Excel document's text sits in its file: page or sheet, table, "
          + "row (text files have none: their line numbers are their lineage)");
  public static final TableSpec FEED_FILE = table(Layer.BRONZE, "feed_file").keys("file_path", "sha256")
      .columns("file_path STRING, sha256 STRING, size_bytes BIGINT, arrived_at TIMESTAMP, status STRING, "
          + "duplicate_of STRING, ingest_date DATE, messages BIGINT, quarantined BIGINT, run_id STRING, "
          + "recorded_at TIMESTAMP")
      .writtenBy(WriteMode.UPSERT)
      .describedAs("Dossier-feed files seen: path, checksum, size, arrival, status (loading, loaded, duplicate, interrupted) "
          + "and record counts");
  public static final TableSpec FEED_RECORD = table(Layer.BRONZE, "feed_record")
      .keys("file_id", "line_no", "item_no").partitionedBy("ingest_date")
      .columns("file_id STRING, file_path STRING, line_no INT, item_no INT, arrived_at TIMESTAMP, ingest_date DATE, "
          + "run_id STRING, service STRING, madonvi STRING, is_updating STRING, kind STRING, source STRING, "
          + "ma_ho_so STRING, raw_json STRING, problem STRING")
      .writtenBy(WriteMode.APPEND)
      .describedAs("Every raw DVCQG feed message (dossier records, status events) as received, with file, line "
          + "and arrival. Holds personal data: not for analysts");

  // ---- silver: typed and resolved -------------------------------------------------------------------------

  public static final TableSpec DOCUMENT_VERSION = table(Layer.SILVER, "document_version").keys("doc_id")
      .columns("doc_id STRING, document_key STRING, kind STRING, number STRING, issuer STRING, issue_date DATE, "
          + "period_start DATE, period_end DATE, data_date DATE, title STRING, restates STRING, note STRING, "
          + "file_name STRING, first_seen_at TIMESTAMP, version_no INT, is_current BOOLEAN, superseded_by STRING")
      .writtenBy(WriteMode.REPLACE)
      .describedAs("Documents grouped by identity (kind + number); which version is current and which superseded");
  public static final TableSpec REPORT_OBSERVATION = table(Layer.SILVER, "report_observation")
      .keys("doc_id", "table_id", "row_no", "level", "measure")
      .columns("doc_id STRING, document_key STRING, document_number STRING, kind STRING, table_id STRING, "
          + "row_no INT, line_no INT, raw_line STRING, province_raw STRING, province_key STRING, "
          + "province_code STRING, province_name STRING, geography STRING, level STRING, period_start DATE, "
          + "period_end DATE, measure STRING, value DECIMAL(18,4), raw_value STRING, unit STRING, label STRING, "
          + "is_total BOOLEAN, resolution_note STRING")
      .writtenBy(WriteMode.REPLACE)
      .describedAs("Every number printed in a report table, typed and resolved to a province, with lineage");
  public static final TableSpec STEERING_TASK = table(Layer.SILVER, "steering_task").keys("doc_id", "table_id", "row_no")
      .columns("doc_id STRING, table_id STRING, row_no INT, line_no INT, raw_line STRING, list STRING, "
          + "group_code STRING, group_name STRING, seq STRING, task STRING, units STRING, deadline DATE, "
          + "deadline_raw STRING, nature STRING, task_count INT, continued BOOLEAN, as_of_date DATE")
      .writtenBy(WriteMode.REPLACE)
      .describedAs("Task lists of steering-committee reports: overdue, due and recurring tasks");
  public static final TableSpec SERVICE_INDEX_SCORE = table(Layer.SILVER, "service_index_score")
      .keys("doc_id", "table_id", "row_no")
      .columns("doc_id STRING, file_name STRING, table_id STRING, row_no INT, line_no INT, raw_line STRING, "
          + "snapshot_at TIMESTAMP, snapshot_date DATE, snapshot_source STRING, period_kind STRING, "
          + "period_start DATE, period_end DATE, period_source STRING, unit_level STRING, unit_id STRING, "
          + "unit_code STRING, unit_name STRING, province_dvcqg_code STRING, province_code STRING, "
          + "province_name STRING, score_progress DECIMAL(5,2), score_satisfaction DECIMAL(5,2), "
          + "score_digitisation DECIMAL(5,2), score_online_payment DECIMAL(5,2), score_online_service DECIMAL(5,2), "
          + "score_transparency DECIMAL(5,2), total_score DECIMAL(5,2), rank INT, source STRING, "
          + "resolution_note STRING")
      .writtenBy(WriteMode.REPLACE)
      .describedAs("Every row of every 766 service index export: a unit's group scores, total and rank for a "
          + "period, in one snapshot, with lineage");
  public static final TableSpec COMMUNE_OBSTACLE = table(Layer.SILVER, "commune_obstacle")
      .keys("doc_id", "table_id", "row_no")
      .columns("doc_id STRING, table_id STRING, row_no INT, line_no INT, raw_line STRING, province_raw STRING, "
          + "province_key STRING, province_code STRING, province_name STRING, geography STRING, rank INT, "
          + "obstacle STRING, communes_affected BIGINT, communes_total BIGINT, published_pct DECIMAL(9,2), "
          + "as_of_date DATE")
      .writtenBy(WriteMode.REPLACE)
      .describedAs("Obstacles reported by communes, per province, with communes affected");
  public static final TableSpec DOSSIER = table(Layer.SILVER, "dossier").keys("ma_ho_so").partitionedBy("receipt_month")
      .lineage("version_file_id", "version_line_no", "version_item_no", "version_arrived_at")
      .columns("ma_ho_so STRING, ma_tthc STRING, ma_tthc_raw STRING, ten_tthc STRING, ma_linh_vuc STRING, "
          + "ten_linh_vuc STRING, channel INT, applicant_type INT, record_status INT, result_delivery INT, "
          + "submitted_via INT, has_digitised_components BOOLEAN, vneid_authenticated BOOLEAN, "
          + "paid_online_code INT, submitted_at TIMESTAMP, received_at TIMESTAMP, due_at TIMESTAMP, "
          + "finished_at TIMESTAMP, returned_at TIMESTAMP, refused_at TIMESTAMP, version_at TIMESTAMP, "
          + "status_rank INT, agency_code STRING, unit_name STRING, level STRING, era STRING, province_key STRING, "
          + "province_code STRING, receipt_date DATE, receipt_month STRING, accepted_late BOOLEAN, n_files INT, "
          + "n_files_digitised INT, n_files_from_store INT, n_results INT, n_results_electronic INT, "
          + "n_supplements INT, fee_total BIGINT, has_fee BOOLEAN, owner_id_pid STRING, account_pid STRING, "
          + "source STRING, "
          + "version_file_id STRING, version_line_no INT, version_item_no INT, version_arrived_at TIMESTAMP, "
          + "last_event_at TIMESTAMP, last_event_status INT, first_finished_event_at TIMESTAMP, "
          + "first_returned_event_at TIMESTAMP, first_stopped_event_at TIMESTAMP, first_pause_at TIMESTAMP, "
          + "last_pause_at TIMESTAMP, status INT, completed_at TIMESTAMP, channel_name STRING")
      .writtenBy(WriteMode.UPSERT)
      .describedAs("One row per dossier (MaHoSo), latest state by event time, typed, province resolved for its "
          + "era; personal data pseudonymised");
  public static final TableSpec DOSSIER_EVENT = table(Layer.SILVER, "dossier_event").keys("event_id")
      .partitionedBy("event_month").lineage("file_id", "line_no", "item_no", "arrived_at")
      .columns("event_id STRING, ma_ho_so STRING, event_at TIMESTAMP, event_date DATE, event_month STRING, "
          + "event_status INT, action STRING, handler_pid STRING, step_deadline_at TIMESTAMP, source STRING, "
          + "file_id STRING, line_no INT, item_no INT, arrived_at TIMESTAMP")
      .writtenBy(WriteMode.INSERT_NEW)
      .describedAs("Dossier status events (CapNhatTienDoHoSoMC), de-duplicated, by event time; handlers "
          + "pseudonymised");

  // ---- gold: facts --------------------------------------------------------------------------------------

  public static final TableSpec FACT_ONLINE_SUBMISSION = table(Layer.GOLD, "fact_online_submission")
      .keys("doc_id", "table_id", "row_no", "level").model("gold/fact_online_submission").writtenBy(WriteMode.REPLACE)
      .describedAs("Dossiers by channel (direct, online, returned, total) per province, period and level, from reports");
  public static final TableSpec FACT_DOSSIER_RECEIPT = table(Layer.GOLD, "fact_dossier_receipt")
      .keys("doc_id", "table_id", "row_no").model("gold/fact_dossier_receipt").writtenBy(WriteMode.REPLACE)
      .describedAs("Online dossiers received from DVCQG: processed, on time, received late, overdue in processing");
  public static final TableSpec FACT_SERVICE_INTEGRATION = table(Layer.GOLD, "fact_service_integration")
      .keys("doc_id", "table_id", "row_no").model("gold/fact_service_integration").writtenBy(WriteMode.REPLACE)
      .describedAs("Online public services provided on provincial systems and integrated on DVCQG, per snapshot");
  public static final TableSpec FACT_COMMUNE_READINESS = table(Layer.GOLD, "fact_commune_readiness")
      .keys("doc_id", "table_id", "row_no", "measure").model("gold/fact_commune_readiness")
      .writtenBy(WriteMode.REPLACE)
      .describedAs("Commune readiness per province: green/yellow/red coverage and criteria percentages");
  public static final TableSpec FACT_TASK_PROGRESS = table(Layer.GOLD, "fact_task_progress")
      .keys("doc_id", "table_id", "row_no").model("gold/fact_task_progress").writtenBy(WriteMode.REPLACE)
      .describedAs("Steering-committee task progress and status per province");
  public static final TableSpec DOSSIER_DAILY = table(Layer.GOLD, "dossier_daily")
      .keys("day", "province_key", "level", "channel", "source").partitionedBy("month").model("gold/dossier_daily")
      .writtenBy(WriteMode.REPLACE_PARTITIONS)
      .describedAs("Dossiers per receipt day, province (of its era), level and channel: received, late, finished, "
          + "on time, overdue, paid online, digitised");
  public static final TableSpec DOSSIER_AS_OF = table(Layer.GOLD, "dossier_as_of").keys("feed")
      .columns("feed STRING, as_of_at TIMESTAMP, as_of_date DATE, pseudonym_key_fingerprint STRING, run_id STRING")
      .writtenBy(WriteMode.REPLACE)
      .describedAs("The time the dossier facts are as of (latest event seen): what 'overdue' and 'finished' are "
          + "measured at");
  public static final TableSpec RECONCILIATION = table(Layer.GOLD, "reconciliation").keys("finding_id")
      .columns("finding_id STRING, doc_id STRING, document_key STRING, document_number STRING, kind STRING, "
          + "table_id STRING, check STRING, measure STRING, scope STRING, published_value STRING, "
          + "computed_value STRING, difference DECIMAL(18,4), status STRING, detail STRING, line_no INT, "
          + "acknowledged BOOLEAN")
      .writtenBy(WriteMode.REPLACE)
      .describedAs("Published totals, rates and claims checked against the rows they summarise");

  // ---- ops: runs and quarantine ---------------------------------------------------------------------------

  public static final TableSpec QUARANTINE = table(Layer.OPS, "quarantine").keys("quarantine_id")
      .columns("quarantine_id STRING, first_run_id STRING, stage STRING, file_path STRING, doc_id STRING, "
          + "table_id STRING, line_no INT, raw_text STRING, reason STRING, quarantined_at TIMESTAMP")
      .writtenBy(WriteMode.UPSERT)
      .describedAs("Inputs that could not be loaded: reason, file, table, line and raw text");
  public static final TableSpec REFRESH_RUN = table(Layer.OPS, "refresh_run").keys("run_id")
      .columns("run_id STRING, started_at TIMESTAMP, ended_at TIMESTAMP, status STRING, exit_code INT, "
          + "lakehouse STRING, inputs_folder STRING, inputs_seen INT, inputs_new INT, inputs_refused INT, "
          + "rows_written MAP<STRING,BIGINT>, quarantined_new INT, mismatches INT, mismatches_new INT, "
          + "warnings ARRAY<STRING>, table_versions MAP<STRING,BIGINT>")
      .writtenBy(WriteMode.UPSERT)
      .describedAs("One row per refresh: times, status, inputs, rows written, findings");
  public static final TableSpec FRESHNESS_ALERT = table(Layer.OPS, "freshness_alert").keys("alert_id")
      .columns("alert_id STRING, source STRING, latest_data_date DATE, age_days INT, stale_after_days INT, "
          + "evaluated_on DATE, first_run_id STRING, alerted_at TIMESTAMP")
      .writtenBy(WriteMode.UPSERT)
      .describedAs("Stale sources alerted by a refresh: one row per source and latest data date, alerted once");
  public static final TableSpec TABLE_FINGERPRINT = table(Layer.OPS, "table_fingerprint").keys("table_name", "part")
      .columns("table_name STRING, part STRING, row_count BIGINT, content_hash STRING, delta_version BIGINT, "
          + "run_id STRING, recorded_at TIMESTAMP")
      .writtenBy(WriteMode.REPLACE)
      .describedAs("Row count and content hash of every table (and partition, and bronze document) as the last "
          + "good refresh left it: what 'dvcw refresh --verify' compares with");

  public static final TableSpec OPERATOR_WRITE = table(Layer.OPS, "operator_write").keys("write_id")
      .columns("write_id STRING, run_by STRING, host STRING, requested_at TIMESTAMP, statement_kind STRING, "
          + "statement STRING, lakehouse STRING")
      .writtenBy(WriteMode.APPEND)
      .describedAs("Every statement an operator ran with 'dvcw sql --allow-writes': who, where, when, its kind and "
          + "text, recorded before it ran");

  /** Every table, in layer order. */
  public static final List<TableSpec> ALL = List.of(
      PROVINCE, PROVINCE_STATUS, PROVINCE_LINEAGE, KPI_TARGET, COMMUNE_INDICATOR, CALENDAR, SOURCE_CADENCE,
      DOCUMENT, DOCUMENT_ROW, DOCUMENT_LINE, FEED_FILE, FEED_RECORD,
      DOCUMENT_VERSION, REPORT_OBSERVATION, STEERING_TASK, COMMUNE_OBSTACLE, SERVICE_INDEX_SCORE, DOSSIER,
      DOSSIER_EVENT,
      FACT_ONLINE_SUBMISSION, FACT_DOSSIER_RECEIPT, FACT_SERVICE_INTEGRATION, FACT_COMMUNE_READINESS,
      FACT_TASK_PROGRESS, DOSSIER_DAILY, DOSSIER_AS_OF, RECONCILIATION,
      QUARANTINE, REFRESH_RUN, FRESHNESS_ALERT, TABLE_FINGERPRINT, OPERATOR_WRITE);

  /** The spec of a schema-qualified table name, if the warehouse defines it. */
  public static Optional<TableSpec> find(String qualifiedName) {
    return ALL.stream().filter(t -> t.qualifiedName().equalsIgnoreCase(qualifiedName)).findFirst();
  }
}
