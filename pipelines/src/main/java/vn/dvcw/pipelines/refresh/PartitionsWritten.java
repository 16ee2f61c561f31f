package vn.dvcw.pipelines.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The values of a table's partition column whose files a range of Delta commits added or removed, read from the
 * commit files of its {@code _delta_log} (a few KB each), never from the data. Empty when the log cannot say: a
 * commit file is gone (log clean-up after a checkpoint), a commit changed the table's metadata (a new column changes
 * every row's hash), or a file action names its partition neither in its partition values nor in its path. The
 * caller then reads the whole table.
 */
final class PartitionsWritten {
  /** Beyond this many commits, reading the whole table is the simpler answer. */
  static final int MAX_COMMITS = 200;

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The folder name Spark and Delta give the null partition. */
  private static final String HIVE_NULL = "__HIVE_DEFAULT_PARTITION__";

  private PartitionsWritten() {
  }

  /**
   * The values of {@code column} written by commits {@code after + 1} to {@code upTo} of the table at
   * {@code tablePath} ({@code null} for a null partition), or empty when the log cannot tell.
   */
  static Optional<Set<String>> between(Configuration hadoop, String tablePath, String column, long after, long upTo) {
    if (upTo < after || upTo - after > MAX_COMMITS) {
      return Optional.empty();
    }
    Set<String> values = new HashSet<>();
    for (long v = after + 1; v <= upTo; v++) {
      Path commit = new Path(tablePath + "/_delta_log", String.format("%020d.json", v));
      if (!readCommit(hadoop, commit, column, values)) {
        return Optional.empty();
      }
    }
    return Optional.of(values);
  }

  /**
   * The null partition read from a file's path ({@code column=__HIVE_DEFAULT_PARTITION__/part-….parquet}): Delta's
   * {@code remove} leaves a null value out of its partition values. False for any other path (the log then cannot
   * tell, and the caller reads every row).
   */
  static boolean fromPath(String path, String column, Set<String> values) {
    if (!path.startsWith(column + "=" + HIVE_NULL + "/")) {
      return false;
    }
    values.add(null);
    return true;
  }

  /** Adds the commit's partition values to {@code values}; false when the commit says something this cannot use. */
  private static boolean readCommit(Configuration hadoop, Path commit, String column, Set<String> values) {
    try {
      FileSystem fs = commit.getFileSystem(hadoop);
      try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(commit), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode action = JSON.readTree(line);
          if (action.has("metaData")) {
            return false;
          }
          JsonNode file = action.has("add") ? action.get("add") : action.get("remove");
          if (file == null) {
            continue; // commitInfo, protocol, txn, domain metadata: no rows
          }
          JsonNode partition = file.path("partitionValues");
          if (partition.has(column)) {
            JsonNode value = partition.get(column);
            values.add(value.isNull() ? null : value.asText());
          } else if (!fromPath(file.path("path").asText(""), column, values)) {
            return false;
          }
        }
      }
      return true;
    } catch (FileNotFoundException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Delta commit " + commit, e);
    }
  }
}
