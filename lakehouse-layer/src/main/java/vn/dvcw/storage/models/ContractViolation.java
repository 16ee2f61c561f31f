package vn.dvcw.storage.models;

import java.util.List;

/**
 * One way a built model breaks its contract.
 *
 * @param model   the model, {@code analytics.online_rate}
 * @param column  the column the test is on; NULL for model-level tests (keys, expressions, existence)
 * @param test    exists, type, column_missing, undeclared_column, unique_keys, not_null, accepted_values,
 *                relationships or expression
 * @param detail  what was expected and what was found
 * @param sample  a few offending rows as JSON (empty for schema tests)
 */
public record ContractViolation(String model, String column, String test, String detail, List<String> sample) {
  public ContractViolation {
    sample = List.copyOf(sample);
  }

  @Override
  public String toString() {
    return model + (column == null ? "" : "." + column) + " [" + test + "] " + detail
        + (sample.isEmpty() ? "" : " e.g. " + String.join(" ", sample));
  }
}
