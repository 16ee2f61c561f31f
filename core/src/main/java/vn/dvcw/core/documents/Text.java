package vn.dvcw.core.documents;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text helpers for reading Vietnamese documents: folding for keyword matching, and dates. */
public final class Text {
  // Every pattern here runs on whole documents from any source: each is linear on any line (possessive or
  // bounded repetitions, no repetition that can restart inside a run it already scanned).
  private static final Pattern MARKS = Pattern.compile("\\p{M}++");
  private static final Pattern WORDY_DATE = Pattern.compile(
      "ngày\\s++(\\d{1,2}+)\\s++tháng\\s++(\\d{1,2}+)\\s++năm\\s++(\\d{4})", Pattern.CASE_INSENSITIVE);
  private static final Pattern SLASH_DATE = Pattern.compile("(?<!\\d)(\\d{1,2})/(\\d{1,2})/(\\d{4})(?!\\d)");
  private static final Pattern SLASH_DATE_CELL = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}");
  /** A tag: '<' up to the next '>' with no '<' between, so a run of '<' without '>' is scanned once, not once per '<'. */
  private static final Pattern HTML_TAG = Pattern.compile("<[^<>]++>");

  private Text() {}

  /**
   * Lower case, without diacritics, đ as d, single spaces: "Tỉ lệ hồ sơ Trực tuyến" → "ti le ho so truc tuyen".
   * For matching header keywords only; names go through the province resolver.
   */
  public static String fold(String s) {
    if (s == null) {
      return "";
    }
    // One pass, a character at a time (whole documents are folded to be recognised, so this must be cheap on
    // megabytes): ASCII as is, anything else through its own NFD form without marks, đ as d, then lower case.
    StringBuilder out = new StringBuilder(s.length());
    boolean blank = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == ' ' || (cp >= '\t' && cp <= '\r')) { // what the regex \s means: space, \t \n \u000B \f \r
        blank = true;
        continue;
      }
      String folded = cp < 0x80 ? null : FOLDED.computeIfAbsent(cp, Text::foldOne);
      if (folded != null && folded.isEmpty()) {
        continue; // a mark on its own: gone, as if it were not there
      }
      if (blank && out.length() > 0) {
        out.append(' ');
      }
      blank = false;
      if (folded == null) {
        out.append(Character.toLowerCase((char) cp));
      } else {
        out.append(folded);
      }
    }
    if (blank) {
      out.append(' ');
    }
    return out.toString().strip();
  }

  /** Folded form of one code point, cached: there are only a few hundred distinct letters in Vietnamese text. */
  private static final java.util.Map<Integer, String> FOLDED = new java.util.concurrent.ConcurrentHashMap<>();

  private static String foldOne(int cp) {
    String d = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
    d = MARKS.matcher(d).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
    return d.toLowerCase(Locale.ROOT);
  }

  /** Splits a tab-separated line into stripped cells, keeping empty cells. */
  public static List<String> tabCells(String line) {
    List<String> cells = new ArrayList<>();
    for (String c : line.split("\t", -1)) {
      cells.add(c.strip());
    }
    return cells;
  }

  /** The first "ngày D tháng M năm Y" date in the text. */
  public static Optional<LocalDate> firstWordyDate(String text) {
    Matcher m = WORDY_DATE.matcher(text);
    return m.find() ? Optional.of(date(m.group(3), m.group(2), m.group(1))) : Optional.empty();
  }

  /** Every d/m/yyyy date in a line, in order. */
  public static List<LocalDate> slashDates(String text) {
    List<LocalDate> out = new ArrayList<>();
    Matcher m = SLASH_DATE.matcher(text);
    while (m.find()) {
      out.add(date(m.group(3), m.group(2), m.group(1)));
    }
    return out;
  }

  /** Parses "30/7/2025" or returns null when the cell is not such a date. */
  public static LocalDate slashDateOrNull(String cell) {
    List<LocalDate> ds = slashDates(cell);
    return ds.size() == 1 && SLASH_DATE_CELL.matcher(cell.strip()).matches() ? ds.get(0) : null;
  }

  static LocalDate date(String y, String m, String d) {
    return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
  }

  /** The whole text with line breaks and runs of blanks collapsed to single spaces. */
  public static String flatten(String text) {
    return collapseBlanks(text);
  }

  /** Every run of blanks (line breaks included) as one space. */
  public static String collapseBlanks(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean blank = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || (c >= '\t' && c <= '\r')) { // the regex \s: space, \t \n \u000B \f \r
        if (!blank) {
          out.append(' ');
        }
        blank = true;
      } else {
        out.append(c);
        blank = false;
      }
    }
    return out.toString();
  }

  /** Removes HTML tags a copy-paste left in a cell ("<p>...</p>"), keeping their text. */
  public static String stripHtml(String cell) {
    return collapseBlanks(HTML_TAG.matcher(cell).replaceAll(" ")).strip();
  }
}
