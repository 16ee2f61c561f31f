package vn.dvcw.core.feed;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of one parsed feed message, as {@link FeedParser} emits them (no Spark types here: the loader turns each into a row of the
 * staging table whose schema is {@link #DDL}): where it came from (bronze), what it
 * says (typed, pseudonymised: the silver columns) and why it was refused, if it was. The raw JSON travels in
 * {@code raw_json} to bronze only; every other column is free of personal data.
 */
public final class FeedMessage {

  static final String LINEAGE = "file_id STRING, file_path STRING, line_no INT, item_no INT, arrived_at TIMESTAMP, "
      + "service STRING, madonvi STRING, is_updating STRING, kind STRING, source STRING, raw_json STRING, problem STRING";
  static final String DOSSIER = "ma_ho_so STRING, ma_tthc STRING, ma_tthc_raw STRING, ten_tthc STRING, "
      + "ma_linh_vuc STRING, ten_linh_vuc STRING, channel INT, applicant_type INT, record_status INT, "
      + "result_delivery INT, submitted_via INT, has_digitised_components BOOLEAN, vneid_authenticated BOOLEAN, "
      + "paid_online_code INT, submitted_at TIMESTAMP, received_at TIMESTAMP, due_at TIMESTAMP, finished_at TIMESTAMP, "
      + "returned_at TIMESTAMP, refused_at TIMESTAMP, version_at TIMESTAMP, status_rank INT, agency_code STRING, "
      + "unit_name STRING, level STRING, era STRING, province_key STRING, province_code STRING, "
      + "receipt_date DATE, receipt_month STRING, accepted_late BOOLEAN, n_files INT, n_files_digitised INT, "
      + "n_files_from_store INT, n_results INT, n_results_electronic INT, n_supplements INT, fee_total BIGINT, "
      + "has_fee BOOLEAN, "
      + "owner_id_pid STRING, account_pid STRING";
  static final String EVENT = "event_id STRING, event_at TIMESTAMP, event_status INT, action STRING, "
      + "handler_pid STRING, step_deadline_at TIMESTAMP";

  /** Every column with its Spark SQL type, in order: the staging table's schema. */
  public static final String DDL = LINEAGE + ", " + DOSSIER + ", " + EVENT;

  /** Column names in {@link #DDL} order. */
  public static final List<String> COLUMNS = Arrays.stream(DDL.split(",\\s*")).map(c -> c.split("\\s+")[0]).toList();

  private static final Map<String, Integer> INDEX = new HashMap<>();

  static {
    for (int i = 0; i < COLUMNS.size(); i++) {
      INDEX.put(COLUMNS.get(i), i);
    }
  }

  private final Object[] values = new Object[COLUMNS.size()];

  /** Sets one column by name; an unknown name is a programming error. */
  FeedMessage set(String column, Object value) {
    values[index(column)] = value;
    return this;
  }

  /** The value of one column by name. */
  public Object get(String column) {
    return values[index(column)];
  }

  /** A copy of the values in {@link #COLUMNS} order, for the Spark row the loader builds. */
  public Object[] values() {
    return values.clone();
  }

  private static int index(String column) {
    Integer i = INDEX.get(column);
    if (i == null) {
      throw new IllegalArgumentException("no feed column " + column);
    }
    return i;
  }
}
