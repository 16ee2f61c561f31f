package vn.dvcw.pipelines;

import java.io.PrintStream;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import vn.dvcw.pipelines.documents.DocumentsJob;
import vn.dvcw.pipelines.feed.FeedJob;
import vn.dvcw.pipelines.gold.GoldJob;
import vn.dvcw.pipelines.maintenance.MaintenanceJob;
import vn.dvcw.pipelines.reconciliation.ReconciliationJob;
import vn.dvcw.pipelines.refresh.RefreshJob;
import vn.dvcw.storage.WarehouseSession;

/**
 * Every job of the warehouse, on the lakehouse a session is attached to: the map of what the pipelines can do.
 * Each job is one class with numbered steps that returns an immutable result.
 *
 * <pre>{@code
 * Pipelines jobs = Pipelines.get(spark);
 * RefreshResult r = jobs.refresh(System.out).run(new RefreshOptions("inputs/documents", "/data/feed"));
 * jobs.maintenance().run(30, t -> {});
 * }</pre>
 *
 * <p>{@link #refresh} runs the others in order under the refresh lock; call a job alone only where nothing else
 * writes the lakehouse (tests, a notebook on a copy).
 */
public final class Pipelines {
  private final JobContext ctx;

  private Pipelines(JobContext ctx) {
    this.ctx = ctx;
  }

  /** The jobs on the lakehouse {@code spark} is attached to ({@link WarehouseSession#open}). */
  public static Pipelines get(SparkSession spark) {
    return new Pipelines(JobContext.of(spark, StepHook.NONE));
  }

  /** The same jobs, each calling {@code hook} as its steps start (tests inject failures this way). */
  public Pipelines withHook(StepHook hook) {
    return new Pipelines(JobContext.of(ctx.spark(), hook));
  }

  /** The main job: reference data, documents, gold, feed, reconciliation, quarantine, views, run record. */
  public RefreshJob refresh(PrintStream out) {
    return new RefreshJob(ctx, out);
  }

  /** Documents of an inputs folder into bronze and silver. */
  public DocumentsJob documents() {
    return new DocumentsJob(ctx);
  }

  /** The gold facts of the published documents, from their SQL models. */
  public GoldJob gold() {
    return new GoldJob(ctx);
  }

  /** Every published figure checked against its rows. */
  public ReconciliationJob reconciliation() {
    return new ReconciliationJob(ctx);
  }

  /** The dossier feed: new files to bronze, silver.dossier, gold.dossier_daily. */
  public FeedJob feed(Consumer<String> log) {
    return FeedJob.of(ctx, log);
  }

  /** Compaction and vacuum of every table. */
  public MaintenanceJob maintenance() {
    return new MaintenanceJob(ctx);
  }
}
