package vn.dvcw.core.geo;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.text.Normalizer2;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Normalises Vietnamese province names as written in documents into matching keys.
 *
 * <p>A key is accent-insensitive (NFD decomposition, combining marks removed, đ/Đ folded to d), so
 * old and new tone-mark placement (Hoá/Hóa, Thuỷ/Thủy), NFC or NFD input and missing diacritics
 * ("Hung Yên") all give the same key. Case, spacing, dashes and dots are folded too, and
 * administrative prefixes ("UBND tỉnh", "Ủy ban nhân dân Thành phố", "TP.", "T.P", "Tỉnh") are removed,
 * and so are the unit words English sources write after the name ("Lao Cai Province", "Can Tho City",
 * "People's Committee of Hanoi City"). Joined English spellings ("Hanoi", "Saigon") are aliases, not rules.
 * Uses ICU4J only; there is no hand-written accent table.
 */
public final class ProvinceNames {

  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

  /** Administrative prefix written before a province name, in folded form. */
  enum Prefix {
    COMMITTEE(null, "uy ban nhan dan", "ubnd", "people s committee of", "peoples committee of"),
    PROVINCE("tỉnh", "tinh"),
    CITY("thành phố", "thanh pho", "tp", "t p");

    final String asWritten;
    final List<List<String>> forms;

    Prefix(String asWritten, String... forms) {
      this.asWritten = asWritten;
      this.forms = Arrays.stream(forms).map(f -> List.of(f.split(" "))).toList();
    }
  }

  /**
   * A unit word written after the name, as English sources do: "Lao Cai Province", "Can Tho City". It says
   * the same as the Vietnamese prefix it stands for, so a match note can flag "Hue Province" like "tỉnh Huế".
   */
  enum Suffix {
    PROVINCE("Province", Prefix.PROVINCE, "province"),
    CITY("City", Prefix.CITY, "city", "municipality");

    final String asWritten;
    final Prefix means;
    final List<String> forms;

    Suffix(String asWritten, Prefix means, String... forms) {
      this.asWritten = asWritten;
      this.means = means;
      this.forms = List.of(forms);
    }
  }

  /**
   * A key plus the unit type that was stripped (null if none), for match notes: {@code unitPrefix} says
   * what was written ('tỉnh', 'thành phố', or the English suffix's meaning), {@code unitWritten} how.
   */
  record ParsedName(String key, Prefix unitPrefix, String unitWritten) {
    ParsedName(String key, Prefix unitPrefix) {
      this(key, unitPrefix, unitPrefix == null ? null : unitPrefix.asWritten);
    }
  }

  private ProvinceNames() {}

  /** Returns {@code raw} in Unicode NFC, or null if {@code raw} is null. */
  public static String nfc(String raw) {
    return raw == null ? null : NFC.normalize(raw);
  }

  /**
   * Returns {@code name} with every diacritic removed and đ/Đ replaced by d/D, keeping case, spaces and
   * punctuation: "Bà Rịa - Vũng Tàu" → "Ba Ria - Vung Tau". Returns null if {@code name} is null.
   */
  public static String ascii(String name) {
    if (name == null) {
      return null;
    }
    String decomposed = NFD.normalize(name);
    StringBuilder out = new StringBuilder(decomposed.length());
    decomposed.codePoints().forEach(cp -> {
      int type = UCharacter.getType(cp);
      if (type == UCharacterCategory.NON_SPACING_MARK || type == UCharacterCategory.FORMAT) {
        return;
      }
      out.appendCodePoint(foldStroke(cp));
    });
    return NFC.normalize(out);
  }

  /**
   * Returns the accent-, case- and punctuation-insensitive form of {@code raw} without removing any
   * prefix: lower-case ASCII letters and digits separated by single spaces ("TP. Hồ Chí Minh" →
   * "tp ho chi minh"). Returns "" for null or blank input.
   */
  public static String fold(String raw) {
    if (raw == null) {
      return "";
    }
    String plain = ascii(raw).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(plain.length());
    boolean space = true;
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(c);
        space = false;
      } else if (!space) {
        out.append(' ');
        space = true;
      }
    }
    return out.toString().trim();
  }

  /**
   * Returns the matching key of a province name as written: {@link #fold(String)} with leading
   * administrative prefixes removed ("UBND Thành phố Hồ Chí Minh" → "ho chi minh", "Thanh Hoá" →
   * "thanh hoa", "Bà Rịa–Vũng Tàu" → "ba ria vung tau"). Returns "" for null or blank input; if the
   * input is nothing but a prefix, the folded prefix itself is returned.
   */
  public static String key(String raw) {
    return parse(raw).key();
  }

  static ParsedName parse(String raw) {
    String folded = fold(raw);
    if (folded.isEmpty()) {
      return new ParsedName("", null);
    }
    List<String> tokens = List.of(folded.split(" "));
    Prefix unitPrefix = null;
    int start = 0;
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      for (Prefix prefix : Prefix.values()) {
        for (List<String> form : prefix.forms) {
          if (startsWith(tokens, start, form) && start + form.size() < tokens.size()) {
            start += form.size();
            if (prefix != Prefix.COMMITTEE) {
              unitPrefix = prefix;
            }
            stripped = true;
          }
        }
      }
    }
    // English order: the unit word comes after the name ("Lao Cai Province"). Stripped only when a name
    // is left before it, so a province could never be named "City" by accident.
    int end = tokens.size();
    String unitWritten = unitPrefix == null ? null : unitPrefix.asWritten;
    for (Suffix suffix : Suffix.values()) {
      if (end - start > 1 && suffix.forms.contains(tokens.get(end - 1))) {
        end--;
        if (unitPrefix == null) {
          unitPrefix = suffix.means;
          unitWritten = suffix.asWritten;
        }
        break;
      }
    }
    return new ParsedName(String.join(" ", tokens.subList(start, end)), unitPrefix, unitWritten);
  }

  private static boolean startsWith(List<String> tokens, int start, List<String> form) {
    if (start + form.size() > tokens.size()) {
      return false;
    }
    return tokens.subList(start, start + form.size()).equals(form);
  }

  /** đ and Đ (and the look-alike eth, often typed for Đ) do not decompose under NFD. */
  private static int foldStroke(int cp) {
    switch (cp) {
      case 'đ':
      case 'ð':
        return 'd';
      case 'Đ':
      case 'Ð':
        return 'D';
      default:
        return cp;
    }
  }
}
