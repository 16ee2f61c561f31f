package vn.dvcw.pipelines.refresh;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import vn.dvcw.pipelines.JobContext;
import vn.dvcw.storage.catalog.WarehouseTables;
import vn.dvcw.storage.models.ViewLoader;
import vn.dvcw.storage.write.TableWriter;

/**
 * Which sources are stale, and which of them to alert: the refresh's freshness step, in the manner of dbt's
 * {@code source freshness}.
 *
 * <ol>
 *   <li>read {@code analytics.freshness} (one row per source: its latest data date, age and limit; the view counts
 *       ages to the session's {@code dvcw.today}, else the current date);</li>
 *   <li>read the alerts already given ({@code ops.freshness_alert});</li>
 *   <li>record an alert for every stale source not alerted before.</li>
 * </ol>
 *
 * <p>An alert is one source stuck on one latest data date ({@link #alertId}): a source that passes its limit is
 * alerted once, and stays quiet while it stays stale on the same figures; once newer figures arrive it is a new
 * state, so if they too pass the limit (stale, fresh, then stale again) it is alerted again. A source that was never
 * loaded or has no cadence (articles) is listed, never alerted: nothing of it has
 * passed a limit.
 */
public final class FreshnessCheck {
  /**
   * The session setting analytics.freshness counts ages to, as a date ({@code 2026-12-03}). Unset (production), ages
   * count to the current date when the view is queried. It is read when the session creates its views, so set it
   * when building the session (tests pin it so, {@code --conf} under spark-submit), not later with SET.
   */
  public static final String TODAY_CONF = "dvcw.today";

  /** The view the check reads: the same rows an analyst sees. */
  static final String VIEW = "analytics.freshness";

  private final JobContext ctx;

  public FreshnessCheck(JobContext ctx) {
    this.ctx = ctx;
  }

  /** A source of analytics.freshness as the check sees it. */
  public record Source(String source, String status, Date latestDataDate, String latestSnapshot, Integer ageDays,
      Integer staleAfterDays, Date today) {}

  /** A row of ops.freshness_alert. */
  record AlertRow(String alertId, String source, Date latestDataDate, Integer ageDays, Integer staleAfterDays,
      Date evaluatedOn, String firstRunId, Timestamp alertedAt) {}

  /**
   * What the check found: every source, the stale ones with whether each is a new alert, and the write.
   *
   * @param newAlerts how many stale sources were alerted for the first time by this run (exit code 3 when > 0)
   */
  public record Result(List<Source> sources, List<Source> stale, Set<String> newlyAlerted, long newAlerts,
      TableWriter.Result write) {

    /** One line per stale or never-loaded source, then a count: what {@code dvcw refresh} prints. */
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      for (Source s : stale) {
        String data = s.latestDataDate() == null ? "no data date" : "data to " + s.latestDataDate();
        String snapshot = s.latestSnapshot() == null ? "" : " (" + s.latestSnapshot() + ")";
        lines.add(String.format("STALE %s: %s%s, %s days old, limit %d days%s", s.source(), data, snapshot,
            s.ageDays() == null ? "?" : s.ageDays().toString(), s.staleAfterDays(),
            newlyAlerted.contains(alertId(s)) ? " [new]" : " (alerted before)"));
      }
      for (Source s : sources) {
        if (s.status().equals("never_loaded")) {
          lines.add("NEVER LOADED " + s.source() + ": nothing of it is in the lakehouse");
        }
      }
      long fresh = sources.stream().filter(s -> s.status().equals("fresh")).count();
      Date today = sources.isEmpty() ? null : sources.get(0).today();
      lines.add(String.format("freshness on %s: %d fresh, %d stale (%d new), %d never loaded; see SELECT * FROM %s",
          today, fresh, stale.size(), newAlerts, sources.stream().filter(s -> s.status().equals("never_loaded"))
              .count(), VIEW));
      return lines;
    }
  }

  /** Runs the check after the views exist; {@code runId} is recorded with each new alert. */
  public Result run(String runId) {
    // 1. the sources, as the view reports them (created here when the views step had none to create)
    if (!ctx.spark().catalog().tableExists(VIEW)) {
      ViewLoader.Report created = ViewLoader.fromClasspath().only(List.of(VIEW)).createAll(ctx.spark());
      if (!created.complete()) {
        throw new IllegalStateException("cannot create " + VIEW + ": " + created.failed());
      }
    }
    List<Source> sources = ctx.spark().table(VIEW)
        .select("source", "status", "latest_data_date", "latest_snapshot", "age_days", "stale_after_days", "today")
        .orderBy("source").collectAsList().stream().map(FreshnessCheck::source).toList();
    List<Source> stale = sources.stream().filter(s -> s.status().equals("stale")).toList();

    // 2. the alerts given before
    TableWriter writer = ctx.writer();
    Set<String> alerted = writer.exists(WarehouseTables.FRESHNESS_ALERT)
        ? ctx.spark().read().format("delta").load(WarehouseTables.FRESHNESS_ALERT.path(ctx.lakehouse()))
            .select("alert_id").collectAsList().stream().map(r -> r.<String>getAs("alert_id"))
            .collect(Collectors.toSet())
        : Set.of();

    // 3. the new ones, recorded (a re-run with nothing new commits nothing)
    Timestamp now = Timestamp.from(Instant.now());
    List<AlertRow> rows = stale.stream().filter(s -> !alerted.contains(alertId(s)))
        .map(s -> new AlertRow(alertId(s), s.source(), s.latestDataDate(), s.ageDays(), s.staleAfterDays(),
            s.today(), runId, now))
        .toList();
    TableWriter.Result write = writer.write(WarehouseTables.FRESHNESS_ALERT, rows);
    Set<String> newly = rows.stream().map(AlertRow::alertId).collect(Collectors.toSet());
    return new Result(sources, stale, newly, rows.size(), write);
  }

  /** The state an alert is about: the source and the latest data date it is stuck on ("no-date" when it has none). */
  static String alertId(Source s) {
    return s.source() + "@" + (s.latestDataDate() == null ? "no-date" : s.latestDataDate().toString());
  }

  private static Source source(Row r) {
    return new Source(r.getAs("source"), r.getAs("status"), r.getAs("latest_data_date"), r.getAs("latest_snapshot"),
        r.getAs("age_days"), r.getAs("stale_after_days"), r.getAs("today"));
  }
}
