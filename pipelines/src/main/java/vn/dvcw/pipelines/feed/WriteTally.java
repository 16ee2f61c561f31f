package vn.dvcw.pipelines.feed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.dvcw.storage.write.TableWriter;

/** The rows each table received in one run and its Delta version afterwards: what ops.refresh_run records. */
final class WriteTally {
  private final Map<String, Long> rows = new LinkedHashMap<>();
  private final Map<String, Long> versions = new LinkedHashMap<>();

  /** Adds {@code result} to the tally and returns it. */
  TableWriter.Result note(TableWriter.Result result) {
    rows.merge(result.table(), result.rows(), Long::sum);
    versions.put(result.table(), result.version());
    return result;
  }

  Map<String, Long> rowsWritten() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(rows));
  }

  Map<String, Long> tableVersions() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(versions));
  }
}
