package vn.dvcw.storage.models;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructField;

/**
 * Holds built models to their contracts in a session attached to a lakehouse.
 *
 * <p>Per model, the schema is compared with the declared columns (no job), then every data test runs in ONE
 * aggregate job: each test is a boolean "this row violates it" column, counted with {@code count_if}. Key
 * uniqueness is a window count over the keys; a relationship is a left join to the distinct values of the target
 * column (so no row is repeated), violated where the join found nothing. Offending rows are fetched only for the
 * tests that failed. Views are computed once per model, not once per test: the sample queries are rare.
 *
 * <p>Tables and columns come from the contract, where they are validated identifiers, and are quoted with
 * backticks; accepted values are Spark literals ({@code isin}); an expression is parsed by Spark as one
 * expression, as a dbt {@code expression_is_true} test, and a row violates it when it is false (NULL passes:
 * not_null says otherwise).
 */
public final class ContractCheck {
  private static final int SAMPLE_ROWS = 3;
  /** Prefix of the helper columns the checks add (a model's own columns never use it). */
  private static final String KEY_ROWS = "__contract_key_rows";
  private static final String FOUND = "__contract_found_";
  private static final String PARENT = "__contract_parent_";

  private final SparkSession spark;

  public ContractCheck(SparkSession spark) {
    this.spark = spark;
  }

  /** Checks every contract; returns all violations (empty when every model keeps its contract). */
  public List<ContractViolation> checkAll(Collection<ModelContract> contracts) {
    List<ContractViolation> out = new ArrayList<>();
    contracts.forEach(c -> out.addAll(check(c)));
    return out;
  }

  /** Checks one contract against the model of that name; returns its violations. */
  public List<ContractViolation> check(ModelContract contract) {
    if (!spark.catalog().tableExists(contract.model())) {
      return List.of(new ContractViolation(contract.model(), null, "exists", "no table or view of that name", List.of()));
    }
    Dataset<Row> model = spark.table(quoted(contract.model()));
    List<ContractViolation> out = new ArrayList<>();
    Set<String> usable = checkSchema(contract, model, out);
    List<RowTest> tests = new ArrayList<>();
    Dataset<Row> tested = model;
    if (!contract.keys().isEmpty() && usable.containsAll(contract.keys())) {
      Column[] keys = contract.keys().stream().map(k -> col(quoted(k))).toArray(Column[]::new);
      tested = tested.withColumn(KEY_ROWS, count(lit(1)).over(Window.partitionBy(keys)));
      tests.add(new RowTest(null, "unique_keys", "rows share their value of " + contract.keys() + " with another row",
          col(KEY_ROWS).gt(1), contract.keys()));
    }
    tests.addAll(valueTests(contract, usable));
    tested = joinRelationshipTargets(contract, tested, usable, tests, out);
    out.addAll(runTests(contract, tested, tests));
    return out;
  }

  /**
   * Left-joins, per relationship, the distinct values of its target column with a "found" flag, and adds the test
   * "not null and not found". A target that does not exist, or lacks the field, is a violation by itself.
   */
  private Dataset<Row> joinRelationshipTargets(ModelContract contract, Dataset<Row> tested, Set<String> usable,
      List<RowTest> tests, List<ContractViolation> out) {
    int n = 0;
    for (ModelContract.Column c : contract.columns()) {
      for (ModelContract.Relationship r : usable.contains(c.name()) ? c.relationships()
          : List.<ModelContract.Relationship>of()) {
        if (!spark.catalog().tableExists(r.to())
            || !Arrays.asList(spark.table(quoted(r.to())).columns()).contains(r.field())) {
          out.add(new ContractViolation(contract.model(), c.name(), "relationships",
              "target " + r.to() + "." + r.field() + " does not exist", List.of()));
          continue;
        }
        String parent = PARENT + n;
        String found = FOUND + n++;
        Dataset<Row> values = spark.table(quoted(r.to())).select(col(quoted(r.field())).as(parent)).distinct()
            .withColumn(found, lit(true));
        tested = tested.join(values, col(quoted(c.name())).equalTo(col(parent)), "left");
        tests.add(new RowTest(c.name(), "relationships", "values not in " + r.to() + "." + r.field(),
            col(quoted(c.name())).isNotNull().and(col(found).isNull()), null));
      }
    }
    return tested;
  }

  /** Declared columns present with their types, nothing undeclared. Returns the columns fit for the tests. */
  private Set<String> checkSchema(ModelContract contract, Dataset<Row> model, List<ContractViolation> out) {
    Map<String, String> actual = new LinkedHashMap<>();
    for (StructField f : model.schema().fields()) {
      actual.put(f.name(), f.dataType().catalogString());
    }
    Set<String> usable = new LinkedHashSet<>();
    for (ModelContract.Column c : contract.columns()) {
      String type = actual.get(c.name());
      if (type == null) {
        out.add(new ContractViolation(contract.model(), c.name(), "column_missing", "declared, not in the model",
            List.of()));
        continue;
      }
      if (!normalisedType(type).equals(normalisedType(c.type()))) {
        out.add(new ContractViolation(contract.model(), c.name(), "type",
            "declared " + c.type() + ", the model has " + type, List.of()));
      }
      usable.add(c.name());
    }
    Set<String> declared = contract.columns().stream().map(ModelContract.Column::name).collect(Collectors.toSet());
    actual.keySet().stream().filter(n -> !declared.contains(n)).forEach(n -> out.add(new ContractViolation(
        contract.model(), n, "undeclared_column", "in the model (" + actual.get(n) + "), not in the contract",
        List.of())));
    return usable;
  }

  /**
   * A data test: the rows {@code violates} selects break it. {@code shown} are the columns a sample shows
   * (null: the keys and the tested column, or the whole row for a model-level expression).
   */
  private record RowTest(String column, String test, String detail, Column violates, List<String> shown) {}

  private static List<RowTest> valueTests(ModelContract contract, Set<String> usable) {
    List<RowTest> tests = new ArrayList<>();
    for (ModelContract.Column c : contract.columns()) {
      if (!usable.contains(c.name())) {
        continue;
      }
      Column value = col(quoted(c.name()));
      if (c.notNull()) {
        tests.add(new RowTest(c.name(), "not_null", "NULL values", value.isNull(), null));
      }
      if (!c.acceptedValues().isEmpty()) {
        tests.add(new RowTest(c.name(), "accepted_values", "values outside " + c.acceptedValues(),
            value.isNotNull().and(not(value.isin(c.acceptedValues().toArray()))), null));
      }
      c.expressions().forEach(e -> tests.add(new RowTest(c.name(), "expression", "rows where (" + e + ") is false",
          isFalse(e), null)));
    }
    contract.expressions().forEach(e -> tests.add(new RowTest(null, "expression", "rows where (" + e + ") is false",
        isFalse(e), null)));
    return tests;
  }

  private static Column isFalse(String expression) {
    return not(coalesce(expr(expression), lit(true)));
  }

  /** Counts every test's violations in one job; fetches a sample for each test that failed. */
  private List<ContractViolation> runTests(ModelContract contract, Dataset<Row> tested, List<RowTest> tests) {
    if (tests.isEmpty()) {
      return List.of();
    }
    Column[] counts = tests.stream().map(t -> count_if(t.violates())).toArray(Column[]::new);
    Row totals = tested.agg(counts[0], Arrays.copyOfRange(counts, 1, counts.length)).head();
    List<ContractViolation> out = new ArrayList<>();
    for (int i = 0; i < tests.size(); i++) {
      long failing = totals.getLong(i);
      if (failing > 0) {
        RowTest t = tests.get(i);
        out.add(new ContractViolation(contract.model(), t.column(), t.test(), failing + " " + t.detail(),
            sample(tested.filter(t.violates()), contract, t)));
      }
    }
    return out;
  }

  /** A few offending rows as JSON: the keys and the tested column, or the whole row for a model-level test. */
  private static List<String> sample(Dataset<Row> rows, ModelContract contract, RowTest test) {
    Set<String> shown = new LinkedHashSet<>(test.shown() != null ? test.shown() : contract.keys());
    if (test.column() != null) {
      shown.add(test.column());
    } else if (test.shown() == null) {
      shown.clear();
      Arrays.stream(rows.columns()).filter(n -> !n.startsWith("__contract_")).forEach(shown::add);
    }
    Column[] columns = shown.stream().map(n -> col(quoted(n))).toArray(Column[]::new);
    if (test.test().equals("unique_keys")) {
      columns = Arrays.copyOf(columns, columns.length + 1);
      columns[columns.length - 1] = col(KEY_ROWS).as("rows");
      return json(rows.select(columns).distinct().limit(SAMPLE_ROWS));
    }
    return json(rows.select(columns).limit(SAMPLE_ROWS));
  }

  private static List<String> json(Dataset<Row> rows) {
    return rows.toJSON().collectAsList();
  }

  /** {@code analytics.online_rate} as {@code `analytics`.`online_rate`}; names are validated identifiers. */
  static String quoted(String name) {
    return Arrays.stream(name.split("\\.")).map(p -> "`" + p + "`").collect(Collectors.joining("."));
  }

  /** DESCRIBE's spelling without spaces, lower case: {@code map<string, bigint>} is {@code map<string,bigint>}. */
  private static String normalisedType(String type) {
    return type.replace(" ", "").toLowerCase(Locale.ROOT);
  }
}
