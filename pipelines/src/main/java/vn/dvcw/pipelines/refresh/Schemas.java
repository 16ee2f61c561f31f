package vn.dvcw.pipelines.refresh;

import org.apache.spark.sql.types.StructType;

/** Column lists of the tables the refresh writes, in Spark DDL. Rows are built in this order. */
final class Schemas {
  private Schemas() {}

  static final StructType PROVINCE = StructType.fromDDL(
      "province_key STRING, era STRING, code STRING, dvcqg_code STRING, name STRING, name_ascii STRING, "
          + "unit_type STRING, valid_from DATE, valid_to DATE");
  static final StructType PROVINCE_STATUS = StructType.fromDDL(
      "era STRING, code STRING, province_key STRING, name STRING, unit_type STRING, valid_from DATE, "
          + "valid_to DATE, source STRING");
  static final StructType PROVINCE_LINEAGE = StructType.fromDDL(
      "former_code STRING, former_key STRING, former_name STRING, current_code STRING, current_key STRING, "
          + "current_name STRING, effective_date DATE");
  static final StructType CALENDAR = StructType.fromDDL(
      "date DATE, is_working_day BOOLEAN, kind STRING, name STRING, source STRING");
  static final StructType KPI_TARGET = StructType.fromDDL(
      "kpi STRING, comparator STRING, threshold DECIMAL(9,4), threshold_pct DECIMAL(9,2), evaluation_period STRING, "
          + "legal_reference STRING, note STRING, source_doc_id STRING, source_document STRING, line_no INT, "
          + "raw_text STRING");
  static final StructType DOCUMENT = StructType.fromDDL(
      "doc_id STRING, document_key STRING, kind STRING, number STRING, issuer STRING, issue_date DATE, "
          + "period_start DATE, period_end DATE, title STRING, restates STRING, identity_note STRING, "
          + "file_path STRING, file_name STRING, file_modified_at TIMESTAMP, char_count INT, raw_text STRING, "
          + "first_seen_run STRING, first_seen_at TIMESTAMP");
  static final StructType DOCUMENT_ROW = StructType.fromDDL(
      "doc_id STRING, table_id STRING, table_title STRING, row_no INT, line_no INT, row_kind STRING, "
          + "raw_text STRING, cells ARRAY<STRING>");
  static final StructType DOCUMENT_VERSION = StructType.fromDDL(
      "doc_id STRING, document_key STRING, kind STRING, number STRING, issuer STRING, issue_date DATE, "
          + "period_start DATE, period_end DATE, data_date DATE, title STRING, restates STRING, note STRING, "
          + "file_name STRING, first_seen_at TIMESTAMP, version_no INT, is_current BOOLEAN, superseded_by STRING");
  static final StructType REPORT_OBSERVATION = StructType.fromDDL(
      "doc_id STRING, document_key STRING, document_number STRING, kind STRING, table_id STRING, row_no INT, "
          + "line_no INT, raw_line STRING, province_raw STRING, province_key STRING, province_code STRING, "
          + "province_name STRING, geography STRING, level STRING, period_start DATE, period_end DATE, "
          + "measure STRING, value DECIMAL(18,4), raw_value STRING, unit STRING, label STRING, is_total BOOLEAN, "
          + "resolution_note STRING");
  static final StructType STEERING_TASK = StructType.fromDDL(
      "doc_id STRING, table_id STRING, row_no INT, line_no INT, raw_line STRING, list STRING, group_code STRING, "
          + "group_name STRING, seq STRING, task STRING, units STRING, deadline DATE, deadline_raw STRING, "
          + "nature STRING, task_count INT, continued BOOLEAN, as_of_date DATE");
  static final StructType COMMUNE_OBSTACLE = StructType.fromDDL(
      "doc_id STRING, table_id STRING, row_no INT, line_no INT, raw_line STRING, province_raw STRING, "
          + "province_key STRING, province_code STRING, province_name STRING, geography STRING, rank INT, "
          + "obstacle STRING, communes_affected BIGINT, communes_total BIGINT, published_pct DECIMAL(9,2), "
          + "as_of_date DATE");
  static final StructType RECONCILIATION = StructType.fromDDL(
      "finding_id STRING, doc_id STRING, document_key STRING, document_number STRING, kind STRING, "
          + "table_id STRING, check STRING, measure STRING, scope STRING, published_value STRING, "
          + "computed_value STRING, difference DECIMAL(18,4), status STRING, detail STRING, line_no INT, "
          + "acknowledged BOOLEAN");
  static final StructType QUARANTINE = StructType.fromDDL(
      "quarantine_id STRING, first_run_id STRING, stage STRING, file_path STRING, doc_id STRING, table_id STRING, "
          + "line_no INT, raw_text STRING, reason STRING, quarantined_at TIMESTAMP");
  static final StructType REFRESH_RUN = StructType.fromDDL(
      "run_id STRING, started_at TIMESTAMP, ended_at TIMESTAMP, status STRING, exit_code INT, lakehouse STRING, "
          + "inputs_folder STRING, inputs_seen INT, inputs_new INT, inputs_refused INT, "
          + "rows_written MAP<STRING,BIGINT>, quarantined_new INT, mismatches INT, mismatches_new INT, "
          + "warnings ARRAY<STRING>, table_versions MAP<STRING,BIGINT>");
}
