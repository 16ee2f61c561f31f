package vn.dvcw.pipelines.maintenance;

import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import vn.dvcw.pipelines.JobContext;
import vn.dvcw.storage.catalog.TableSpec;
import vn.dvcw.storage.catalog.WarehouseTables;

/**
 * Compacts each table's small files and removes files older than the retention. Delta keeps every version inside
 * the retention, so any figure published in that window stays reproducible with {@code --as-of}; hence the floor
 * of {@link #MIN_RETENTION_DAYS}.
 *
 * <ol>
 *   <li>for each table of the catalogue that exists: compact (OPTIMIZE);</li>
 *   <li>vacuum files no version younger than the retention needs.</li>
 * </ol>
 */
public final class MaintenanceJob {
  /** Below this, time travel to a published figure would break: refused. */
  public static final int MIN_RETENTION_DAYS = 30;

  private final JobContext ctx;

  public MaintenanceJob(JobContext ctx) {
    this.ctx = ctx;
  }

  /** What was done to one table. */
  public record TableResult(String table, long filesRemoved, long filesAdded, double seconds) {}

  /** What the job did, table by table. */
  public record Result(int retentionDays, List<TableResult> tables) {}

  /**
   * Compacts and vacuums every table, reporting each as it finishes.
   *
   * @throws IllegalArgumentException when {@code retentionDays} is below {@link #MIN_RETENTION_DAYS}
   */
  public Result run(int retentionDays, Consumer<TableResult> done) {
    if (retentionDays < MIN_RETENTION_DAYS) {
      throw new IllegalArgumentException("--retention-days must be at least " + MIN_RETENTION_DAYS
          + " so that published figures stay reproducible");
    }
    List<TableResult> results = new ArrayList<>();
    for (TableSpec spec : WarehouseTables.ALL) {
      String path = spec.path(ctx.lakehouse());
      if (!ctx.writer().exists(spec)) {
        continue;
      }
      long started = System.nanoTime();
      DeltaTable table = DeltaTable.forPath(ctx.spark(), path);
      Row metrics = table.optimize().executeCompaction()
          .selectExpr("metrics.numFilesRemoved AS removed", "metrics.numFilesAdded AS added").head();
      table.vacuum(retentionDays * 24.0);
      TableResult r = new TableResult(spec.qualifiedName(), metrics.getAs("removed"), metrics.getAs("added"),
          (System.nanoTime() - started) / 1e9);
      results.add(r);
      done.accept(r);
    }
    return new Result(retentionDays, List.copyOf(results));
  }
}
