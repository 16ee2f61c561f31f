package vn.dvcw.pipelines.feed;

import org.apache.spark.sql.SparkSession;
import vn.dvcw.storage.write.TableWriter;

/**
 * What every step of one feed run works with: the session and lakehouse, the feed's SQL models, the one writer,
 * the tally of rows written and table versions that the run's result reports, and (once the messages are staged)
 * the run's temporary views.
 */
record FeedRun(SparkSession spark, String lakehouse, Models models, TableWriter writer, WriteTally tally,
    FeedViews views) {

  /** A run before its messages are staged: no views yet. */
  FeedRun(SparkSession spark, String lakehouse, Models models, TableWriter writer, WriteTally tally) {
    this(spark, lakehouse, models, writer, tally, null);
  }

  /** The same run with its temporary views. */
  FeedRun withViews(FeedViews views) {
    return new FeedRun(spark, lakehouse, models, writer, tally, views);
  }
}
