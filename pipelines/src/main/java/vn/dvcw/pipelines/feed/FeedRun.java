package vn.dvcw.pipelines.feed;

import org.apache.spark.sql.SparkSession;
import vn.dvcw.lakehouse.write.TableWriter;

/**
 * What every step of one feed run works with: the session and lakehouse, the feed's SQL models, the one writer,
 * and the tally of rows written and table versions that the run's result reports.
 */
record FeedRun(SparkSession spark, String lakehouse, Models models, TableWriter writer, WriteTally tally) {}
