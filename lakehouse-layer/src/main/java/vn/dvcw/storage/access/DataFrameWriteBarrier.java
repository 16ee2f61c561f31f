package vn.dvcw.storage.access;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.rules.Rule;
import scala.collection.JavaConverters;

/**
 * The read-only rule for writes made through the DataFrame API in a query session (the notebook kernel):
 * {@code df.write().save(…)}, {@code saveAsTable}, {@code DeltaTable.forPath(…).delete()}. Spark runs every such command
 * through the optimizer before executing it, so this optimizer rule sees the analysed command and refuses it with the
 * same one line as {@link ReadOnlyGuard}. Read-only commands and temporary views (session-local names the notebooks
 * use) pass. It guards a session, not a sandbox: the kernel runs any Java a cell holds.
 */
public final class DataFrameWriteBarrier extends Rule<LogicalPlan> {
  private static final DataFrameWriteBarrier INSTANCE = new DataFrameWriteBarrier();

  private DataFrameWriteBarrier() {}

  /** Adds the barrier to a session's optimizer (once). */
  public static void install(SparkSession spark) {
    var experimental = spark.experimental();
    java.util.List<Rule<LogicalPlan>> rules = new java.util.ArrayList<>(
        JavaConverters.seqAsJavaList(experimental.extraOptimizations()));
    if (!rules.contains(INSTANCE)) {
      rules.add(INSTANCE);
      experimental.extraOptimizations_$eq(JavaConverters.asScalaBuffer(rules).toSeq());
    }
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    if (plan instanceof Command && !allowed(plan)) {
      String kind = StatementKinds.of(plan);
      throw new ReadOnlyViolation(Refusal.write(kind.equals("DataFrame write") || kind.startsWith("INSERT")
          ? "DataFrame write" : kind, ReadOnlyGuard.targetOf(plan)));
    }
    return plan;
  }

  private static boolean allowed(LogicalPlan command) {
    String name = StatementKinds.simpleName(command);
    if (StatementKinds.READ_ONLY.contains(name)) {
      return true;
    }
    // createOrReplaceTempView and friends: a name in this session only, nothing written.
    return name.equals("CreateViewCommand") && !String.valueOf(call(command, "viewType")).contains("PersistedView");
  }

  private static Object call(Object target, String method) {
    try {
      return target.getClass().getMethod(method).invoke(target);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
