package vn.dvcw.etl.feed;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of one parsed feed message, as {@link FeedParser} emits them: where it came from (bronze), what it
 * says (typed, pseudonymised: the silver columns) and why it was refused, if it was. The raw JSON travels in
 * {@code raw_json} to bronze only; every other column is free of personal data.
 */
public final class FeedSchema {
  private FeedSchema() {}

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

  /** Every column, in order. */
  public static final StructType PARSED = StructType.fromDDL(LINEAGE + ", " + DOSSIER + ", " + EVENT);

  private static final Map<String, Integer> INDEX = new HashMap<>();

  static {
    String[] names = PARSED.fieldNames();
    for (int i = 0; i < names.length; i++) {
      INDEX.put(names[i], i);
    }
  }

  /** One row's values, set by column name. */
  static final class Values {
    private final Object[] values = new Object[INDEX.size()];

    Values set(String column, Object value) {
      Integer i = INDEX.get(column);
      if (i == null) {
        throw new IllegalArgumentException("no feed column " + column);
      }
      values[i] = value;
      return this;
    }

    Object get(String column) {
      return values[INDEX.get(column)];
    }

    Row row() {
      return RowFactory.create(values.clone());
    }
  }
}
