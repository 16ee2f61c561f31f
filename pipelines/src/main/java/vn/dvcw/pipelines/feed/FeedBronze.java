package vn.dvcw.pipelines.feed;

import static org.apache.spark.sql.functions.col;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import vn.dvcw.core.feed.FeedFile;
import vn.dvcw.core.feed.FeedParser;
import vn.dvcw.core.feed.PersonalData;
import vn.dvcw.storage.catalog.WarehouseTables;

/**
 * Step 3: the staged messages into bronze.feed_record (every message as received, personal data included) and the
 * refused ones into ops.quarantine (reason, file, line, raw text redacted). bronze.feed_record is appended to, so
 * the messages a crashed run wrote for a file it is retrying are deleted first: each message is stored once.
 */
final class FeedBronze {

  private final FeedRun run;

  FeedBronze(FeedRun run) {
    this.run = run;
  }

  /** What bronze received: each file's counts and how many refused messages the quarantine did not hold yet. */
  record Loaded(Map<String, FeedFileLedger.FileCount> perFile, long quarantinedNew) {
    long messages() {
      return perFile.values().stream().mapToLong(FeedFileLedger.FileCount::messages).sum();
    }

    long quarantined() {
      return perFile.values().stream().mapToLong(FeedFileLedger.FileCount::quarantined).sum();
    }
  }

  /** Writes the staged messages (view {@link FeedViews#STAGED}) of the files of {@code plan}. */
  Loaded write(FeedFiles.Plan plan, String runId, Timestamp now) {
    if (!plan.retried().isEmpty()) {
      run.tally().note(run.writer().delete(WarehouseTables.FEED_RECORD,
          col("file_id").isin(plan.retried().stream().map(FeedFile::fileId).toArray())));
    }
    run.tally().note(run.writer().write(WarehouseTables.FEED_RECORD, run.models().run("silver/feed/feed_record",
        Map.of("ingest_date", Date.valueOf(FeedParser.localDate(now)), "run_id", runId))));
    return new Loaded(perFileCounts(), quarantine(runId, now));
  }

  private Map<String, FeedFileLedger.FileCount> perFileCounts() {
    Map<String, FeedFileLedger.FileCount> counts = new LinkedHashMap<>();
    for (Row r : run.models().run("silver/feed/file_count").collectAsList()) {
      String fileId = r.getAs("file_id");
      counts.put(fileId, new FeedFileLedger.FileCount(fileId, r.<Long>getAs("messages"),
          r.<Long>getAs("quarantined"), r.<Boolean>getAs("interrupted")));
    }
    return counts;
  }

  private long quarantine(String runId, Timestamp now) {
    if (!run.spark().catalog().functionExists("redact_personal")) {
      run.spark().udf().register("redact_personal", (String s) -> PersonalData.redact(s), DataTypes.StringType);
    }
    Dataset<Row> refused = run.models().run("silver/feed/quarantined_message",
        Map.of("run_id", runId, "quarantined_at", now));
    if (refused.isEmpty()) {
      return 0;
    }
    return run.tally().note(run.writer().write(WarehouseTables.QUARANTINE, refused)).inserted();
  }
}
