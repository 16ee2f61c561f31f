package vn.dvcw.pipelines.feed;

import static org.apache.spark.sql.functions.col;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import vn.dvcw.storage.catalog.WarehouseTables;

/**
 * Step 6: gold.dossier_daily (model gold/dossier_daily.sql), partitioned by receipt month, rebuilt month by month.
 * A month is recomputed when a dossier of it changed, or when the as-of day passed the due day of one of its open
 * dossiers (its overdue count depends on the as-of day: next_open_due_date says when). Of the recomputed months,
 * only those whose rows differ from the stored ones are rewritten, in one commit replacing exactly those partitions.
 */
final class DailyFacts {
  private static final String MODEL = "gold/dossier_daily";


  private final FeedRun run;

  DailyFacts(FeedRun run) {
    this.run = run;
  }

  /** The columns the model produces: the table's, created from them when absent. */
  StructType schema() {
    return facts(List.of(), LocalDate.of(2000, 1, 1)).schema();
  }

  /** The months holding an open dossier whose due day is before {@code asOfDay}. */
  List<String> monthsPassingDue(LocalDate asOfDay) {
    return Columns.distinct(run.models().run("silver/feed/month_passing_due",
        Map.of("as_of_date", Date.valueOf(asOfDay))), "month");
  }

  /** Recomputes {@code months} as of {@code asOfDay} and rewrites those that changed; returns them. */
  List<String> rebuild(List<String> months, LocalDate asOfDay) {
    if (months.isEmpty()) {
      return List.of();
    }
    Dataset<Row> fresh = facts(months, asOfDay).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> stored = run.spark().read().format("delta").load(WarehouseTables.DOSSIER_DAILY.path(run.lakehouse()))
          .where(col("month").isin(months.toArray()));
      List<String> changed = Columns.distinct(fresh.exceptAll(stored).select("month")
          .union(stored.exceptAll(fresh).select("month")), "month");
      if (!changed.isEmpty()) {
        run.tally().note(run.writer().replacePartitions(WarehouseTables.DOSSIER_DAILY,
            fresh.where(col("month").isin(changed.toArray())), changed));
      }
      return changed;
    } finally {
      fresh.unpersist();
    }
  }

  private Dataset<Row> facts(List<String> months, LocalDate asOfDay) {
    return run.models().run(MODEL,
        Map.of("months", months.toArray(String[]::new), "as_of_date", Date.valueOf(asOfDay)));
  }
}
