package vn.dvcw.storage.write;

import java.util.Objects;
import org.apache.spark.sql.SparkSession;

/**
 * Marks every Delta commit a refresh makes with the refresh's run id, in the commit's {@code userMetadata}
 * ({@code dvcw-refresh <run id>}). Delta keeps it in the table's history, so a commit without it was made by
 * something else (an operator's {@code UPDATE} through a SQL shell, another engine): {@code dvcw refresh --verify}
 * and {@code dvcw runs} report those as foreign commits.
 *
 * <p>The tag is a session setting ({@code spark.databricks.delta.commitInfo.userMetadata}) rather than a write
 * option because MERGE and DELETE, which most of our writes are, take no write options. It covers every writer of
 * the session while it is open and is removed on {@link #close}.
 */
public final class CommitTag implements AutoCloseable {
  /** The session setting Delta copies into each commit's {@code userMetadata}. */
  public static final String SETTING = "spark.databricks.delta.commitInfo.userMetadata";
  /** What every tag starts with; the run id follows. */
  public static final String PREFIX = "dvcw-refresh ";

  private final SparkSession spark;
  private final String previous;

  private CommitTag(SparkSession spark, String runId) {
    this.spark = spark;
    this.previous = spark.conf().getOption(SETTING).getOrElse(() -> null);
    spark.conf().set(SETTING, PREFIX + runId);
  }

  /** Tags the commits of {@code spark} with {@code runId} until closed. */
  public static CommitTag of(SparkSession spark, String runId) {
    return new CommitTag(Objects.requireNonNull(spark, "spark"), Objects.requireNonNull(runId, "runId"));
  }

  /** True when {@code userMetadata} of a commit is a refresh's tag. */
  public static boolean isRefreshCommit(String userMetadata) {
    return userMetadata != null && userMetadata.startsWith(PREFIX);
  }

  /** The run id in a refresh's tag, or null for any other commit. */
  public static String runIdOf(String userMetadata) {
    return isRefreshCommit(userMetadata) ? userMetadata.substring(PREFIX.length()) : null;
  }

  @Override
  public void close() {
    if (previous == null) {
      spark.conf().unset(SETTING);
    } else {
      spark.conf().set(SETTING, previous);
    }
  }
}
