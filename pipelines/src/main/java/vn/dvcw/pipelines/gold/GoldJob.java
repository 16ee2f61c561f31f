package vn.dvcw.pipelines.gold;

import java.util.ArrayList;
import java.util.List;
import vn.dvcw.pipelines.JobContext;
import vn.dvcw.pipelines.ModelSql;
import vn.dvcw.storage.catalog.CatalogRegistrar;
import vn.dvcw.storage.catalog.TableSpec;
import vn.dvcw.storage.catalog.WarehouseTables;
import vn.dvcw.storage.models.ViewLoader;
import vn.dvcw.storage.write.Digest;
import vn.dvcw.storage.write.TableWriter;

/**
 * Materialises the gold fact tables of the published documents from their SQL models ({@code models/gold/}),
 * each one {@code REPLACE} write: only rows whose content changed are committed, so a re-run commits nothing.
 *
 * <ol>
 *   <li>register the silver tables (the gold models read them and the shared models by name);</li>
 *   <li>each fact table in {@link #FACTS} order, one step each: skipped without a Spark job when its model, the
 *       shared models it reads, the code and the state of every table they read are what its last write was made
 *       from ({@link TableWriter#write(TableSpec, String, java.util.function.Supplier)}); else the shared models
 *       are created (once) and the model is run and written.</li>
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
  private boolean sharedCreated;

  public GoldJob(JobContext ctx) {
    this.ctx = ctx;
  }

  /** What the job wrote, one result per fact table. */
  public record Result(List<TableWriter.Result> writes) {}

  public Result run() {
    ctx.step(JOB, 1);
    new CatalogRegistrar(ctx.spark(), ctx.lakehouse()).registerAll();
    ViewLoader shared = ViewLoader.fromClasspath().shared();
    List<TableWriter.Result> writes = new ArrayList<>();
    for (int i = 0; i < FACTS.size(); i++) {
      ctx.step(JOB, 2 + i);
      TableSpec fact = FACTS.get(i);
      String model = ModelSql.read(fact.model());
      writes.add(ctx.writer().write(fact, inputsOf(model, shared), () -> {
        createShared(shared);
        return ctx.spark().sql(model);
      }));
    }
    return new Result(List.copyOf(writes));
  }

  /** What a model's rows depend on: its text, the shared models it reads, the state of the tables, the code. */
  private String inputsOf(String model, ViewLoader shared) {
    Digest inputs = new Digest().code(GoldJob.class).text(model);
    var read = shared.reads(model);
    inputs.texts(List.copyOf(shared.only(read).files().values()));
    for (String name : read) {
      inputs.text(ctx.writer().state(name));
    }
    return inputs.hex();
  }

  /** The shared models (silver.current_observation_row, …), created once, before the first model that reads them. */
  private void createShared(ViewLoader shared) {
    if (sharedCreated) {
      return;
    }
    ViewLoader.Report report = shared.createAll(ctx.spark());
    if (!report.complete()) {
      throw new IllegalStateException("shared models not created: " + report.failed());
    }
    sharedCreated = true;
  }
}
