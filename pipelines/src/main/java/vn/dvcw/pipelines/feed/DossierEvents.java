package vn.dvcw.pipelines.feed;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.dvcw.storage.catalog.WarehouseTables;
import vn.dvcw.storage.write.TableWriter;

/**
 * Step 4: the batch's valid status events into silver.dossier_event, which only ever gains events it lacks (by
 * event id: dossier, time, status, action), so a repeated or re-sent event is stored once. The comparison is
 * limited to the event months of the batch. Leaves the batch's events registered as
 * {@link FeedViews#BATCH_EVENT} for the fold.
 */
final class DossierEvents {
  private final FeedRun run;

  DossierEvents(FeedRun run) {
    this.run = run;
  }

  /** Stores the batch's new events; returns how many were new. */
  long merge() {
    Dataset<Row> events = run.views().registerCached(FeedViews.BATCH_EVENT,
        run.models().run("silver/feed/batch_event"));
    List<String> months = Columns.distinct(events, "event_month");
    if (months.isEmpty()) {
      return 0;
    }
    return run.tally().note(run.writer().write(WarehouseTables.DOSSIER_EVENT, events,
        new TableWriter.Scope("event_month", months))).inserted();
  }
}
