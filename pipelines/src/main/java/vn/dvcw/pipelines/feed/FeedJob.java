package vn.dvcw.pipelines.feed;

import vn.dvcw.core.feed.Pseudonymiser;
import vn.dvcw.core.feed.PersonalData;
import vn.dvcw.core.feed.FeedParser;
import vn.dvcw.core.feed.FeedFile;
import vn.dvcw.core.feed.AgencyDirectory;
import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import vn.dvcw.core.calendar.WorkingCalendar;
import vn.dvcw.lakehouse.catalog.CatalogRegistrar;
import vn.dvcw.lakehouse.catalog.TableSpec;
import vn.dvcw.lakehouse.catalog.WarehouseTables;
import vn.dvcw.core.geo.ProvinceDirectory;
import vn.dvcw.lakehouse.write.RowHash;
import vn.dvcw.lakehouse.write.TableWriter;

/**
 * Loads the dossier feed: new feed files → bronze (raw messages) → silver (dossiers' latest state, events) →
 * gold.dossier_daily, touching only what the new files affect.
 *
 * <ul>
 *   <li>bronze.feed_file records each file (path, checksum) before its records are written ('loading') and after
 *       ('loaded'): a file is read once; a crash in between makes the next run load it again, replacing what the
 *       crashed run wrote.</li>
 *   <li>bronze.feed_record keeps every message as received, with file, line, item and arrival time, partitioned
 *       by ingest day. It is the only table with personal data.</li>
 *   <li>silver.dossier_event gets the events it does not have (by event id: dossier, time, status, action).</li>
 *   <li>silver.dossier (partitioned by receipt month) is folded: the batch's records and events are combined with
 *       the stored state of the same dossiers only (dossier_fold.sql), and only rows whose content changed are
 *       merged. Arrival order never decides the state (event time does), so late and repeated messages end the
 *       same way as timely ones.</li>
 *   <li>gold.dossier_daily is rebuilt for the receipt months whose dossiers changed, and for the months where an
 *       open dossier passed its due day since the last run (the "overdue" count depends on the as-of day).</li>
 * </ul>
 * The cost of a run follows the size of the new files and the months they touch, not the length of the history.
 */
public final class FeedJob {
  static final String RECORD_COLUMNS = "ma_tthc, ma_tthc_raw, ten_tthc, ma_linh_vuc, ten_linh_vuc, channel, "
      + "applicant_type, record_status, result_delivery, submitted_via, has_digitised_components, "
      + "vneid_authenticated, paid_online_code, submitted_at, received_at, due_at, finished_at, returned_at, "
      + "refused_at, version_at, status_rank, agency_code, unit_name, level, era, province_key, province_code, "
      + "receipt_date, receipt_month, accepted_late, n_files, n_files_digitised, n_files_from_store, n_results, "
      + "n_results_electronic, n_supplements, fee_total, has_fee, owner_id_pid, account_pid, source";
  private static final String LOCAL = "'Asia/Ho_Chi_Minh'";

  private final SparkSession spark;
  private final String lakehouse;
  private final TableWriter writer;
  private final Consumer<String> log;
  private final Map<String, Long> written = new LinkedHashMap<>();
  private final Map<String, Long> versions = new LinkedHashMap<>();

  public FeedJob(SparkSession spark, String lakehouse, Consumer<String> log) {
    this.spark = spark;
    this.lakehouse = lakehouse;
    this.writer = new TableWriter(spark, lakehouse);
    this.log = log;
  }

  /** What a feed run did. */
  public record Result(int filesSeen, int filesLoaded, int duplicates, long messages, long quarantined,
      long quarantinedNew, long eventsNew, long dossiersChanged, List<String> monthsRebuilt, Timestamp asOf,
      Map<String, Long> rowsWritten, Map<String, Long> tableVersions) {

    public String summary() {
      return String.format("%d feed files (%d loaded, %d duplicates); %,d messages, %,d quarantined (%,d new); "
          + "%,d new events; %,d dossiers changed; gold months rebuilt: %s; as of %s", filesSeen, filesLoaded,
          duplicates, messages, quarantined, quarantinedNew, eventsNew, dossiersChanged,
          monthsRebuilt.isEmpty() ? "none" : compact(monthsRebuilt), asOf == null ? "-" : asOf.toInstant());
    }

    private static String compact(List<String> months) {
      return months.size() <= 4 ? String.join(", ", months)
          : months.get(0) + " … " + months.get(months.size() - 1) + " (" + months.size() + ")";
    }
  }

  /** Creates the feed's silver and gold tables, empty, when absent: the views read them whether or not a feed was loaded. */
  public void ensureTables() {
    writer.createIfAbsent(WarehouseTables.DOSSIER);
    writer.createIfAbsent(WarehouseTables.DOSSIER_EVENT);
    writer.createIfAbsent(WarehouseTables.DOSSIER_AS_OF);
    if (!writer.exists(WarehouseTables.DOSSIER_DAILY)) {
      writer.createIfAbsent(WarehouseTables.DOSSIER_DAILY,
          spark.sql(goldSql(List.of("0000-00"), LocalDate.of(2000, 1, 1))).schema());
    }
    new CatalogRegistrar(spark, lakehouse).registerAll();
  }

  /** Loads the new files of {@code folder}. */
  public Result run(String folder, String runId) {
    Pseudonymiser pseudonyms = Pseudonymiser.fromEnvironment();
    ensureTables();
    requireSameSecret(pseudonyms);
    FeedFiles files = new FeedFiles(spark.sparkContext().hadoopConfiguration());
    List<FeedFiles.Listed> listed = files.list(folder);
    FeedFiles.Plan plan = files.plan(listed, knownFiles());
    log.accept(String.format("feed %s: %d files, %d new, %d already loaded, %d duplicates", folder, listed.size(),
        plan.load().size(), plan.unchanged(), plan.duplicates().size()));
    Timestamp now = Timestamp.from(Instant.now());
    recordDuplicates(plan, runId, now);
    if (plan.load().isEmpty()) {
      return new Result(listed.size(), 0, plan.duplicates().size(), 0, 0, 0, 0, 0, List.of(), asOf(), written,
          versions);
    }
    recordFiles(plan.load(), "loading", runId, now, Map.of());

    Path staging = new Path(lakehouse + "/_staging/feed-" + runId);
    try {
      FeedParser parser = new FeedParser(new AgencyDirectory(ProvinceDirectory.fromClasspath()),
          WorkingCalendar.vietnam(), pseudonyms, Instant.now());
      long t = System.nanoTime();
      FeedReader.read(spark, plan.load(), parser).write().mode("overwrite").parquet(staging.toString());
      Dataset<Row> staged = spark.read().parquet(staging.toString());
      staged.createOrReplaceTempView("feed_staged");
      log.accept(String.format("parsed %d files (%.1f s)", plan.load().size(), since(t)));

      t = System.nanoTime();
      writeBronze(plan, runId, now);
      Map<String, long[]> perFile = perFileCounts();
      long messages = perFile.values().stream().mapToLong(c -> c[0]).sum();
      long quarantined = perFile.values().stream().mapToLong(c -> c[1]).sum();
      long quarantinedNew = quarantine(runId, now);
      log.accept(String.format("bronze: %,d messages from %d files, %,d refused (%,d new in the quarantine) (%.1f s)",
          messages, plan.load().size(), quarantined, quarantinedNew, since(t)));

      t = System.nanoTime();
      long newEvents = mergeEvents();
      Timestamp before = asOf();
      Timestamp after = latest(before, batchLatest());
      Fold fold = foldDossiers(plan.load().stream().map(FeedFile::fileId).toList());
      log.accept(String.format("silver: %,d new events, %,d dossiers changed (%.1f s)", newEvents, fold.changed(),
          since(t)));
      t = System.nanoTime();

      TreeSet<String> months = new TreeSet<>(fold.months());
      if (after != null && (before == null || after.after(before))) {
        months.addAll(monthsPassingDue(FeedParser.localDate(after)));
      }
      List<String> rebuilt = rebuildGold(new ArrayList<>(months), after);
      writeAsOf(after, pseudonyms, runId);
      recordFiles(plan.load(), "loaded", runId, now, perFile);
      log.accept(String.format("gold: dossier_daily months rebuilt: %s (%.1f s)", rebuilt.isEmpty() ? "none"
          : rebuilt.size() + " (" + rebuilt.get(0) + " … " + rebuilt.get(rebuilt.size() - 1) + ")", since(t)));
      return new Result(listed.size(), plan.load().size(), plan.duplicates().size(), messages, quarantined,
          quarantinedNew, newEvents, fold.changed(), rebuilt, after, written, versions);
    } finally {
      for (String v : List.of("feed_staged", "batch_event", "batch_record", "batch_event_agg", "candidate",
          "existing_dossier", "undated", "new_dossier", "stored_event", "event_agg", "folded")) {
        spark.catalog().dropTempView(v);
      }
      deleteQuietly(staging);
    }
  }

  // ---- files ----

  private List<FeedFiles.Known> knownFiles() {
    if (!exists(WarehouseTables.FEED_FILE)) {
      return List.of();
    }
    return table(WarehouseTables.FEED_FILE).select("file_path", "sha256", "size_bytes", "arrived_at", "status")
        .collectAsList().stream().map(r -> new FeedFiles.Known(r.getString(0), r.getString(1), r.getLong(2),
            r.getTimestamp(3).getTime(), r.getString(4))).toList();
  }

  private void recordFiles(List<FeedFile> files, String status, String runId, Timestamp now,
      Map<String, long[]> counts) {
    Date today = Date.valueOf(FeedParser.localDate(now));
    List<Row> rows = files.stream().map(f -> {
      long[] c = counts.getOrDefault(f.fileId(), new long[] {0, 0});
      return RowFactory.create(f.path(), f.fileId(), f.size(), f.arrivedAt(), status, null, today,
          status.equals("loaded") ? c[0] : null, status.equals("loaded") ? c[1] : null, runId, now);
    }).toList();
    note(writer.write(WarehouseTables.FEED_FILE, spark.createDataFrame(rows, WarehouseTables.FEED_FILE.schema())));
  }

  private void recordDuplicates(FeedFiles.Plan plan, String runId, Timestamp now) {
    if (plan.duplicates().isEmpty()) {
      return;
    }
    Date today = Date.valueOf(FeedParser.localDate(now));
    List<Row> rows = plan.duplicates().entrySet().stream().map(e -> RowFactory.create(e.getKey().path(),
        e.getKey().fileId(), e.getKey().size(), e.getKey().arrivedAt(), "duplicate", e.getValue(), today, 0L, 0L,
        runId, now)).toList();
    note(writer.write(WarehouseTables.FEED_FILE, spark.createDataFrame(rows, WarehouseTables.FEED_FILE.schema())));
  }

  // ---- bronze and quarantine ----

  private void writeBronze(FeedFiles.Plan plan, String runId, Timestamp now) {
    String path = WarehouseTables.FEED_RECORD.path(lakehouse);
    if (!plan.retried().isEmpty()) {
      // A crashed run may have written part of these files: remove it before writing them again.
      note(writer.delete(WarehouseTables.FEED_RECORD, col("file_id").isin(plan.retried().stream()
          .map(FeedFile::fileId).toArray())));
    }
    Dataset<Row> bronze = spark.sql("SELECT file_id, file_path, line_no, item_no, arrived_at, "
        + "DATE'" + FeedParser.localDate(now) + "' AS ingest_date, '" + runId + "' AS run_id, service, madonvi, "
        + "is_updating, kind, source, ma_ho_so, raw_json, problem FROM feed_staged");
    note(writer.write(WarehouseTables.FEED_RECORD, bronze));
  }

  private Map<String, long[]> perFileCounts() {
    Map<String, long[]> counts = new LinkedHashMap<>();
    spark.sql("SELECT file_id, count(*), count_if(problem IS NOT NULL) FROM feed_staged GROUP BY file_id")
        .collectAsList().forEach(r -> counts.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)}));
    return counts;
  }

  private long quarantine(String runId, Timestamp now) {
    if (!spark.catalog().functionExists("redact_personal")) {
      spark.udf().register("redact_personal", (String s) -> PersonalData.redact(s), DataTypes.StringType);
    }
    Dataset<Row> rows = spark.sql("SELECT sha2(concat_ws('|', 'feed', file_id, line_no, item_no), 256) AS quarantine_id, "
        + "'" + runId + "' AS first_run_id, 'feed' AS stage, file_path, file_id AS doc_id, "
        + "concat('bronze.feed_record ', kind) AS table_id, line_no, redact_personal(raw_json) AS raw_text, "
        + "problem AS reason FROM feed_staged WHERE problem IS NOT NULL").withColumn("quarantined_at", functions.lit(now));
    if (rows.isEmpty()) {
      return 0;
    }
    TableWriter.Result r = writer.write(WarehouseTables.QUARANTINE, rows);
    note(r);
    return r.inserted();
  }

  // ---- events ----

  private long mergeEvents() {
    Dataset<Row> events = spark.sql("SELECT event_id, ma_ho_so, event_at, "
        + "to_date(from_utc_timestamp(event_at, " + LOCAL + ")) AS event_date, "
        + "date_format(from_utc_timestamp(event_at, " + LOCAL + "), 'yyyy-MM') AS event_month, event_status, action, "
        + "handler_pid, step_deadline_at, source, file_id, line_no, item_no, arrived_at FROM ("
        + "  SELECT *, row_number() OVER (PARTITION BY event_id ORDER BY arrived_at, file_id, line_no, item_no) AS rn"
        + "  FROM feed_staged WHERE kind = 'event' AND problem IS NULL) WHERE rn = 1");
    events.persist(StorageLevel.MEMORY_AND_DISK());
    events.createOrReplaceTempView("batch_event");
    List<String> months = distinct(events, "event_month");
    if (months.isEmpty()) {
      return 0;
    }
    TableWriter.Result r = writer.write(WarehouseTables.DOSSIER_EVENT, events,
        new TableWriter.Scope("event_month", months));
    note(r);
    return r.inserted();
  }

  // ---- dossiers ----

  /** The dossiers whose state changed and the receipt months they were or now are in. */
  record Fold(long changed, List<String> months) {}

  private Fold foldDossiers(List<String> batchFiles) {
    spark.sql("SELECT * FROM feed_staged WHERE kind = 'dossier' AND problem IS NULL")
        .createOrReplaceTempView("batch_record");
    spark.sql(eventAggSql("batch_event")).createOrReplaceTempView("batch_event_agg");

    // Where the stored state of each touched dossier can be: the months its record names, or for events alone,
    // the month of the date in its number (agency-yyMMdd-sequence) and the next one.
    spark.sql("""
        SELECT DISTINCT ma_ho_so, m AS receipt_month FROM (
          SELECT ma_ho_so, explode(array(receipt_month,
            date_format(from_utc_timestamp(submitted_at, %1$s), 'yyyy-MM'),
            date_format(from_utc_timestamp(received_at, %1$s), 'yyyy-MM'))) AS m
          FROM batch_record
          UNION ALL
          SELECT ma_ho_so, explode(array(date_format(h, 'yyyy-MM'), date_format(add_months(h, 1), 'yyyy-MM'))) AS m
          FROM (SELECT ma_ho_so, to_date(regexp_extract(ma_ho_so, '-([0-9]{6})-[0-9]{4,5}$', 1), 'yyMMdd') AS h
                FROM batch_event_agg)
        ) WHERE m IS NOT NULL""".formatted(LOCAL)).createOrReplaceTempView("candidate");
    List<String> months = distinct(spark.table("candidate"), "receipt_month");
    Dataset<Row> existing = spark.sql("SELECT d.* FROM silver.dossier d LEFT SEMI JOIN candidate c "
        + "ON c.ma_ho_so = d.ma_ho_so AND c.receipt_month = d.receipt_month "
        + "WHERE d.receipt_month IN (" + quoted(months.isEmpty() ? List.of("0000-00") : months) + ")");
    existing.persist(StorageLevel.MEMORY_AND_DISK());
    existing.createOrReplaceTempView("existing_dossier");

    // Events of dossiers whose number carries no date, and whose record is not in the batch: look them up by key
    // in every month (one column read). Rare in practice; feeds with dated numbers never need it.
    Dataset<Row> undated = spark.sql("SELECT a.ma_ho_so FROM batch_event_agg a LEFT ANTI JOIN candidate c "
        + "ON c.ma_ho_so = a.ma_ho_so");
    if (!undated.isEmpty()) {
      undated.createOrReplaceTempView("undated");
      List<String> found = distinct(spark.sql("SELECT DISTINCT d.receipt_month FROM silver.dossier d "
          + "LEFT SEMI JOIN undated u ON u.ma_ho_so = d.ma_ho_so"), "receipt_month");
      if (!found.isEmpty()) {
        existing.unpersist();
        existing = spark.sql("SELECT d.* FROM silver.dossier d WHERE d.receipt_month IN (" + quoted(found) + ") "
            + "AND d.ma_ho_so IN (SELECT ma_ho_so FROM undated) UNION ALL SELECT * FROM existing_dossier");
        existing = existing.persist(StorageLevel.MEMORY_AND_DISK());
        existing.createOrReplaceTempView("existing_dossier");
        months = new ArrayList<>(new TreeSet<>(concat(months, found)));
      }
    }

    // Dossiers new to silver may have had events stored before their record arrived: bring those in too.
    spark.sql("SELECT r.ma_ho_so, min(r.receipt_month) AS receipt_month FROM batch_record r "
        + "LEFT ANTI JOIN existing_dossier e ON e.ma_ho_so = r.ma_ho_so GROUP BY r.ma_ho_so")
        .createOrReplaceTempView("new_dossier");
    List<String> newMonths = distinct(spark.table("new_dossier"), "receipt_month");
    // (Events of this batch are already in batch_event: only earlier files' events are needed here.)
    String earlier = newMonths.isEmpty() ? "false" : "e.event_month >= '" + newMonths.get(0) + "' AND e.file_id NOT IN ("
        + quoted(batchFiles) + ")";
    spark.sql("SELECT e.* FROM silver.dossier_event e LEFT SEMI JOIN new_dossier n ON n.ma_ho_so = e.ma_ho_so "
        + "WHERE " + earlier).createOrReplaceTempView("stored_event");
    spark.sql(eventAggSql("(SELECT * FROM batch_event UNION ALL SELECT * FROM stored_event)"))
        .createOrReplaceTempView("event_agg");

    Dataset<Row> folded = RowHash.add(spark.sql(resource("models/silver/dossier_fold.sql")
        .replace("${record_columns_b}", prefixed(RECORD_COLUMNS, "b."))
        .replace("${record_columns}", RECORD_COLUMNS)), WarehouseTables.DOSSIER);
    folded.createOrReplaceTempView("folded");
    Dataset<Row> changed = spark.sql("SELECT f.*, e.receipt_month AS previous_month FROM folded f "
        + "LEFT JOIN existing_dossier e ON e.ma_ho_so = f.ma_ho_so WHERE e.row_hash IS NULL OR e.row_hash <> f.row_hash");
    changed.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long n = changed.count();
      if (n == 0) {
        return new Fold(0, List.of());
      }
      TreeSet<String> touched = new TreeSet<>(distinct(changed, "receipt_month"));
      touched.addAll(distinct(changed.where("previous_month IS NOT NULL"), "previous_month"));
      TreeSet<String> scope = new TreeSet<>(touched);
      scope.addAll(months);
      note(writer.write(WarehouseTables.DOSSIER, changed.drop("previous_month"),
          new TableWriter.Scope("receipt_month", new ArrayList<>(scope))));
      return new Fold(n, new ArrayList<>(touched));
    } finally {
      changed.unpersist();
      existing.unpersist();
    }
  }

  /** Per dossier: the latest event (time, status), and the first finish, return, stop and pause times. */
  private static String eventAggSql(String from) {
    return "SELECT ma_ho_so, max(event_at) AS last_event_at, "
        + "max_by(event_status, struct(event_at, event_status)) AS last_event_status, "
        + "min(CASE WHEN event_status = 9 THEN event_at END) AS first_finished_event_at, "
        + "min(CASE WHEN event_status = 10 THEN event_at END) AS first_returned_event_at, "
        + "min(CASE WHEN event_status IN (3, 7, 8) THEN event_at END) AS first_stopped_event_at, "
        + "min(CASE WHEN event_status IN (5, 6) THEN event_at END) AS first_pause_at, "
        + "max(CASE WHEN event_status IN (5, 6) THEN event_at END) AS last_pause_at "
        + "FROM " + from + " GROUP BY ma_ho_so";
  }

  /** The latest valid time in the batch: what the facts are as of once it is loaded. */
  private Timestamp batchLatest() {
    Row r = spark.sql("SELECT max(greatest(version_at, event_at)) FROM feed_staged WHERE problem IS NULL").head();
    return r.isNullAt(0) ? null : r.getTimestamp(0);
  }

  // ---- gold ----

  private List<String> monthsPassingDue(LocalDate asOfDay) {
    return distinct(spark.sql("SELECT DISTINCT month FROM gold.dossier_daily WHERE next_open_due_date < DATE'"
        + asOfDay + "'"), "month");
  }

  /**
   * Recomputes the months of gold.dossier_daily that may have changed and rewrites those whose rows did change
   * (one Delta commit, replacing exactly those month partitions). Returns the months rewritten.
   */
  private List<String> rebuildGold(List<String> months, Timestamp asOf) {
    if (months.isEmpty() || asOf == null) {
      return List.of();
    }
    String path = WarehouseTables.DOSSIER_DAILY.path(lakehouse);
    Dataset<Row> fresh = spark.sql(goldSql(months, FeedParser.localDate(asOf)));
    fresh.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> stored = spark.read().format("delta").load(path).where(col("month").isin(months.toArray()));
      List<String> changed = distinct(fresh.exceptAll(stored).select("month")
          .union(stored.exceptAll(fresh).select("month")), "month");
      if (changed.isEmpty()) {
        return List.of();
      }
      Dataset<Row> rows = fresh.where(col("month").isin(changed.toArray()));
      note(writer.replacePartitions(WarehouseTables.DOSSIER_DAILY, rows, changed));
      return changed;
    } finally {
      fresh.unpersist();
    }
  }

  private static String goldSql(List<String> months, LocalDate asOfDay) {
    return resource("models/gold/dossier_daily.sql").replace("${months}", quoted(months))
        .replace("${as_of_date}", asOfDay.toString());
  }

  // ---- as-of ----

  private Timestamp asOf() {
    List<Row> rows = table(WarehouseTables.DOSSIER_AS_OF).select("as_of_at").collectAsList();
    return rows.isEmpty() || rows.get(0).isNullAt(0) ? null : rows.get(0).getTimestamp(0);
  }

  private void requireSameSecret(Pseudonymiser pseudonyms) {
    for (Row r : table(WarehouseTables.DOSSIER_AS_OF).select("pseudonym_key_fingerprint").collectAsList()) {
      if (r.getString(0) != null && !r.getString(0).equals(pseudonyms.fingerprint())) {
        throw new IllegalStateException("this lakehouse's dossiers were pseudonymised with another secret: set "
            + Pseudonymiser.ENV + " to the secret it was built with (mixing two would split every person in two)");
      }
    }
  }

  private void writeAsOf(Timestamp asOf, Pseudonymiser pseudonyms, String runId) {
    if (asOf == null) {
      return;
    }
    Row row = RowFactory.create("dossier", asOf, Date.valueOf(FeedParser.localDate(asOf)), pseudonyms.fingerprint(),
        runId);
    note(writer.write(WarehouseTables.DOSSIER_AS_OF, spark.createDataFrame(List.of(row), WarehouseTables.DOSSIER_AS_OF.schema())));
  }

  // ---- helpers ----

  private boolean exists(TableSpec spec) {
    return writer.exists(spec);
  }

  private Dataset<Row> table(TableSpec spec) {
    return spark.read().format("delta").load(spec.path(lakehouse));
  }

  private void note(TableWriter.Result r) {
    written.merge(r.table(), r.inserted() + r.updated() + r.deleted(), Long::sum);
    versions.put(r.table(), r.version());
  }

  private void note(TableSpec spec, long rows, DeltaTable table) {
    Row h = table.history(1).select("version", "operationMetrics").head();
    long n = rows >= 0 ? rows : Long.parseLong(h.<String, String>getJavaMap(1).getOrDefault("numOutputRows", "0"));
    written.merge(spec.qualifiedName(), n, Long::sum);
    versions.put(spec.qualifiedName(), h.getLong(0));
  }

  private static List<String> distinct(Dataset<Row> df, String column) {
    return df.select(column).distinct().collectAsList().stream().map(r -> r.getString(0))
        .filter(java.util.Objects::nonNull).sorted().toList();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static String quoted(List<String> values) {
    return values.stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(", "));
  }

  private static String prefixed(String columns, String prefix) {
    return Arrays.stream(columns.split(",\\s*")).map(c -> prefix + c).collect(Collectors.joining(", "));
  }

  private static double since(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static Timestamp latest(Timestamp a, Timestamp b) {
    return a == null ? b : b == null ? a : a.after(b) ? a : b;
  }

  private void deleteQuietly(Path p) {
    try {
      p.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(p, true);
    } catch (IOException e) {
      log.accept("note: could not delete the staging folder " + p + ": " + e.getMessage());
    }
  }

  static String resource(String path) {
    try (InputStream in = FeedJob.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
