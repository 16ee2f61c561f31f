package vn.dvcw.pipelines;

import java.util.Objects;
import org.apache.spark.sql.SparkSession;
import vn.dvcw.storage.WarehouseSession;
import vn.dvcw.storage.write.TableWriter;

/**
 * What every job runs with: the session, the lakehouse it is attached to, the writer, and the step hook.
 *
 * @param hook called as each numbered step starts ({@link StepHook#NONE} in production)
 */
public record JobContext(SparkSession spark, String lakehouse, TableWriter writer, StepHook hook) {

  public JobContext {
    Objects.requireNonNull(spark, "spark");
    Objects.requireNonNull(lakehouse, "lakehouse");
    Objects.requireNonNull(writer, "writer");
    Objects.requireNonNull(hook, "hook");
  }

  /** The context of the lakehouse {@code spark} is attached to ({@link WarehouseSession#attach}). */
  public static JobContext of(SparkSession spark, StepHook hook) {
    String lakehouse = WarehouseSession.lakehouseOf(spark);
    return new JobContext(spark, lakehouse, new TableWriter(spark, lakehouse), hook);
  }

  /** Announces step {@code step} of {@code job} to the hook. */
  public void step(String job, int step) {
    hook.beforeStep(job, step);
  }
}
