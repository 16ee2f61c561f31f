package vn.dvcw.pipelines.feed;

import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import vn.dvcw.core.feed.FeedFile;
import vn.dvcw.core.feed.FeedFileReader;
import vn.dvcw.core.feed.FeedMessage;
import vn.dvcw.core.feed.FeedParser;

/**
 * Reads feed files in parallel, each through {@link FeedFileReader}: streamed (gzip or plain, JSON lines or a JSON
 * array), memory bounded by the line limit whatever the file size, every message with its exact line number, and
 * every fault of a file (empty, truncated, a line too long, bytes that are not UTF-8, the file gone or changed
 * meanwhile) a refused row rather than a failed task. Works on any Hadoop file system.
 *
 * <p>Files are packed into tasks by size ({@link TaskPacking}): a national day is a few large files, a backfill
 * thousands of small ones, and one task (and one staged Parquet file) per small file costs more in scheduling and
 * file creation than the reading.
 */
public final class FeedReader {
  private FeedReader() {}

  /** The parsed messages of {@code files}; lines longer than {@code maxLineBytes} are refused unread. */
  public static Dataset<Row> read(SparkSession spark, List<FeedFile> files, FeedParser parser, int maxLineBytes) {
    Map<String, String> conf = new HashMap<>();
    spark.sparkContext().hadoopConfiguration().forEach(e -> conf.put(e.getKey(), e.getValue()));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<List<FeedFile>> tasks = TaskPacking.pack(files, jsc.defaultParallelism(), TaskPacking.TARGET_BYTES);
    JavaRDD<Row> rows = jsc.parallelize(tasks, Math.max(1, tasks.size()))
        .flatMap(group -> rows(group, parser, conf, maxLineBytes));
    return spark.createDataFrame(rows, STAGED);
  }

  /** The rows of a task's files, one file after the other, each opened when the previous one is done. */
  private static Iterator<Row> rows(List<FeedFile> group, FeedParser parser, Map<String, String> conf,
      int maxLineBytes) {
    Iterator<FeedFile> files = group.iterator();
    return new Iterator<>() {
      private Iterator<Row> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && files.hasNext()) {
          current = rows(files.next(), parser, conf, maxLineBytes);
        }
        return current.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** The staging table's schema: one column per {@link FeedMessage} column, same order. */
  public static final StructType STAGED = StructType.fromDDL(FeedMessage.DDL);

  private static Iterator<Row> rows(FeedFile file, FeedParser parser, Map<String, String> conf, int maxLineBytes) {
    FeedFileReader.Opener opener = () -> {
      Configuration hadoop = new Configuration(false);
      conf.forEach(hadoop::set);
      Path p = new Path(file.path());
      return p.getFileSystem(hadoop).open(p);
    };
    FeedFileReader messages = new FeedFileReader(file, opener, parser, maxLineBytes);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return messages.hasNext();
      }

      @Override
      public Row next() {
        return RowFactory.create(messages.next().values());
      }
    };
  }
}
