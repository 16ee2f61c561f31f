package vn.dvcw.pipelines.feed;

import static org.apache.spark.sql.functions.min;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.dvcw.storage.catalog.WarehouseTables;
import vn.dvcw.storage.write.TableWriter;

/**
 * Step 5: folds the batch into silver.dossier (one row per dossier, partitioned by receipt month), reading and
 * writing only the dossiers the batch touches.
 *
 * <ol>
 *   <li>Locate: the (dossier, receipt month) pairs where each touched dossier's stored row can be: the months its
 *       records name, or for events alone the month of the date in its number and the next one
 *       (candidate_month.sql); dossiers whose number has no date are looked up by key in every month
 *       (undated_dossier.sql, undated_location.sql), which feeds with dated numbers never need.</li>
 *   <li>Read the stored rows of those dossiers from those month partitions only (existing_dossier.sql).</li>
 *   <li>Bring in the events stored before the record of a dossier new to silver arrived (new_dossier.sql,
 *       stored_event.sql) and summarise all events per dossier (event_agg.sql).</li>
 *   <li>Fold records, stored rows and events into each dossier's latest state (dossier_fold.sql: event time
 *       decides, never arrival order, so late and repeated messages end the same way as timely ones).</li>
 *   <li>Upsert the folded rows, limited to the located months. The writer's row-hash comparison is the one
 *       change detection: unchanged dossiers are not rewritten, and when nothing changed nothing is committed.
 *       A dossier whose receipt month moved is matched by key in its old month (which is located) and its row
 *       moves to the new partition.</li>
 * </ol>
 */
final class DossierFold {
  private final FeedRun run;

  DossierFold(FeedRun run) {
    this.run = run;
  }

  /**
   * What the fold did: how many dossiers were inserted or changed, and the located months: every receipt month the
   * batch's dossiers were or now are in (a superset of the months that changed, which the gold step narrows to the
   * months whose facts differ).
   */
  record Folded(long changed, List<String> months) {
    static final Folded NOTHING = new Folded(0, List.of());

    Folded {
      months = List.copyOf(months);
    }
  }

  /**
   * Folds the batch (views {@link FeedViews#STAGED} and {@link FeedViews#BATCH_EVENT}) into silver.dossier;
   * {@code batchFiles} are the file ids of this run, {@code eventsBefore} the version of silver.dossier_event before
   * the run's events step (the events of earlier runs are read at it).
   */
  Folded fold(List<String> batchFiles, long eventsBefore) {
    run.views().register(FeedViews.BATCH_RECORD, run.models().run("silver/feed/batch_record"));
    List<String> months = locate();
    if (months.isEmpty()) {
      return Folded.NOTHING;
    }
    run.views().registerCached(FeedViews.EXISTING_DOSSIER,
        run.models().run("silver/feed/existing_dossier", Map.of("months", months.toArray(String[]::new))));
    run.views().register(FeedViews.EVENT_BEFORE, run.spark().read().format("delta")
        .option("versionAsOf", eventsBefore).load(WarehouseTables.DOSSIER_EVENT.path(run.lakehouse())));
    run.views().register(FeedViews.STORED_EVENT, storedEventsOfNewDossiers(batchFiles));
    run.views().register(FeedViews.EVENT_AGG, run.models().run("silver/feed/event_agg"));
    Dataset<Row> folded = run.models().run("silver/dossier_fold");
    TableWriter.Result written = run.tally().note(run.writer().write(WarehouseTables.DOSSIER, folded,
        new TableWriter.Scope("receipt_month", months)));
    return new Folded(written.inserted() + written.updated(), months);
  }

  /** Registers {@link FeedViews#DOSSIER_LOCATION}; returns its distinct receipt months. */
  private List<String> locate() {
    FeedViews views = run.views();
    Models models = run.models();
    Dataset<Row> located = views.registerCached(FeedViews.CANDIDATE, models.run("silver/feed/candidate_month"));
    Dataset<Row> undated = views.register(FeedViews.UNDATED_DOSSIER, models.run("silver/feed/undated_dossier"));
    if (undated.isEmpty()) {
      views.register(FeedViews.DOSSIER_LOCATION, located); // cached already, as the candidates
    } else {
      located = views.registerCached(FeedViews.DOSSIER_LOCATION,
          located.union(models.run("silver/feed/undated_location")));
    }
    return Columns.distinct(located, "receipt_month");
  }

  /** Events earlier runs stored for the dossiers silver does not hold yet (the batch's own are in batch_event). */
  private Dataset<Row> storedEventsOfNewDossiers(List<String> batchFiles) {
    Dataset<Row> newDossiers = run.views().register(FeedViews.NEW_DOSSIER, run.models().run("silver/feed/new_dossier"));
    Map<String, Object> args = new HashMap<>();
    // NULL when there is no new dossier: the model then selects, and reads, nothing.
    args.put("from_month", newDossiers.agg(min("receipt_month").as("from_month")).head().getAs("from_month"));
    args.put("batch_files", batchFiles.toArray(String[]::new));
    return run.models().run("silver/feed/stored_event", args);
  }
}
