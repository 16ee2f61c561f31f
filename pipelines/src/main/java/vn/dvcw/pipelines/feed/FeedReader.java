package vn.dvcw.pipelines.feed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
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
import vn.dvcw.core.feed.FeedMessage;
import vn.dvcw.core.feed.FeedParser;

/**
 * Reads feed files in parallel, one Spark task per file, streaming each file line by line (gzip or plain) through
 * {@link FeedParser}: memory stays flat whatever the file size, and every message keeps its exact line number.
 * A JSON-lines file gives one message per line (or an envelope per line); a {@code .json} file is one document,
 * an envelope or an array, read whole (API-call bodies are small). Works on any Hadoop file system.
 */
public final class FeedReader {
  private FeedReader() {}

  /** The parsed messages of {@code files}. */
  public static Dataset<Row> read(SparkSession spark, List<FeedFile> files, FeedParser parser) {
    Map<String, String> conf = new HashMap<>();
    spark.sparkContext().hadoopConfiguration().forEach(e -> conf.put(e.getKey(), e.getValue()));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Row> rows = jsc.parallelize(files, Math.max(1, files.size()))
        .flatMap(f -> new Lines(f, parser, conf));
    return spark.createDataFrame(rows, STAGED);
  }

  /** The staging table's schema: one column per {@link FeedMessage} column, same order. */
  public static final StructType STAGED = StructType.fromDDL(FeedMessage.DDL);

  /** The rows of one file, produced lazily. */
  private static final class Lines implements Iterator<Row> {
    private final FeedFile file;
    private final FeedParser parser;
    private final BufferedReader reader;
    private final Deque<Row> pending = new ArrayDeque<>();
    private int lineNo;
    private boolean done;

    Lines(FeedFile file, FeedParser parser, Map<String, String> conf) throws IOException {
      this.file = file;
      this.parser = parser;
      Configuration hadoop = new Configuration(false);
      conf.forEach(hadoop::set);
      Path p = new Path(file.path());
      InputStream in = p.getFileSystem(hadoop).open(p);
      if (file.isGzip()) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public boolean hasNext() {
      try {
        while (pending.isEmpty() && !done) {
          if (file.isJsonLines()) {
            String line = reader.readLine();
            if (line == null) {
              finish();
            } else {
              parser.parse(file, ++lineNo, line).forEach(m -> pending.add(row(m)));
            }
          } else {
            StringBuilder whole = new StringBuilder();
            char[] buf = new char[1 << 14];
            for (int n; (n = reader.read(buf)) >= 0; ) {
              whole.append(buf, 0, n);
            }
            parser.parse(file, 1, whole.toString()).forEach(m -> pending.add(row(m)));
            finish();
          }
        }
        return !pending.isEmpty();
      } catch (IOException e) {
        // A truncated or corrupt file: what was read stays; the rest is one quarantined entry, not a failed run.
        pending.add(row(parser.unreadable(file, lineNo + 1, e.getClass().getSimpleName() + ": " + e.getMessage())));
        done = true;
        return true;
      }
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return pending.poll();
    }

    private static Row row(FeedMessage message) {
      return RowFactory.create(message.values());
    }

    private void finish() throws IOException {
      done = true;
      reader.close();
    }
  }
}
