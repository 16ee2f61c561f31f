package vn.dvcw.tools.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.dvcw.core.calendar.WorkingCalendar;
import vn.dvcw.core.feed.AgencyDirectory;
import vn.dvcw.core.geo.Era;
import vn.dvcw.core.geo.Province;
import vn.dvcw.core.geo.ProvinceDirectory;
import vn.dvcw.pipelines.feed.FeedJob;

/**
 * The dossier feed's full build done again in DuckDB, for {@code dvcw bench}: the same gzip files, the same rules,
 * the same outputs, on one DuckDB connection with two threads (the machine's cores, as Spark's local session), so
 * the two builds' times compare. SQL in {@code bench/duckdb/*.sql}; the steps:
 *
 * <ol>
 *   <li>reference: the agency code → province table of each era (from {@link AgencyDirectory}, the warehouse's own
 *       lookup), the province names (for "UBND thành phố X"), the working calendar (from {@link WorkingCalendar})
 *       and the file list (path, modification time) go into DuckDB tables;</li>
 *   <li>parse ({@code parse.sql}): every line of every file read as text ({@code read_csv}, one VARCHAR column, no
 *       quoting) with its line number, parsed with DuckDB's JSON functions into one row per message, with
 *       FeedParser's checks: a line that is not JSON, an envelope of another service, a message that is neither a
 *       record nor an event, no {@code MaHoSo}, a code outside its list, a time not {@code yyyyMMddHHmmss} or more
 *       than a day in the future, an accepted dossier without {@code NgayTiepNhan}, no date at all, an agency code
 *       naming no province of the era of the receipt (else submission) day, a fee that is not an amount;</li>
 *   <li>bronze ({@code bronze.sql}): every message, raw, with file, line, item and reason, to Parquet;</li>
 *   <li>events ({@code events.sql}): the valid events, de-duplicated, to Parquet by month;</li>
 *   <li>fold ({@code fold.sql}): each dossier's latest state (the silver fold's order: version time, status rank,
 *       arrival), its status moved on by later events, to Parquet by receipt month;</li>
 *   <li>gold ({@code gold.sql}): {@code models/gold/dossier_daily.sql} over every month, as of the latest valid
 *       time, to Parquet by month.</li>
 * </ol>
 *
 * <p><b>Simplified, and why the compared totals (received and online dossiers per month and province) do not
 * move:</b>
 * <ul>
 *   <li>Times stay in local time (Asia/Ho_Chi_Minh) instead of being stored as UTC instants. Vietnam has kept UTC+7
 *       without daylight saving since 1975, so every comparison, ordering and local date is the same.</li>
 *   <li>A field is read as text whatever its JSON type, and "has a field" means present and not null (FeedParser:
 *       present; an object in a text field is null there). The feeds send every value as a string, and a key with
 *       a JSON null is not one the generator or the spec's vendors write.</li>
 *   <li>{@code trim} removes spaces, FeedParser's {@code strip} any Unicode blank: the feeds pad with neither.</li>
 *   <li>Files are known by path, not by SHA-256: the warehouse's skip of a byte-identical copy of a file under
 *       another path is not done, and ties between versions stamped alike that arrived at the same millisecond
 *       fall to the path instead of the checksum. The generator writes no copied files; its duplicates are lines,
 *       and those are identical, so whichever wins counts the same.</li>
 *   <li>A line DuckDB's reader cannot read (bytes that are not UTF-8, the byte 0x01, a line over the warehouse's
 *       default limit of {@value FeedJob#DEFAULT_MAX_LINE_MB} MiB, a truncated gzip) stops the build, where the
 *       warehouse quarantines the line or the rest of the file. The bench's generated feeds have none.</li>
 *   <li>Pseudonyms are a SHA-256 keyed with a random per-build secret, not HMAC-SHA256 with the warehouse's
 *       secret: the same amount of hashing, never compared.</li>
 *   <li>A JSON object with a {@code "data"} key that is not an array is read as a bare message (the warehouse: an
 *       item 1 rewritten as text); only its item number and raw text differ.</li>
 * </ul>
 */
public final class DuckDbFeedBuild {
  /** The SQL steps, run in this order; {@code macros} defines the value rules the others use. */
  static final List<String> STEPS = List.of("parse", "bronze", "events", "fold", "gold");
  private static final DateTimeFormatter SQL_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  /** What the build did and how long each step took. */
  public record Result(long messages, long refused, long events, long dossiers, Map<String, BenchClock.Span> steps,
      ProvinceMonthTotals totals, Path output) {

    /** Every step together. */
    public BenchClock.Span total() {
      return steps.values().stream().reduce(new BenchClock.Span(0, 0), BenchClock.Span::plus);
    }

    /** "reference 0.1 s, parse 12.0 s, …" (wall seconds, then CPU seconds in parentheses). */
    public String stepSummary() {
      return steps.entrySet().stream().map(e -> String.format("%s %.1f s (CPU %.1f s)", e.getKey(),
          e.getValue().wallSeconds(), e.getValue().cpuSeconds())).collect(Collectors.joining(", "));
    }
  }

  private final Path output;
  private final int threads;

  /**
   * @param output an empty folder: bronze/, silver/ and gold/ Parquet files go there, and DuckDB's spilled blocks
   * @param threads DuckDB's worker threads
   */
  public DuckDbFeedBuild(Path output, int threads) {
    this.output = output.toAbsolutePath();
    this.threads = threads;
  }

  /** Builds bronze, silver and gold from {@code files} (gzip or plain JSON lines feed files). */
  public Result run(List<Path> files) throws IOException, SQLException {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("the DuckDB build was given no feed files");
    }
    for (String folder : List.of("tmp", "bronze", "silver", "gold")) {
      Files.createDirectories(output.resolve(folder));
    }
    Map<String, BenchClock.Span> steps = new LinkedHashMap<>();
    // An in-memory database: its tables are not compressed as a database file's are (which costs more than the
    // parsing); beyond the memory limit DuckDB moves blocks to the temporary folder.
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      BenchClock clock = BenchClock.start();
      try (Statement s = duck.createStatement()) {
        s.execute("SET threads = " + threads);
        // The same memory as the Spark side's heap; beyond it DuckDB spills to the build folder.
        s.execute("SET memory_limit = '" + (Runtime.getRuntime().maxMemory() >> 20) + "MB'");
        s.execute("SET temp_directory = '" + literal(output.resolve("tmp").toString()) + "'");
      }
      Map<String, String> values = values(files);
      execute(duck, sql("macros", values));
      loadReference(duck, files);
      steps.put("reference", clock.elapsed());
      for (String step : STEPS) {
        BenchClock stepClock = BenchClock.start();
        execute(duck, sql(step, values));
        steps.put(step, stepClock.elapsed());
      }
      return new Result(count(duck, "staged"), count(duck, "staged WHERE problem IS NOT NULL"),
          count(duck, "dossier_event"), count(duck, "dossier"),
          steps, ProvinceMonthTotals.ofDuckDb(duck, dailyFacts(output)), output);
    }
  }

  /** The table expression reading the daily facts a build wrote under {@code output}. */
  static String dailyFacts(Path output) {
    return "read_parquet('" + literal(output.toAbsolutePath().resolve("gold/dossier_daily").toString())
        + "/*/*.parquet', hive_partitioning = true)";
  }

  private Map<String, String> values(List<Path> files) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    LocalDateTime latestAllowed = LocalDateTime.now(VIETNAM).plusDays(1);
    return Map.of(
        "files", files.stream().map(f -> "'" + literal(f.toAbsolutePath().toString()) + "'")
            .collect(Collectors.joining(", ", "[", "]")),
        "max_line_bytes", Integer.toString(FeedJob.DEFAULT_MAX_LINE_MB << 20),
        "latest_allowed", "TIMESTAMP '" + SQL_TIMESTAMP.format(latestAllowed) + "'",
        "reorganisation_date", "DATE '" + Era.REORGANISATION_DATE + "'",
        "key", "'" + HexFormat.of().formatHex(key) + "'",
        "out", literal(output.toString()));
  }

  /**
   * The reference tables: the warehouse's agency code → province lookup for every H code of each era, the province
   * names, the working calendar and the files.
   */
  private static void loadReference(Connection duck, List<Path> files) throws SQLException, IOException {
    execute(duck, """
        CREATE OR REPLACE TABLE province_map (era VARCHAR, dvcqg_code VARCHAR, province_key VARCHAR, province_code VARCHAR);
        CREATE OR REPLACE TABLE province_name (name VARCHAR);
        CREATE OR REPLACE TABLE calendar (day DATE, next_working_day DATE);
        CREATE OR REPLACE TABLE feed_file (file_index BIGINT, path VARCHAR, arrived_at TIMESTAMP);
        """);
    ProvinceDirectory provinces = ProvinceDirectory.fromClasspath();
    AgencyDirectory agencies = new AgencyDirectory(provinces);
    try (PreparedStatement p = duck.prepareStatement("INSERT INTO province_map VALUES (?, ?, ?, ?)")) {
      for (Era era : Era.values()) {
        for (int n = 0; n < 100; n++) {
          String h = String.format("H%02d", n);
          Optional<Province> province = agencies.province("000.00.00." + h, era);
          if (province.isPresent()) {
            p.setString(1, era.sqlName());
            p.setString(2, h);
            p.setString(3, province.get().provinceKey());
            p.setString(4, province.get().code());
            p.addBatch();
          }
        }
      }
      p.executeBatch();
    }
    try (PreparedStatement p = duck.prepareStatement("INSERT INTO province_name VALUES (fold_name(?))")) {
      for (Province province : provinces.provinces()) {
        p.setString(1, province.name());
        p.addBatch();
      }
      p.executeBatch();
    }
    WorkingCalendar calendar = WorkingCalendar.vietnam();
    try (PreparedStatement p = duck.prepareStatement("INSERT INTO calendar VALUES (CAST(? AS DATE), CAST(? AS DATE))")) {
      for (LocalDate d = calendar.firstDay(); !d.isAfter(calendar.lastDay()); d = d.plusDays(1)) {
        p.setString(1, d.toString());
        p.setString(2, nextWorkingDay(calendar, d));
        p.addBatch();
      }
      p.executeBatch();
    }
    try (PreparedStatement p = duck.prepareStatement("INSERT INTO feed_file VALUES (?, ?, epoch_ms(?))")) {
      for (int i = 0; i < files.size(); i++) {
        p.setLong(1, i);
        p.setString(2, files.get(i).toAbsolutePath().toString());
        p.setLong(3, Files.getLastModifiedTime(files.get(i)).toMillis());
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  /** The next working day as text, or null on the calendar's last days (no working day follows within it). */
  private static String nextWorkingDay(WorkingCalendar calendar, LocalDate d) {
    try {
      return calendar.nextWorkingDay(d).toString();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A step's SQL with its {@code ${name}} placeholders replaced. */
  static String sql(String step, Map<String, String> values) {
    String resource = "/bench/duckdb/" + step + ".sql";
    String text;
    try (InputStream in = DuckDbFeedBuild.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Map.Entry<String, String> v : values.entrySet()) {
      text = text.replace("${" + v.getKey() + "}", v.getValue());
    }
    if (text.contains("${")) {
      throw new IllegalStateException(resource + " has a placeholder without a value");
    }
    return text;
  }

  /** Runs the statements of a script one by one (each ends with ';' at the end of a line). */
  private static void execute(Connection duck, String script) throws SQLException {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      current.append(line).append('\n');
      if (line.stripTrailing().endsWith(";") && !line.strip().startsWith("--")) {
        statements.add(current.toString());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString());
    }
    try (Statement s = duck.createStatement()) {
      for (String statement : statements) {
        if (!statement.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--"))) {
          s.execute(statement);
        }
      }
    }
  }

  /** The rows of {@code from} (a table, optionally with its WHERE clause). */
  private static long count(Connection duck, String from) throws SQLException {
    try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) AS n FROM " + from)) {
      rs.next();
      return rs.getLong("n");
    }
  }

  /** Text for a single-quoted SQL literal. */
  static String literal(String s) {
    return s.replace("'", "''");
  }
}
