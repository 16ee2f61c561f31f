package vn.dvcw.storage.models;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;

/**
 * Creates the views of the repository's {@code models/} tree, which the build puts on the class path under
 * {@code models/}: every {@code <schema>/<name>.sql} file whose statement is
 * {@code CREATE OR REPLACE VIEW <schema>.<name> AS ...} (after its header comment). That is the public views
 * of {@code models/analytics/} and the shared models other layers read (e.g. {@code silver.current_document});
 * the gold and silver SELECT models are not views: the jobs that materialise them run them.
 *
 * <p>Views may read other views, so files are created in rounds until no more succeed; a view whose
 * inputs do not exist yet (a fresh lakehouse before its first refresh) is reported, not fatal.
 */
public final class ViewLoader {
  private static final Pattern VIEW_NAME =
      Pattern.compile("create\\s+or\\s+replace\\s+view\\s+([a-z_]+\\.[a-z0-9_]+)", Pattern.CASE_INSENSITIVE);
  /** Header comment lines and blank lines before a file's statement. */
  private static final Pattern LEADING_COMMENTS = Pattern.compile("\\A(\\s*--[^\\n]*(\\n|\\z)|\\s*\\n)*");

  private static final Pattern SQL_COMMENT = Pattern.compile("--[^\n]*");
  private static final Pattern QUALIFIED_NAME =
      Pattern.compile("\\b([a-z_]+\\.[a-z0-9_]+)\\b", Pattern.CASE_INSENSITIVE);

  private final Map<String, String> sqlByFile;

  ViewLoader(Map<String, String> sqlByFile) {
    this.sqlByFile = sqlByFile;
  }

  /** Loads every view file of the models/ tree from the class path. */
  public static ViewLoader fromClasspath() {
    Map<String, String> views = new LinkedHashMap<>();
    ModelFiles.read(".sql").forEach((path, sql) -> {
      if (isViewFile(sql)) {
        views.put(path, sql);
      }
    });
    return new ViewLoader(views);
  }

  /**
   * The shared views only: every view outside {@code analytics/} (silver.current_document, ref.kpi_threshold, …),
   * which the gold models read; the public views come once gold is written.
   */
  public ViewLoader shared() {
    Map<String, String> views = new LinkedHashMap<>(sqlByFile);
    views.keySet().removeIf(path -> path.startsWith("analytics/"));
    return new ViewLoader(views);
  }

  /** Whether a model file's statement (after its header comment) creates a view. */
  static boolean isViewFile(String sql) {
    String statement = LEADING_COMMENTS.matcher(sql).replaceFirst("");
    Matcher m = VIEW_NAME.matcher(statement);
    return m.lookingAt();
  }

  /** The view files, by path under models/ ({@code analytics/online_rate.sql}), in path order. */
  public Map<String, String> files() {
    return Collections.unmodifiableMap(sqlByFile);
  }

  /**
   * Each view's one-line description: the text after "name:" on the first comment line of its file
   * ({@code -- analytics.online_rate: Online submission rate per province, ...}).
   */
  public Map<String, String> descriptions() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String sql : sqlByFile.values()) {
      String first = sql.strip().lines().findFirst().orElse("");
      int colon = first.indexOf(':');
      out.put(viewName(sql), first.startsWith("--") && colon > 0 ? first.substring(colon + 1).strip() : "");
    }
    return out;
  }

  /** The view a file defines, e.g. {@code analytics.online_rate}. */
  public static String viewName(String sql) {
    Matcher m = VIEW_NAME.matcher(sql);
    if (!m.find()) {
      throw new IllegalArgumentException("no 'CREATE OR REPLACE VIEW schema.name' statement in view file");
    }
    return m.group(1).toLowerCase();
  }

  /**
   * Creates all views it can.
   *
   * @return which views exist now and, for the others, the error of their last attempt
   */
  public Report createAll(SparkSession spark) {
    Map<String, String> pending = inDependencyOrder();
    Map<String, String> failures = new LinkedHashMap<>();
    List<String> created = new ArrayList<>();
    boolean progress = true;
    while (!pending.isEmpty() && progress) {
      progress = false;
      for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
        var e = it.next();
        try {
          spark.sql(stripTrailingSemicolon(e.getValue()));
          created.add(viewName(e.getValue()));
          failures.remove(e.getKey());
          it.remove();
          progress = true;
        } catch (Exception ex) { // includes AnalysisException, which Scala throws undeclared
          failures.put(e.getKey(), firstLine(ex.getMessage()));
        }
      }
    }
    return new Report(List.copyOf(created), Map.copyOf(failures));
  }

  /**
   * The view files with every view after the views it reads (names {@code schema.name} of this loader's views found
   * in its statement, comments aside), else in path order: each view is created at its first attempt, not after a
   * failed analysis (a cycle or a missed name only costs the rounds of {@link #createAll}).
   */
  Map<String, String> inDependencyOrder() {
    Map<String, String> fileByView = new LinkedHashMap<>();
    sqlByFile.forEach((path, sql) -> fileByView.put(viewName(sql), path));
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String path : sqlByFile.keySet()) {
      visit(path, fileByView, ordered, new java.util.HashSet<>());
    }
    return ordered;
  }

  private void visit(String path, Map<String, String> fileByView, Map<String, String> ordered,
      java.util.Set<String> onPath) {
    if (ordered.containsKey(path) || !onPath.add(path)) {
      return;
    }
    String sql = sqlByFile.get(path);
    Matcher m = QUALIFIED_NAME.matcher(SQL_COMMENT.matcher(sql).replaceAll(""));
    while (m.find()) {
      String dependency = fileByView.get(m.group(1).toLowerCase());
      if (dependency != null && !dependency.equals(path)) {
        visit(dependency, fileByView, ordered, onPath);
      }
    }
    onPath.remove(path);
    ordered.put(path, sql);
  }

  /**
   * Every qualified name {@code sql} reads, directly or through the views of this loader it reads (comments aside;
   * a name in a string literal counts too: more, never fewer). The views read are in the set with what they read.
   */
  public Set<String> reads(String sql) {
    Map<String, String> sqlByView = new LinkedHashMap<>();
    sqlByFile.values().forEach(v -> sqlByView.put(viewName(v), v));
    Set<String> found = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>(namesIn(sql));
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (found.add(name) && sqlByView.containsKey(name)) {
        todo.addAll(namesIn(sqlByView.get(name)));
      }
    }
    return found;
  }

  /** The views among {@code names} and the views they read, each with its file: a loader of just those. */
  public ViewLoader only(Collection<String> names) {
    Set<String> wanted = new HashSet<>();
    for (String name : names) {
      wanted.addAll(reads(name));
    }
    Map<String, String> views = new LinkedHashMap<>(sqlByFile);
    views.values().removeIf(sql -> !wanted.contains(viewName(sql)));
    return new ViewLoader(views);
  }

  /** The views of this loader {@code spark} does not have yet (a refresh that had none to create leaves most so). */
  public ViewLoader missingIn(SparkSession spark) {
    Map<String, String> views = new LinkedHashMap<>(sqlByFile);
    views.values().removeIf(sql -> spark.catalog().tableExists(viewName(sql)));
    return new ViewLoader(views);
  }

  /** The qualified names ({@code schema.name}, lower case) in {@code sql}, comments aside. */
  static Set<String> namesIn(String sql) {
    Set<String> names = new TreeSet<>();
    Matcher m = QUALIFIED_NAME.matcher(SQL_COMMENT.matcher(sql).replaceAll(""));
    while (m.find()) {
      names.add(m.group(1).toLowerCase());
    }
    return names;
  }

  /** Views created and files that failed with their first error line. */
  public record Report(List<String> created, Map<String, String> failed) {
    public boolean complete() {
      return failed.isEmpty();
    }
  }

  static String stripTrailingSemicolon(String sql) {
    String s = sql.strip();
    while (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    return s;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
