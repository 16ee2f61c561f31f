package vn.dvcw.pipelines.feed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The temporary views one feed run registers as the inputs of its models, named {@code feed_*} so they cannot
 * clash with another job's. They live for one run: {@link #close} drops every view registered, and releases the
 * ones cached, whatever step failed.
 */
final class FeedViews implements AutoCloseable {
  /** The run's parsed messages (FeedMessage columns), read from the staging folder. */
  static final String STAGED = "feed_staged";
  /** The batch's valid status events, one per event id (batch_event.sql). */
  static final String BATCH_EVENT = "feed_batch_event";
  /** The batch's valid dossier records (batch_record.sql). */
  static final String BATCH_RECORD = "feed_batch_record";
  /** Candidate (dossier, receipt month) pairs named by the batch (candidate_month.sql). */
  static final String CANDIDATE = "feed_candidate";
  /** Dossiers with events and no candidate month (undated_dossier.sql). */
  static final String UNDATED_DOSSIER = "feed_undated_dossier";
  /** Every (dossier, receipt month) where the stored state of a batch dossier can be. */
  static final String DOSSIER_LOCATION = "feed_dossier_location";
  /** The stored rows of the batch's dossiers (existing_dossier.sql). */
  static final String EXISTING_DOSSIER = "feed_existing_dossier";
  /** Batch dossiers silver does not hold yet (new_dossier.sql). */
  static final String NEW_DOSSIER = "feed_new_dossier";
  /** silver.dossier_event at its version before the run's events step (what earlier runs stored). */
  static final String EVENT_BEFORE = "feed_event_before";
  /** Events stored earlier for the new dossiers (stored_event.sql). */
  static final String STORED_EVENT = "feed_stored_event";
  /** The events of the batch's dossiers per dossier (event_agg.sql). */
  static final String EVENT_AGG = "feed_event_agg";

  private final SparkSession spark;
  private final Set<String> registered = new LinkedHashSet<>();
  private final List<Dataset<Row>> cached = new ArrayList<>();

  FeedViews(SparkSession spark) {
    this.spark = spark;
  }

  /** Registers {@code rows} as view {@code name} (one of the constants above) and returns them. */
  Dataset<Row> register(String name, Dataset<Row> rows) {
    rows.createOrReplaceTempView(name);
    registered.add(name);
    return rows;
  }

  /**
   * Registers {@code rows} as view {@code name}, cached (memory, then disk) until {@link #close}: for inputs read by
   * several models, so the files behind them are read once.
   */
  Dataset<Row> registerCached(String name, Dataset<Row> rows) {
    Dataset<Row> kept = rows.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(kept);
    return register(name, kept);
  }

  @Override
  public void close() {
    registered.forEach(spark.catalog()::dropTempView);
    registered.clear();
    cached.forEach(Dataset::unpersist);
    cached.clear();
  }
}
