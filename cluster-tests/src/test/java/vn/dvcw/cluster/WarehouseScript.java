package vn.dvcw.cluster;

import io.delta.tables.DeltaTable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.dvcw.app.Main;
import vn.dvcw.storage.WarehouseConfig;
import vn.dvcw.storage.WarehouseSession;
import vn.dvcw.storage.catalog.Layer;
import vn.dvcw.storage.catalog.TableSpec;
import vn.dvcw.storage.catalog.WarehouseTables;

/**
 * Runs in a child JVM with Spark (never in the test JVM, which holds the S3 server and Spark's clashing
 * libraries): a list of steps, one a line, tab-separated, in one JVM and one local Spark session, so that the
 * checks pay for one JVM start instead of one per command. Results are printed as lines starting with
 * {@code @@}, which the tests read.
 *
 * <ul>
 *   <li>{@code dvcw ARGS…}: the dvcw command line, in process ({@link Main#run}); prints {@code @@exit N}. A
 *       refresh's run id is kept as {@code ${RUN1}}, {@code ${RUN2}}, … for the steps after it.
 *   <li>{@code digest LAKEHOUSE}: one line per gold table, for the service index's rows and for the quarantine,
 *       {@code @@digest TABLE ROWS VERSION SHA256}: the SHA-256 of the table's rows as text, sorted, without the run id (which differs from
 *       run to run by design); the quarantine without its run id and time, and with the file's name only.
 *   <li>{@code hold-lock LAKEHOUSE} / {@code drop-lock LAKEHOUSE}: writes (deletes) a refresh lock held by a live
 *       refresh on another host, as a second machine's refresh would leave it.
 *   <li>{@code create-race FOLDER}: two writers create the same file with create-if-absent, the second between
 *       the first's create and close; prints whether the second was refused ({@code @@race FOLDER REFUSED}).
 * </ul>
 */
public final class WarehouseScript {
  private static final Pattern RUN_ID = Pattern.compile("^refresh (\\S+): ", Pattern.MULTILINE);

  private final Map<String, String> variables = new HashMap<>();
  private SparkSession spark;

  private WarehouseScript() {}

  public static void main(String[] args) throws Exception {
    WarehouseScript script = new WarehouseScript();
    for (String line : Files.readAllLines(java.nio.file.Path.of(args[0]), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        script.step(script.substitute(line).split("\t"));
      }
    }
    System.out.println("@@done");
    System.exit(0);
  }

  private String substitute(String line) {
    String out = line;
    for (Map.Entry<String, String> v : variables.entrySet()) {
      out = out.replace("${" + v.getKey() + "}", v.getValue());
    }
    return out;
  }

  private void step(String[] words) throws Exception {
    String[] rest = java.util.Arrays.copyOfRange(words, 1, words.length);
    System.out.println("@@step " + String.join(" ", words));
    switch (words[0]) {
      case "dvcw" -> dvcw(rest);
      case "digest" -> digest(rest[0]);
      case "hold-lock" -> holdLock(rest[0]);
      case "drop-lock" -> fs(rest[0]).delete(lockPath(rest[0]), false);
      case "create-race" -> createRace(rest[0]);
      default -> throw new IllegalArgumentException("unknown step " + words[0]);
    }
  }

  private void dvcw(String[] args) {
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    java.io.PrintStream original = System.out;
    java.io.PrintStream tee = new java.io.PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8);
    System.setOut(tee);
    int code;
    try {
      code = Main.run(args);
    } finally {
      System.out.flush();
      System.setOut(original);
    }
    Matcher m = RUN_ID.matcher(captured.toString(StandardCharsets.UTF_8));
    if (args[0].equals("refresh") && m.find()) {
      variables.put("RUN" + (variables.size() + 1), m.group(1));
      System.out.println("@@run " + m.group(1));
    }
    System.out.println("@@exit " + code);
  }

  private void digest(String lakehouse) throws Exception {
    SparkSession s = session(lakehouse);
    WarehouseSession.attach(s, lakehouse);
    for (TableSpec t : WarehouseTables.ALL) {
      if (t.layer() == Layer.GOLD) {
        // The run id differs from run to run, and so does the row hash of a table whose rows carry it.
        Dataset<Row> rows = s.table(t.qualifiedName()).drop("run_id", "row_hash");
        long version = DeltaTable.forPath(s, t.path(lakehouse)).history(1).head().<Long>getAs("version");
        printDigest(t.qualifiedName(), rows, version);
      }
    }
    // The service index's rows: read from .xlsx exports through POI, whose commons-compress a cluster's Spark lacks.
    printDigest(WarehouseTables.SERVICE_INDEX_SCORE.qualifiedName(),
        s.table(WarehouseTables.SERVICE_INDEX_SCORE.qualifiedName()).drop("run_id", "row_hash"), -1);
    printDigest("ops.quarantine", s.sql("SELECT stage, regexp_extract(file_path, '[^/]+$', 0) AS file_name, doc_id, "
        + "table_id, line_no, reason, raw_text FROM ops.quarantine"), -1);
  }

  private static void printDigest(String table, Dataset<Row> rows, long version) throws Exception {
    List<String> lines = rows.collectAsList().stream().map(Row::toString).sorted().toList();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (String line : lines) {
      sha.update(line.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
    }
    System.out.println("@@digest " + table + " " + lines.size() + " " + version + " "
        + HexFormat.of().formatHex(sha.digest()));
  }

  private void holdLock(String lakehouse) throws IOException {
    try (OutputStream out = fs(lakehouse).create(lockPath(lakehouse), true)) {
      out.write("run_id=held-by-another-machine host=another-node pid=1 started=2026-01-01T00:00:00Z\n"
          .getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * Two file-system clients create {@code folder/race.lock} with create-if-absent; the second creates and closes
   * its file while the first's is open. A file system with an atomic create refuses the second; S3A (which only
   * checks for the object when the file is created and PUTs it when the stream closes) lets both through.
   */
  private void createRace(String folder) throws IOException {
    Path p = new Path(folder + "/race.lock");
    Configuration conf = session(folder).sparkContext().hadoopConfiguration();
    try (FileSystem first = FileSystem.newInstance(p.toUri(), conf);
        FileSystem second = FileSystem.newInstance(p.toUri(), conf)) {
      first.delete(p, false);
      boolean refused = false;
      try (OutputStream a = first.create(p, false)) {
        try (OutputStream b = second.create(p, false)) {
          b.write("second\n".getBytes(StandardCharsets.UTF_8));
        } catch (FileAlreadyExistsException e) {
          refused = true;
        }
        a.write("first\n".getBytes(StandardCharsets.UTF_8));
      }
      String holder;
      try (InputStream in = first.open(p)) {
        holder = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      } catch (FileNotFoundException e) {
        holder = "none";
      }
      first.delete(p, false);
      System.out.println("@@race " + folder + " " + (refused ? "refused" : "both-created") + " " + holder);
    }
  }

  private FileSystem fs(String lakehouse) throws IOException {
    return lockPath(lakehouse).getFileSystem(session(lakehouse).sparkContext().hadoopConfiguration());
  }

  private static Path lockPath(String lakehouse) {
    return new Path(lakehouse + "/_locks/refresh.lock");
  }

  /** The session dvcw opened, or a local one on {@code lakehouse} when no command has run yet. */
  private SparkSession session(String lakehouse) {
    if (spark == null) {
      spark = SparkSession.getActiveSession().getOrElse(() -> null);
    }
    if (spark == null) {
      spark = WarehouseSession.open(WarehouseConfig.builder().lakehouse(lakehouse).appName("dvcw-checks").build());
    }
    return spark;
  }

  /** Writes to both streams: the child's log keeps the command's output, the script reads it back. */
  private static final class TeeStream extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    TeeStream(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }

    @Override
    public void flush() throws IOException {
      a.flush();
      b.flush();
    }
  }
}
