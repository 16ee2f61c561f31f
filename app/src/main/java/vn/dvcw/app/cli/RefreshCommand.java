package vn.dvcw.app.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.dvcw.pipelines.refresh.RefreshJob;
import vn.dvcw.pipelines.refresh.RefreshOptions;
import vn.dvcw.pipelines.refresh.RefreshResult;

/** {@code dvcw refresh}: loads the inputs into the lakehouse and rebuilds derived tables and views. */
@Command(name = "refresh", mixinStandardHelpOptions = true,
    description = {"Load the inputs into the lakehouse and rebuild tables and views.",
        "Reads every document in the inputs folder, rebuilds silver, gold and the views.",
        "Re-running on the same inputs changes nothing.",
        "Exit 0: success. Exit 3: success with new findings (quarantined inputs, reconciliation",
        "mismatches not listed in the inputs' acknowledged-findings.tsv, or a source newly past its",
        "staleness limit: see analytics.freshness). Exit 1: failure."})
public final class RefreshCommand implements Callable<Integer> {
  @Mixin LakehouseOptions lakehouse;

  @Option(names = "--inputs", paramLabel = "DIR",
      description = "Inputs folder (default: the real documents bundled in the repository, inputs/documents)")
  String inputs;

  @Option(names = "--feed", paramLabel = "DIR",
      description = {"Dossier-feed folder: DVCQG messages as JSON lines (.jsonl, .jsonl.gz) or envelopes (.json),",
          "e.g. the output of 'dvcw generate'. Only files not loaded before are read. Needs the",
          "pseudonymisation secret in $DVCW_PSEUDONYM_KEY (./dvcw creates one in .dvcw/pseudonym.key)."})
  String feed;

  @Option(names = "--report",
      description = "After a successful refresh, render the report into <lakehouse>/reports/ (as 'dvcw report')")
  boolean report;

  @Override
  public Integer call() {
    String folder = inputs != null ? inputs : defaultInputs();
    SparkSession spark = lakehouse.openForJob("dvcw-refresh");
    RefreshResult result = new RefreshJob(spark, System.out).run(new RefreshOptions(folder, feed));
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
