package vn.dvcw.pipelines.reconciliation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import vn.dvcw.core.documents.Finding;
import vn.dvcw.core.documents.ParsedDocument;
import vn.dvcw.pipelines.JobContext;
import vn.dvcw.pipelines.QuarantineEntry;
import vn.dvcw.storage.catalog.WarehouseTables;
import vn.dvcw.storage.write.TableWriter;

/**
 * Checks every published figure against the rows it summarises and records the findings in
 * {@code gold.reconciliation}: printed totals against the sum of their rows, printed rates against their counts
 * (rounded half up at the printed precision), figures in the text against the tables, and an article's figures
 * against the letter it restates. A mismatch is recorded and shown, never corrected.
 *
 * <ol>
 *   <li>read the acknowledged findings (every {@code acknowledged-findings.tsv} in the inputs folder or below it) and the
 *       mismatches recorded before (a finding is new once);</li>
 *   <li>check every document (the parsers' own checks, then claims across documents);</li>
 *   <li>write the findings ({@code REPLACE}: the table holds the checks of the documents stored now).</li>
 * </ol>
 */
public final class ReconciliationJob {
  private static final String JOB = "reconciliation";

  private final JobContext ctx;

  public ReconciliationJob(JobContext ctx) {
    this.ctx = ctx;
  }

  /** A row of gold.reconciliation. */
  public record FindingRow(String findingId, String docId, String documentKey, String documentNumber, String kind,
      String tableId, String check, String measure, String scope, String publishedValue, String computedValue,
      BigDecimal difference, String status, String detail, Integer lineNo, boolean acknowledged) {

    /** True for the statuses that need a person: a figure that does not add up, or rows the document lacks. */
    public boolean problem() {
      return status.equals("mismatch") || status.equals("missing_rows");
    }
  }

  /**
   * What the job found: every check, the problems in current documents, and how many of those are new (not
   * recorded by an earlier run and not acknowledged).
   */
  public record Result(List<FindingRow> checks, List<FindingRow> problems, long newProblems,
      TableWriter.Result write) {}

  /** Checks {@code parsed} (every stored document by id; {@code current}: ids of current versions). */
  public Result run(Map<String, ParsedDocument> parsed, Set<String> current, String inputs) {
    ctx.step(JOB, 1);
    FindingBaseline baseline = readBaseline(inputs);
    TableWriter writer = ctx.writer();
    Set<String> recorded = recordedProblems(writer);

    ctx.step(JOB, 2);
    Collection<ParsedDocument> all = parsed.values();
    List<FindingRow> rows = new ArrayList<>();
    for (ParsedDocument d : all) {
      List<Finding> findings = new ArrayList<>(d.findings());
      findings.addAll(ClaimChecker.check(d, all, current));
      rows.addAll(findingRows(d, findings, baseline));
    }

    ctx.step(JOB, 3);
    TableWriter.Result write = writer.write(WarehouseTables.RECONCILIATION, rows);
    List<FindingRow> problems = rows.stream().filter(r -> current.contains(r.docId())).filter(FindingRow::problem)
        .toList();
    long newProblems = problems.stream().filter(r -> !recorded.contains(r.findingId()) && !r.acknowledged()).count();
    return new Result(List.copyOf(rows), problems, newProblems, write);
  }

  /** Rows of gold.reconciliation for a document's findings. */
  private static List<FindingRow> findingRows(ParsedDocument d, List<Finding> findings, FindingBaseline baseline) {
    List<FindingRow> rows = new ArrayList<>();
    String key = d.identity().documentKey(d.docId());
    for (Finding f : findings) {
      String id = QuarantineEntry.sha256(String.join("|", d.docId(), String.valueOf(f.tableId()), f.check(),
          f.measure(), String.valueOf(f.scope()), String.valueOf(f.lineNo()), String.valueOf(f.detail())));
      rows.add(new FindingRow(id, d.docId(), key, d.identity().number(), d.identity().kind().sqlName(),
          f.tableId(), f.check(), f.measure(), f.scope(), f.published(), f.computed(),
          f.difference() == null ? null : f.difference().setScale(4, RoundingMode.HALF_UP), f.status(),
          f.detail(), f.lineNo(), baseline.acknowledges(key, f.tableId(), f.check(), f.measure(), f.scope())));
    }
    return rows;
  }

  private Set<String> recordedProblems(TableWriter writer) {
    if (!writer.exists(WarehouseTables.RECONCILIATION)) {
      return Set.of();
    }
    return ctx.spark().read().format("delta").load(WarehouseTables.RECONCILIATION.path(ctx.lakehouse()))
        .where(org.apache.spark.sql.functions.col("status").isin("mismatch", "missing_rows"))
        .select("finding_id").collectAsList().stream().map(r -> r.<String>getAs("finding_id"))
        .collect(Collectors.toSet());
  }

  /** Every acknowledgement file in the inputs folder or below it (a folder of documents keeps its own). */
  private FindingBaseline readBaseline(String inputs) {
    try {
      Path root = new Path(inputs);
      FileSystem fs = root.getFileSystem(ctx.spark().sparkContext().hadoopConfiguration());
      if (!fs.exists(root)) {
        return FindingBaseline.empty();
      }
      StringBuilder all = new StringBuilder();
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
      while (files.hasNext()) {
        Path f = files.next().getPath();
        if (f.getName().equals(FindingBaseline.FILE_NAME)) {
          try (InputStream in = fs.open(f)) {
            all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
          }
        }
      }
      return FindingBaseline.parse(all.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FindingBaseline.FILE_NAME, e);
    }
  }
}
