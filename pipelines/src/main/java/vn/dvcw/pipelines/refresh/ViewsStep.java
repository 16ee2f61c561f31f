package vn.dvcw.pipelines.refresh;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import vn.dvcw.pipelines.JobContext;
import vn.dvcw.storage.WarehouseSession;
import vn.dvcw.storage.models.ViewLoader;
import vn.dvcw.storage.write.Digest;
import vn.dvcw.storage.write.WriteMemo;

/**
 * A refresh's views step: every view of {@code models/} created, which proves each model still analyses against the
 * tables as they now are (one that cannot be is a failed refresh). Creating them is analysis only, and its outcome
 * depends on the models, the code and the tables' schemas: when those are as at the last successful creation (the
 * view files, the code and the version of every table the views read), the proof stands and the step creates nothing.
 * Views are per session: a session that queries after the refresh still gets the views it lacks; a command that
 * ends with the refresh gets none, and a later step that reads one creates it on use ({@link ViewLoader#only}).
 */
final class ViewsStep {
  /** The name of the step's memo in {@link WriteMemo}. */
  static final String MEMO = "analytics-views";

  /** What the step did: the views created, or, when unchanged, how many views stand as last created. */
  record Outcome(List<String> created, int unchanged) {}

  private ViewsStep() {}

  /**
   * Creates the views, or, when the memo holds, only those the session lacks ({@code inSession}) or none. A view
   * that cannot be created fails the step.
   */
  static Outcome run(JobContext ctx, boolean inSession) {
    ViewLoader views = ViewLoader.fromClasspath();
    WriteMemo memo = new WriteMemo(ctx.spark().sparkContext().hadoopConfiguration(), ctx.lakehouse());
    String digest = digest(ctx, views);
    boolean unchanged = memo.holds(MEMO, digest);
    ViewLoader toCreate = unchanged ? views.missingIn(ctx.spark()) : views;
    if (unchanged && (!inSession || toCreate.files().isEmpty())) {
      return new Outcome(List.of(), views.files().size());
    }
    WarehouseSession.attachTables(ctx.spark(), ctx.lakehouse()); // every table a job created since the session opened
    ViewLoader.Report report = toCreate.createAll(ctx.spark());
    if (!report.complete()) {
      memo.forget(MEMO);
      throw new IllegalStateException("views not created: " + report.failed().entrySet().stream()
          .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining("; "))
          + ". Fix the model in models/ and refresh again");
    }
    memo.record(MEMO, digest);
    return new Outcome(report.created(), 0);
  }

  /**
   * The view files, the code that creates them (and their SQL functions), the session's {@code dvcw.*} settings and
   * the state of every table they read.
   */
  private static String digest(JobContext ctx, ViewLoader views) {
    Digest d = new Digest().code(ViewLoader.class).texts(new ArrayList<>(views.files().values()));
    // Session settings the view files substitute (${dvcw.today} in analytics.freshness).
    new java.util.TreeMap<>(scala.collection.JavaConverters.mapAsJavaMap(ctx.spark().conf().getAll()))
        .forEach((k, v) -> {
          if (k.startsWith("dvcw.")) {
            d.text(k + "=" + v);
          }
        });
    Set<String> viewNames = views.descriptions().keySet();
    Set<String> tables = new TreeSet<>();
    views.files().values().forEach(sql -> tables.addAll(views.reads(sql)));
    tables.removeAll(viewNames);
    tables.forEach(t -> d.text(ctx.writer().state(t)));
    return d.hex();
  }
}
