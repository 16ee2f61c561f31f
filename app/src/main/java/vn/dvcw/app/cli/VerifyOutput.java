package vn.dvcw.app.cli;

import java.io.PrintStream;
import vn.dvcw.pipelines.refresh.IntegrityCheck;
import vn.dvcw.pipelines.refresh.RefreshResult;

/** What {@code dvcw refresh --verify} prints, and its exit code: 3 when a table is not as a refresh left it. */
final class VerifyOutput {
  private VerifyOutput() {}

  static int print(IntegrityCheck.Report report, PrintStream out) {
    report.findings().forEach(f -> out.println(f.line()));
    int problems = report.problems().size();
    if (problems == 0) {
      out.println("verify: every table is as the last good refresh left it; exit 0");
      return RefreshResult.OK;
    }
    out.printf("verify: %d problems in %d tables %s; 'dvcw refresh --rebuild' re-derives them; exit 3%n", problems,
        report.tables().size(), report.tables());
    return RefreshResult.FINDINGS;
  }
}
