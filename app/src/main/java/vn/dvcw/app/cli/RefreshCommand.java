package vn.dvcw.app.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.dvcw.pipelines.refresh.IntegrityCheck;
import vn.dvcw.pipelines.refresh.RefreshJob;
import vn.dvcw.pipelines.refresh.RefreshOptions;
import vn.dvcw.pipelines.refresh.RefreshResult;

/** {@code dvcw refresh}: loads the inputs into the lakehouse and rebuilds derived tables and views. */
@Command(name = "refresh", mixinStandardHelpOptions = true,
    description = {"Load the inputs into the lakehouse and rebuild tables and views.",
        "Reads every document in the inputs folder, rebuilds silver, gold and the views.",
        "Re-running on the same inputs changes nothing.",
        "Exit 0: success. Exit 3: success with new findings (quarantined inputs, reconciliation",
        "mismatches not listed in the inputs' acknowledged-findings.tsv, a source newly past its staleness",
        "limit (see analytics.freshness), or tables changed by something other than a refresh).",
        "Exit 4: another refresh holds the lakehouse. Exit 1: failure.",
        "--verify: exit 0 when every table is as the last good refresh left it, 3 when not."})
public final class RefreshCommand implements Callable<Integer> {
  @Mixin LakehouseOptions lakehouse;

  @Option(names = "--inputs", paramLabel = "DIR",
      description = "Inputs folder, sub-folders too (default: the real inputs bundled in the repository, inputs/: "
          + "the five documents and the 766 service index exports)")
  String inputs;

  @Option(names = "--feed", paramLabel = "DIR",
      description = {"Dossier-feed folder: DVCQG messages as JSON lines (.jsonl, .jsonl.gz) or envelopes (.json),",
          "e.g. the output of 'dvcw generate'. Only files not loaded before are read. Needs the",
          "pseudonymisation secret in $DVCW_PSEUDONYM_KEY (./dvcw creates one in .dvcw/pseudonym.key)."})
  String feed;

  @Option(names = "--report",
      description = "After a successful refresh, render the report into <lakehouse>/reports/ (as 'dvcw report')")
  boolean report;

  @Option(names = "--verify",
      description = {"Check, without writing anything, that every table holds what the last good refresh left:",
          "row counts and content hashes per table and partition, rows edited in place, bronze documents",
          "against their input files, and commits no refresh made. Exit 3 when something is found."})
  boolean verify;

  @Option(names = "--rebuild", arity = "0..1", fallbackValue = "all", paramLabel = "TABLE|LAYER",
      description = {"Before refreshing, clear the derived tables of the scope (all, ref, bronze, silver, gold, or one",
          "table such as gold.fact_online_submission) and re-derive them from bronze; bronze documents",
          "whose text was changed are re-read from their input (or the table's history)."})
  String rebuild;

  @Override
  public Integer call() {
    String folder = inputs != null ? inputs : defaultInputs();
    SparkSession spark = lakehouse.openForJob("dvcw-refresh");
    if (verify) {
      return VerifyOutput.print(new IntegrityCheck(spark, vn.dvcw.storage.WarehouseSession.lakehouseOf(spark)).full(),
          System.out);
    }
    RefreshResult result = new RefreshJob(spark, System.out)
        .run(report ? new RefreshOptions(folder, feed).withRebuild(rebuild)
            : new RefreshOptions(folder, feed).withRebuild(rebuild).withoutViewsInSession());
    System.out.println();
    result.summary().forEach(System.out::println);
    System.out.printf("refresh %s: %d documents (%d new), %d observations; exit %d%n", result.runId(),
        result.documents(), result.newDocuments(), result.observations(), result.exitCode());
    boolean refreshed = result.exitCode() == RefreshResult.OK || result.exitCode() == RefreshResult.FINDINGS;
    if (report && refreshed) {
      // The refresh is committed whatever happens here: say so, so a scheduler's alert points at the report.
      try {
        System.out.println("report written: " + ReportCommand.render(spark, null));
      } catch (RuntimeException | LinkageError | java.awt.AWTError e) { // AWT: no fonts or display libraries
        System.err.println("dvcw refresh: the refresh succeeded (exit " + result.exitCode()
            + ") but the report failed: " + Errors.oneLine(e) + "; run 'dvcw report' to retry");
        return 1;
      }
    }
    return result.exitCode();
  }

  public static String defaultInputs() {
    String home = System.getenv("DVCW_HOME");
    return (home != null ? home + "/" : "") + RefreshOptions.BUNDLED_INPUTS;
  }
}
