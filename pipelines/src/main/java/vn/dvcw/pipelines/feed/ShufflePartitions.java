package vn.dvcw.pipelines.feed;

import org.apache.spark.sql.SparkSession;

/**
 * The number of shuffle partitions of a feed run, sized by its messages: the warehouse's default (4, right for the
 * documents and a day's feed on one machine) is raised to one partition per {@value #MESSAGES_PER_PARTITION}
 * messages for a large batch, so that each task's share of the events step, the fold and the daily facts fits a
 * task's memory (measured: 64 million messages in 4 partitions failed a 4 GiB heap with "No enough memory for
 * aggregation"). Adaptive execution still merges partitions that come out small. A setting already higher (a
 * cluster's) is kept. {@link #close()} puts the session's previous value back.
 */
final class ShufflePartitions implements AutoCloseable {
  static final long MESSAGES_PER_PARTITION = 500_000;
  static final String SETTING = "spark.sql.shuffle.partitions";

  private final SparkSession spark;
  private final String previous;

  ShufflePartitions(SparkSession spark) {
    this.spark = spark;
    this.previous = spark.conf().get(SETTING);
  }

  /** The partitions for {@code messages}: the current setting, or more when the batch needs them. */
  static int forMessages(long messages, int current) {
    long needed = messages / MESSAGES_PER_PARTITION + (messages % MESSAGES_PER_PARTITION == 0 ? 0 : 1);
    return (int) Math.max(current, Math.min(needed, 10_000));
  }

  /** Sets the session's partitions for a batch of {@code messages}; true when that raised them. */
  boolean sizeFor(long messages) {
    int partitions = forMessages(messages, Integer.parseInt(previous));
    spark.conf().set(SETTING, Integer.toString(partitions));
    return partitions > Integer.parseInt(previous);
  }

  /** The session's setting now. */
  int current() {
    return Integer.parseInt(spark.conf().get(SETTING));
  }

  @Override
  public void close() {
    spark.conf().set(SETTING, previous);
  }
}
