package vn.dvcw.pipelines.gold;

import java.util.ArrayList;
import java.util.List;
import vn.dvcw.pipelines.JobContext;
import vn.dvcw.pipelines.ModelSql;
import vn.dvcw.storage.catalog.CatalogRegistrar;
import vn.dvcw.storage.catalog.TableSpec;
import vn.dvcw.storage.catalog.WarehouseTables;
import vn.dvcw.storage.models.ViewLoader;
import vn.dvcw.storage.write.TableWriter;

/**
 * Materialises the gold fact tables of the published documents from their SQL models ({@code models/gold/}),
 * each one {@code REPLACE} write: only rows whose content changed are committed, so a re-run commits nothing.
 *
 * <ol>
 *   <li>register the silver tables and create the shared models (the gold models read them by name);</li>
 *   <li>each fact table in {@link #FACTS} order, one step each.</li>
 * </ol>
 * The dossier feed's gold table ({@code gold.dossier_daily}) is the feed job's: it is rebuilt by month.
 */
public final class GoldJob {
  /** The document facts, in the order they are built. */
  public static final List<TableSpec> FACTS = List.of(WarehouseTables.FACT_ONLINE_SUBMISSION,
      WarehouseTables.FACT_DOSSIER_RECEIPT, WarehouseTables.FACT_SERVICE_INTEGRATION,
      WarehouseTables.FACT_COMMUNE_READINESS, WarehouseTables.FACT_TASK_PROGRESS);
  private static final String JOB = "gold";

  private final JobContext ctx;

  public GoldJob(JobContext ctx) {
    this.ctx = ctx;
  }

  /** What the job wrote, one result per fact table. */
  public record Result(List<TableWriter.Result> writes) {}

  public Result run() {
    ctx.step(JOB, 1);
    // The models read silver tables and the shared models (silver.current_observation_row, …) by name: register
    // the tables, then create the shared views (the public ones come once everything is written).
    new CatalogRegistrar(ctx.spark(), ctx.lakehouse()).registerAll();
    ViewLoader.Report shared = ViewLoader.fromClasspath().shared().createAll(ctx.spark());
    if (!shared.complete()) {
      throw new IllegalStateException("shared models not created: " + shared.failed());
    }
    List<TableWriter.Result> writes = new ArrayList<>();
    for (int i = 0; i < FACTS.size(); i++) {
      ctx.step(JOB, 2 + i);
      TableSpec fact = FACTS.get(i);
      writes.add(ctx.writer().write(fact, ctx.spark().sql(ModelSql.read(fact.model()))));
    }
    return new Result(List.copyOf(writes));
  }
}
