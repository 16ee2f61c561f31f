package vn.dvcw.storage.access;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.PlanWithUnresolvedIdentifier;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableValuedFunction;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.expressions.PlanExpression;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoStatement;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;
import org.apache.spark.sql.execution.command.SetCommand;
import org.apache.spark.sql.execution.datasources.DataSource;
import org.apache.spark.sql.internal.SQLConf;
import scala.Option;
import scala.Tuple2;
import scala.collection.JavaConverters;
import vn.dvcw.storage.catalog.Layer;

/**
 * Decides from Spark's parsed plan, never from the text, whether a statement may run in a read-only session (the
 * {@code dvcw sql} command, the notebook's {@code %%sql} and {@code dvcw.sql(…)}, the JDBC endpoint). Jobs never go
 * through it: they write through {@link vn.dvcw.storage.write.TableWriter}.
 *
 * <p>A statement passes when every node of its plan (sub-queries, CTEs and the plan inside EXPLAIN included) is a
 * query or one of the read-only commands (SHOW, DESCRIBE, EXPLAIN, USE, SET of an {@link AllowedSettings allowed}
 * key, REFRESH, UNCACHE), and it names no file by path. Everything else is refused with one line naming the statement
 * kind: writes and catalog changes (INSERT, UPDATE, DELETE, MERGE, DROP, CREATE, ALTER, TRUNCATE, Delta's OPTIMIZE,
 * VACUUM, RESTORE, …), {@code format.`path`} reads other than {@code delta.`…`} of a table folder inside the lakehouse,
 * table functions other than Spark's row generators, {@code LOAD DATA}, {@code ADD JAR}, {@code CACHE TABLE} (a
 * cached table would keep answering with an old Delta version), {@code TRANSFORM … USING} (runs a shell command) and
 * {@code reflect}/{@code java_method} (call any static Java method: environment variables, system properties). The
 * command list is a whitelist, so a statement kind a later Spark or Delta adds is refused until it is listed.
 */
public final class ReadOnlyGuard {
  /** Spark's table functions that only generate rows from their arguments (no table, no file). */
  private static final Set<String> ROW_GENERATORS = Set.of("range", "explode", "explode_outer", "inline",
      "inline_outer", "json_tuple", "posexplode", "posexplode_outer", "stack", "sql_keywords");
  /** Functions that call Java methods chosen in the query. */
  private static final Set<String> JAVA_CALLS = Set.of("reflect", "java_method", "try_reflect");
  private static final Set<String> FILE_FORMATS = Set.of("text", "csv", "json", "parquet", "orc", "delta", "avro",
      "binaryfile", "xml", "image", "libsvm", "hive", "jdbc", "noop");
  private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

  private final String lakehouse;
  private final Set<String> readableFolders;

  private ReadOnlyGuard(String lakehouse, Set<String> readableFolders) {
    this.lakehouse = Objects.requireNonNull(lakehouse, "lakehouse");
    this.readableFolders = Set.copyOf(readableFolders);
  }

  /** The guard of a lakehouse: {@code delta.`path`} may read any table folder of any layer inside it. */
  public static ReadOnlyGuard forLakehouse(String lakehouse) {
    List<String> all = new ArrayList<>();
    for (Layer layer : Layer.values()) {
      all.add(layer.schema());
    }
    return new ReadOnlyGuard(lakehouse, Set.copyOf(all));
  }

  /**
   * The same guard with {@code delta.`path`} reads limited to these folders of the lakehouse: a layer
   * ({@code "gold"}) or one table ({@code "ops/refresh_run"}), the names the endpoint shows.
   */
  public ReadOnlyGuard readingOnly(Set<String> folders) {
    return new ReadOnlyGuard(lakehouse, folders);
  }

  /** Runs {@code sql} in {@code spark} when the guard allows it. @throws ReadOnlyViolation when it does not */
  public Dataset<Row> sql(SparkSession spark, String sql) {
    enforce(spark.sessionState().sqlParser(), sql);
    return spark.sql(sql);
  }

  /**
   * Parses {@code sql} with {@code parser} and refuses it when it writes.
   *
   * @throws ReadOnlyViolation with the refusal's one line
   * @throws org.apache.spark.sql.catalyst.parser.ParseException when it is not SQL (as running it would)
   */
  public void enforce(ParserInterface parser, String sql) {
    Optional<Refusal> refusal = check(parse(parser, sql));
    if (refusal.isPresent()) {
      throw new ReadOnlyViolation(refusal.get());
    }
  }

  /** Spark's parse; its ParseException (an AnalysisException, checked in Java) passes unchanged, as spark.sql's would. */
  private static LogicalPlan parse(ParserInterface parser, String sql) {
    try {
      return parser.parsePlan(sql);
    } catch (Exception e) {
      throw ReadOnlyGuard.<RuntimeException>sneaky(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Exception> E sneaky(Exception e) throws E {
    throw (E) e;
  }

  /** The refusal of {@code sql} as {@code parser} reads it, or empty when it only reads. */
  public Optional<Refusal> check(ParserInterface parser, String sql) {
    return check(parse(parser, sql));
  }

  /** The refusal of a parsed plan, or empty when it only reads. */
  public Optional<Refusal> check(LogicalPlan parsed) {
    return Optional.ofNullable(new Walk().value(parsed));
  }

  /** One walk over a plan; remembers the nodes seen so shared sub-trees are checked once. */
  private final class Walk {
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Checks any value a plan node holds: plans, expressions, and the collections and tuples around them. */
    Refusal value(Object v) {
      if (v == null || !seen.add(v)) {
        return null;
      }
      if (v instanceof LogicalPlan p) {
        Refusal r = node(p);
        return r != null ? r : all(p.productIterator(), p.children());
      }
      if (v instanceof Expression e) {
        Refusal r = expression(e);
        return r != null ? r : all(e.productIterator(), e.children());
      }
      if (v instanceof scala.collection.Iterable<?> it) {
        return all(it.iterator(), null);
      }
      if (v instanceof Option<?> o) {
        return o.isDefined() ? value(o.get()) : null;
      }
      if (v instanceof Tuple2<?, ?> t) {
        Refusal r = value(t._1());
        return r != null ? r : value(t._2());
      }
      return null;
    }

    private Refusal all(scala.collection.Iterator<?> fields, scala.collection.Seq<?> children) {
      while (fields.hasNext()) {
        Refusal r = value(fields.next());
        if (r != null) {
          return r;
        }
      }
      return children == null ? null : value(children);
    }

    private Refusal node(LogicalPlan p) {
      String name = StatementKinds.simpleName(p);
      if (p instanceof UnresolvedRelation r) {
        return relation(list(r.multipartIdentifier()));
      }
      if (p instanceof UnresolvedTableValuedFunction f) {
        String fn = String.join(".", list(f.name()));
        return ROW_GENERATORS.contains(fn.toLowerCase(Locale.ROOT)) ? null
            : Refusal.other("table function " + fn + "()", "", "only Spark's row generators (range, explode, inline, "
                + "stack, …) may be used as tables; read the warehouse's tables and views by name");
      }
      if (p instanceof PlanWithUnresolvedIdentifier w) {
        return identifierClause(w);
      }
      if (p instanceof InsertIntoStatement i) {
        return Refusal.write(StatementKinds.of(p), targetOf(i.table()));
      }
      if (name.equals("ScriptTransformation")) {
        return Refusal.other("TRANSFORM … USING", "", "it runs a shell command on the server");
      }
      if (isDelta(p) && name.startsWith("Unresolved")) {
        // Delta's name holders: a path-based table (DESCRIBE DETAIL '/path', VACUUM '/path') is a path read.
        Object path = call(p, "path");
        return path instanceof String s ? relation(List.of("delta", s)) : null;
      }
      // Some statements are plain plan nodes (InsertIntoDir, Delta's RESTORE and CLONE): they are known by name.
      boolean command = p instanceof Command || p instanceof ParsedStatement || isDelta(p)
          || StatementKinds.isWrite(name);
      if (!command) {
        return null;
      }
      if (StatementKinds.READ_ONLY.contains(name)) {
        return readOnlyCommand(p);
      }
      String kind = StatementKinds.of(p);
      return switch (kind) {
        case "ADD JAR", "ADD FILE", "ADD ARCHIVE" -> Refusal.other(kind, targetOf(p),
            "it loads code or files into the server; jars belong on the class path at start");
        case "CACHE TABLE" -> Refusal.other(kind, targetOf(p),
            "every query reads the tables' latest Delta version, which a cached copy would hide");
        default -> Refusal.write(kind, targetOf(p));
      };
    }

    private Refusal readOnlyCommand(LogicalPlan p) {
      if (p instanceof SetCommand set && set.kv().isDefined()) {
        Tuple2<String, Option<String>> kv = set.kv().get();
        if (kv._2().isDefined() && !AllowedSettings.allows(kv._1())) {
          return Refusal.setting(kv._1());
        }
      }
      // Delta's DESCRIBE DETAIL / HISTORY may name a path instead of a table.
      String path = optionalString(p, "path");
      return path == null ? null : relation(List.of("delta", path));
    }

    private Refusal expression(Expression e) {
      if (e instanceof UnresolvedFunction f) {
        List<String> parts = list(f.nameParts());
        String fn = parts.get(parts.size() - 1).toLowerCase(Locale.ROOT);
        if (JAVA_CALLS.contains(fn)) {
          return Refusal.other(fn + "()", "", "it calls Java methods on the server (environment, files, settings)");
        }
      }
      if (e instanceof PlanExpression<?> sub) {
        return value(sub.plan());
      }
      return null;
    }

    /** {@code IDENTIFIER('name')}: with a literal, the statement it builds is checked; a computed name is refused. */
    private Refusal identifierClause(PlanWithUnresolvedIdentifier w) {
      Expression expr = w.identifierExpr();
      if (expr instanceof Literal lit && lit.value() != null) {
        scala.collection.Seq<String> parts;
        try {
          parts = CatalystSqlParser$.MODULE$.parseMultipartIdentifier(lit.value().toString());
        } catch (Exception notAName) {
          return null; // Spark's analyser rejects it the same way
        }
        return value(w.planBuilder().apply(parts, w.children()));
      }
      return Refusal.other("IDENTIFIER() with a computed name", "", "write the table's name");
    }
  }

  /** A table named in a query: a file read when its last part is a path or its first part a data source. */
  private Refusal relation(List<String> parts) {
    String last = parts.get(parts.size() - 1);
    String format = parts.size() >= 2 ? parts.get(parts.size() - 2) : "";
    boolean path = last.contains("/") || last.contains("\\") || URI_SCHEME.matcher(last).matches();
    boolean source = parts.size() == 2 && isDataSource(format);
    if (!path && !source) {
      return null;
    }
    if (format.equalsIgnoreCase("delta") && insideLakehouse(last)) {
      return null;
    }
    return Refusal.fileRead(format.isEmpty() ? "?" : format, last);
  }

  /** Whether Spark would read {@code format.`x`} as the data source {@code format} (as its analyser does). */
  private static boolean isDataSource(String format) {
    if (FILE_FORMATS.contains(format.toLowerCase(Locale.ROOT)) || format.contains(".")) {
      return true;
    }
    try {
      DataSource.lookupDataSource(format, SQLConf.get());
      return true;
    } catch (Throwable notASource) { // ClassNotFound or Spark's DATA_SOURCE_NOT_FOUND: it names a schema
      return false;
    }
  }

  /** Whether {@code path} is a table folder {@code <lakehouse>/<readable layer>/<table>[/…]}. */
  boolean insideLakehouse(String path) {
    try {
      URI root = qualified(lakehouse);
      URI p = qualified(path);
      if (!Objects.equals(root.getScheme(), p.getScheme()) || !Objects.equals(root.getAuthority(), p.getAuthority())) {
        return false;
      }
      String rootPath = root.getPath().endsWith("/") ? root.getPath() : root.getPath() + "/";
      if (!p.getPath().startsWith(rootPath) || p.getPath().contains("/../")) {
        return false;
      }
      String[] rest = p.getPath().substring(rootPath.length()).split("/");
      return rest.length >= 2 && !rest[1].isEmpty()
          && (readableFolders.contains(rest[0]) || readableFolders.contains(rest[0] + "/" + rest[1]));
    } catch (IllegalArgumentException notAPath) {
      return false;
    }
  }

  private static URI qualified(String path) {
    URI u = new Path(path).toUri().normalize();
    if (u.getScheme() == null) {
      u = new Path("file:" + new java.io.File(u.getPath()).getAbsolutePath()).toUri().normalize();
    }
    return u;
  }

  private static boolean isDelta(LogicalPlan p) {
    String cls = p.getClass().getName();
    return cls.startsWith("org.apache.spark.sql.delta.") || cls.startsWith("io.delta.");
  }

  /** The table, view, schema or path a command names: the first name found in its fields, in order. */
  static String targetOf(Object node) {
    String path = optionalString(node, "path");
    if (path != null) {
      return "delta.`" + path + "`";
    }
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    return Objects.requireNonNullElse(nameIn(node, seen, 0), "");
  }

  private static String nameIn(Object v, Set<Object> seen, int depth) {
    if (v == null || depth > 6 || !seen.add(v) || v instanceof String) {
      return null;
    }
    for (String method : List.of("multipartIdentifier", "nameParts")) {
      Object parts = call(v, method);
      if (parts instanceof scala.collection.Seq<?> seq && !seq.isEmpty()) {
        return String.join(".", list(seq));
      }
    }
    if (v instanceof org.apache.spark.sql.catalyst.TableIdentifier t) {
      return t.unquotedString();
    }
    if (v instanceof org.apache.spark.sql.catalyst.FunctionIdentifier f) {
      return f.unquotedString();
    }
    scala.collection.Iterator<?> it = v instanceof scala.collection.Iterable<?> i ? i.iterator()
        : v instanceof scala.Product p && !(v instanceof Expression) ? p.productIterator() : null;
    while (it != null && it.hasNext()) {
      String found = nameIn(it.next(), seen, depth + 1);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static String optionalString(Object node, String method) {
    Object v = call(node, method);
    return v instanceof Option<?> o && o.isDefined() && o.get() instanceof String s ? s : null;
  }

  private static Object call(Object target, String method) {
    try {
      Method m = target.getClass().getMethod(method);
      return m.getParameterCount() == 0 ? m.invoke(target) : null;
    } catch (ReflectiveOperationException | RuntimeException none) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> list(scala.collection.Seq<?> seq) {
    return (List<T>) JavaConverters.seqAsJavaList(seq);
  }
}
