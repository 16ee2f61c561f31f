package vn.dvcw.core.geo;

import java.io.Serializable;
import java.util.Optional;

/**
 * The outcome of resolving a province name or code as written in a document.
 *
 * @param province the province valid on the requested date, or null when unresolved
 * @param input the text as given (may be null)
 * @param normalised the matching key derived from {@code input} (see {@link ProvinceNames#key})
 * @param reason when unresolved, a short English sentence saying why (unknown, ambiguous, ceased to
 *     exist on 2025-07-01 …); when resolved, a short note saying how it matched (official name, alias,
 *     historical name, code)
 */
public record Resolution(Province province, String input, String normalised, String reason)
    implements Serializable {

  /** Returns a successful resolution. */
  static Resolution matched(Province province, String input, String normalised, String note) {
    return new Resolution(province, input, normalised, note);
  }

  /** Returns a failed resolution. */
  static Resolution unresolved(String input, String normalised, String reason) {
    return new Resolution(null, input, normalised, reason);
  }

  /** Returns true if a province was found. */
  public boolean resolved() {
    return province != null;
  }

  /** Returns the province, or empty when unresolved. */
  public Optional<Province> asOptional() {
    return Optional.ofNullable(province);
  }

  /** Returns the two-digit code of the province (in its era), or null when unresolved. */
  public String code() {
    return province == null ? null : province.code();
  }

  /** Returns the province key ("F15", "C15"), or null when unresolved. */
  public String provinceKey() {
    return province == null ? null : province.provinceKey();
  }
}
