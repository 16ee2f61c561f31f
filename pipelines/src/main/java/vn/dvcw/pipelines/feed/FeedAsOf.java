package vn.dvcw.pipelines.feed;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import vn.dvcw.core.feed.FeedParser;
import vn.dvcw.core.feed.Pseudonymiser;
import vn.dvcw.storage.catalog.WarehouseTables;
import vn.dvcw.storage.write.TableWriter;

/**
 * gold.dossier_as_of, one row: the time the dossier facts are as of (the latest valid message time loaded), which
 * "overdue" is measured at, and the fingerprint of the pseudonymisation secret the dossiers were built with.
 */
final class FeedAsOf {
  private static final String FEED = "dossier";


  private final FeedRun run;

  FeedAsOf(FeedRun run) {
    this.run = run;
  }

  /** The row of gold.dossier_as_of. */
  record AsOfRow(String feed, Timestamp asOfAt, Date asOfDate, String pseudonymKeyFingerprint, String runId) {}

  /** The stored as-of time, if any. */
  Optional<Timestamp> read() {
    return stored().map(AsOfRow::asOfAt);
  }

  /**
   * Refuses to load with a secret other than the one the lakehouse was built with: the same person would get two
   * pseudonyms.
   */
  void requireSameSecret(Pseudonymiser pseudonyms) {
    String fingerprint = stored().map(AsOfRow::pseudonymKeyFingerprint).orElse(null);
    if (fingerprint != null && !fingerprint.equals(pseudonyms.fingerprint())) {
      throw new IllegalStateException("this lakehouse's dossiers were pseudonymised with another secret: set "
          + Pseudonymiser.ENV + " to the secret it was built with (mixing two would split every person in two)");
    }
  }

  /** Records that the facts are as of {@code asOf}. */
  void write(Timestamp asOf, Pseudonymiser pseudonyms, String runId) {
    AsOfRow row = new AsOfRow(FEED, asOf, Date.valueOf(FeedParser.localDate(asOf)), pseudonyms.fingerprint(), runId);
    TableWriter writer = run.writer();
    run.tally().note(writer.write(WarehouseTables.DOSSIER_AS_OF, List.of(row)));
  }

  private Optional<AsOfRow> stored() {
    List<Row> rows = run.spark().read().format("delta").load(WarehouseTables.DOSSIER_AS_OF.path(run.lakehouse()))
        .collectAsList();
    return rows.stream().findFirst().map(r -> new AsOfRow(r.getAs("feed"), r.getAs("as_of_at"),
        r.getAs("as_of_date"), r.getAs("pseudonym_key_fingerprint"), r.getAs("run_id")));
  }
}
