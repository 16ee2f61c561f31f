package vn.dvcw.storage.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The contracts of the models/ tree: every {@code <schema>/<name>.yml}, parsed into {@link ModelContract}s.
 *
 * <p>A contract file reads like dbt's {@code schema.yml}, one model per file:
 * <pre>
 * model: analytics.online_rate
 * description: Online submission rate per province, period and level
 * grain: one row per source row, geography and level
 * keys: [geography, province_key, period_start, period_end, level, source]
 * columns:
 *   - name: geography
 *     type: string                       # as DESCRIBE shows it
 *     description: 'former' or 'current'
 *     tests:
 *       - not_null
 *       - accepted_values: [former, current]
 *       - relationships: {to: analytics.province_map, field: geography}
 *       - expression: "geography &lt;&gt; ''"
 * tests:                                 # expressions over several columns
 *   - expression: online &lt;= total
 * </pre>
 */
public final class ModelContracts {
  private static final Set<String> TOP_LEVEL = Set.of("model", "description", "grain", "keys", "columns", "tests");
  private static final Set<String> COLUMN_LEVEL = Set.of("name", "type", "description", "tests");

  private final Map<String, ModelContract> byModel;

  private ModelContracts(Map<String, ModelContract> byModel) {
    this.byModel = byModel;
  }

  /**
   * Reads every contract of the models/ tree on the class path.
   *
   * @throws IllegalArgumentException if a file is malformed or names another model than its path says
   */
  public static ModelContracts fromClasspath() {
    Map<String, ModelContract> contracts = new LinkedHashMap<>();
    ModelFiles.read(".yml").forEach((path, yaml) -> {
      ModelContract c = parse(yaml, path);
      if (!c.model().equals(ModelFiles.modelName(path))) {
        throw new IllegalArgumentException(path + " is the contract of " + ModelFiles.modelName(path)
            + " but says model: " + c.model());
      }
      contracts.put(c.model(), c);
    });
    return new ModelContracts(contracts);
  }

  /** The contracts, by model name, in path order. */
  public Map<String, ModelContract> byModel() {
    return Collections.unmodifiableMap(byModel);
  }

  /**
   * The models that must have a contract: every view of the tree, and every gold SELECT (the refresh
   * materialises {@code gold/<name>.sql} as table {@code gold.<name>}). Silver SELECTs are steps of the feed job
   * ({@code silver/dossier_fold.sql} folds messages into silver.dossier), not relations of their own name.
   */
  public static Set<String> modelsNeedingContracts() {
    Set<String> models = new TreeSet<>();
    ViewLoader.fromClasspath().files().keySet().forEach(path -> models.add(ModelFiles.modelName(path)));
    ModelFiles.read(".sql").keySet().stream().filter(path -> path.startsWith("gold/"))
        .forEach(path -> models.add(ModelFiles.modelName(path)));
    return models;
  }

  /**
   * Parses one contract file.
   *
   * @param source where the text comes from, for messages
   * @throws IllegalArgumentException if the YAML is not a contract (unknown keys or tests, bad names, no columns)
   */
  public static ModelContract parse(String yaml, String source) {
    try {
      Map<String, Object> doc = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml), "document");
      requireOnly(doc.keySet(), TOP_LEVEL, "top-level key");
      List<ModelContract.Column> columns = new ArrayList<>();
      for (Object c : list(doc.get("columns"), "columns")) {
        columns.add(column(map(c, "column")));
      }
      List<String> expressions = new ArrayList<>();
      for (Object t : list(doc.get("tests"), "tests")) {
        Map<String, Object> test = map(t, "model test");
        requireOnly(test.keySet(), Set.of("expression"), "model-level test (only expression)");
        expressions.add(text(test.get("expression"), "expression"));
      }
      List<String> keys = list(doc.get("keys"), "keys").stream().map(k -> text(k, "key")).toList();
      return new ModelContract(text(doc.get("model"), "model"), text(doc.get("description"), "description"),
          text(doc.get("grain"), "grain"), keys, columns, expressions);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("contract " + source + ": " + e.getMessage(), e);
    }
  }

  private static ModelContract.Column column(Map<String, Object> c) {
    requireOnly(c.keySet(), COLUMN_LEVEL, "column key");
    boolean notNull = false;
    List<Object> accepted = null;
    List<ModelContract.Relationship> relationships = new ArrayList<>();
    List<String> expressions = new ArrayList<>();
    for (Object t : list(c.get("tests"), "tests of " + c.get("name"))) {
      if ("not_null".equals(t)) {
        notNull = true;
        continue;
      }
      Map<String, Object> test = map(t, "test of " + c.get("name"));
      if (test.size() != 1) {
        throw new IllegalArgumentException("a test is one of not_null, accepted_values, relationships, expression: "
            + test);
      }
      var e = test.entrySet().iterator().next();
      switch (e.getKey()) {
        case "accepted_values" -> accepted = list(e.getValue(), "accepted_values");
        case "relationships" -> {
          Map<String, Object> r = map(e.getValue(), "relationships");
          requireOnly(r.keySet(), Set.of("to", "field"), "relationships key");
          relationships.add(new ModelContract.Relationship(text(r.get("to"), "to"), text(r.get("field"), "field")));
        }
        case "expression" -> expressions.add(text(e.getValue(), "expression"));
        default -> throw new IllegalArgumentException("unknown test '" + e.getKey() + "' on column " + c.get("name"));
      }
    }
    return new ModelContract.Column(text(c.get("name"), "name"), text(c.get("type"), "type"),
        text(c.get("description"), "description of " + c.get("name")), notNull, accepted, relationships, expressions);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o, String what) {
    if (!(o instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException(what + " must be a mapping, not " + o);
    }
    return (Map<String, Object>) m;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o, String what) {
    if (o == null) {
      return List.of();
    }
    if (!(o instanceof List<?> l)) {
      throw new IllegalArgumentException(what + " must be a list, not " + o);
    }
    return (List<Object>) l;
  }

  private static String text(Object o, String what) {
    if (o == null) {
      throw new IllegalArgumentException("missing " + what);
    }
    return String.valueOf(o).strip();
  }

  private static void requireOnly(Set<String> keys, Set<String> allowed, String what) {
    for (String k : keys) {
      if (!allowed.contains(k)) {
        throw new IllegalArgumentException("unknown " + what + " '" + k + "' (allowed: " + new TreeSet<>(allowed) + ")");
      }
    }
  }
}
