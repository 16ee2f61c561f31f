package vn.dvcw.pipelines.feed;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import vn.dvcw.core.feed.FeedFile;
import vn.dvcw.core.feed.FeedParser;
import vn.dvcw.storage.catalog.WarehouseTables;
import vn.dvcw.storage.write.TableWriter;

/**
 * bronze.feed_file, the ledger of feed files: a file is marked 'loading' before any of its messages is written and
 * 'loaded' (with its counts) after the run's last step, so a crash in between leaves 'loading' and the next run
 * loads the file again (see {@link FeedFiles}). Files with the bytes of a loaded one are marked 'duplicate'. A file
 * whose read was interrupted (it disappeared or changed meanwhile) is marked 'interrupted' instead of 'loaded': what
 * was read of it is loaded, and the next run reads it again if it is there.
 */
final class FeedFileLedger {
  private static final String LOADING = "loading";
  private static final String LOADED = "loaded";
  private static final String DUPLICATE = "duplicate";
  private static final String INTERRUPTED = "interrupted";


  private final FeedRun run;

  FeedFileLedger(FeedRun run) {
    this.run = run;
  }

  /** A row of bronze.feed_file. */
  record FeedFileRow(String filePath, String sha256, long sizeBytes, Timestamp arrivedAt, String status,
      String duplicateOf, Date ingestDate, Long messages, Long quarantined, String runId, Timestamp recordedAt) {}

  /** Messages and refused messages of one file of the run (file_count.sql). */
  record FileCount(String fileId, long messages, long quarantined, boolean interrupted) {
    static final FileCount NONE = new FileCount(null, 0, 0, false);
  }

  /** What the ledger knows of every file seen before (none when the table does not exist yet). */
  List<FeedFiles.Known> known() {
    if (!run.writer().exists(WarehouseTables.FEED_FILE)) {
      return List.of();
    }
    return run.spark().read().format("delta").load(WarehouseTables.FEED_FILE.path(run.lakehouse()))
        .select("file_path", "sha256", "size_bytes", "arrived_at", "status").collectAsList().stream()
        .map(FeedFileLedger::known).toList();
  }

  private static FeedFiles.Known known(Row r) {
    Timestamp arrivedAt = r.getAs("arrived_at");
    return new FeedFiles.Known(r.getAs("file_path"), r.getAs("sha256"), r.<Long>getAs("size_bytes"),
        arrivedAt.getTime(), r.getAs("status"));
  }

  /** Records the files of {@code plan} that repeat a loaded file's bytes (nothing of theirs is loaded). */
  void markDuplicates(FeedFiles.Plan plan, String runId, Timestamp now) {
    if (plan.duplicates().isEmpty()) {
      return;
    }
    write(plan.duplicates().entrySet().stream().map(e -> row(e.getKey(), DUPLICATE, e.getValue(),
        new FileCount(e.getKey().fileId(), 0, 0, false), runId, now)).toList());
  }

  /** Marks {@code files} as being loaded: until {@link #markLoaded}, a crash makes the next run load them again. */
  void markLoading(List<FeedFile> files, String runId, Timestamp now) {
    write(files.stream().map(f -> row(f, LOADING, null, null, runId, now)).toList());
  }

  /** Marks {@code files} as loaded (or interrupted, when their read was), with each one's counts. */
  void markLoaded(List<FeedFile> files, Map<String, FileCount> counts, String runId, Timestamp now) {
    write(files.stream().map(f -> {
      FileCount count = counts.getOrDefault(f.fileId(), FileCount.NONE);
      return row(f, count.interrupted() ? INTERRUPTED : LOADED, null, count, runId, now);
    }).toList());
  }

  private static FeedFileRow row(FeedFile f, String status, String duplicateOf, FileCount count, String runId,
      Timestamp now) {
    return new FeedFileRow(f.path(), f.fileId(), f.size(), f.arrivedAt(), status, duplicateOf,
        Date.valueOf(FeedParser.localDate(now)), count == null ? null : count.messages(),
        count == null ? null : count.quarantined(), runId, now);
  }

  private void write(List<FeedFileRow> rows) {
    TableWriter writer = run.writer();
    run.tally().note(writer.write(WarehouseTables.FEED_FILE, rows));
  }
}
