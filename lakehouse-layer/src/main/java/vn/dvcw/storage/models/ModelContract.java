package vn.dvcw.storage.models;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a model promises, from the {@code <name>.yml} beside its {@code .sql} (the dbt habit): its grain, the
 * columns that are unique together, and every column with its Spark SQL type and tests. {@link ContractCheck}
 * holds a built model to it.
 *
 * <p>Names are validated when a contract is made, so a contract can only ever name tables and columns; the
 * checks quote them. Values (accepted values) are passed to Spark as literals, never pasted into SQL text.
 *
 * @param model       schema-qualified name, {@code analytics.online_rate}
 * @param description what the model answers
 * @param grain       what one row is
 * @param keys        columns unique together (empty: no key promised)
 * @param columns     every column of the model, in order
 * @param expressions boolean Spark SQL expressions over several columns that every row satisfies
 */
public record ModelContract(String model, String description, String grain, List<String> keys,
    List<Column> columns, List<String> expressions) {
  private static final Pattern MODEL = Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
  /** Spark's DESCRIBE spelling of a type: {@code decimal(9,6)}, {@code array<string>}, {@code map<string,bigint>}. */
  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_<>,():]*");

  public ModelContract {
    requireMatch(MODEL, model, "model name", model);
    keys = List.copyOf(keys);
    columns = List.copyOf(columns);
    expressions = List.copyOf(expressions);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException(model + ": a contract declares every column; none declared");
    }
    List<String> names = columns.stream().map(Column::name).toList();
    if (names.stream().distinct().count() != names.size()) {
      throw new IllegalArgumentException(model + ": a column is declared twice in " + names);
    }
    for (String key : keys) {
      if (!names.contains(key)) {
        throw new IllegalArgumentException(model + ": key '" + key + "' is not a declared column");
      }
    }
    expressions.forEach(e -> requireText(e, model, "expression"));
  }

  /** One column: name, type as DESCRIBE shows it, meaning, and its tests. */
  public record Column(String name, String type, String description, boolean notNull, List<Object> acceptedValues,
      List<Relationship> relationships, List<String> expressions) {
    public Column {
      requireMatch(IDENTIFIER, name, "column name", name);
      requireMatch(TYPE, type, "type of column", name);
      requireText(description, name, "description");
      acceptedValues = acceptedValues == null ? List.of() : List.copyOf(acceptedValues);
      relationships = List.copyOf(relationships);
      expressions = List.copyOf(expressions);
      expressions.forEach(e -> requireText(e, name, "expression"));
    }

    /** This column with another type (e.g. a planted wrong type in a test). */
    public Column withType(String newType) {
      return new Column(name, newType, description, notNull, acceptedValues, relationships, expressions);
    }

    /** This column with {@code not_null} set. */
    public Column withNotNull(boolean required) {
      return new Column(name, type, description, required, acceptedValues, relationships, expressions);
    }

    /** This column with other accepted values. */
    public Column withAcceptedValues(List<Object> values) {
      return new Column(name, type, description, notNull, values, relationships, expressions);
    }

    /** This column with other relationships. */
    public Column withRelationships(List<Relationship> newRelationships) {
      return new Column(name, type, description, notNull, acceptedValues, newRelationships, expressions);
    }
  }

  /** Every non-null value of the column is a value of {@code to.field} (a foreign key). */
  public record Relationship(String to, String field) {
    public Relationship {
      requireMatch(MODEL, to, "relationship target", to);
      requireMatch(IDENTIFIER, field, "relationship field", field);
    }
  }

  /** The declared column called {@code name}. */
  public Column column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(model + " declares no column '" + name + "'"));
  }

  /** This contract with {@code replacement} instead of the column of the same name. */
  public ModelContract withColumn(Column replacement) {
    column(replacement.name());
    List<Column> out = new ArrayList<>();
    columns.forEach(c -> out.add(c.name().equals(replacement.name()) ? replacement : c));
    return new ModelContract(model, description, grain, keys, out, expressions);
  }

  /** This contract with other key columns. */
  public ModelContract withKeys(List<String> newKeys) {
    return new ModelContract(model, description, grain, newKeys, columns, expressions);
  }

  private static void requireMatch(Pattern pattern, String value, String what, String owner) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException("bad " + what + " '" + value + "' (" + owner + "): must match " + pattern);
    }
  }

  private static void requireText(String value, String owner, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(owner + ": empty " + what);
    }
  }
}
