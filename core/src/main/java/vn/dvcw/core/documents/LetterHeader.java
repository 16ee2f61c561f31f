package vn.dvcw.core.documents;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standard header of a Vietnamese administrative letter (Decree 30/2020/NĐ-CP layout): issuing body on
 * the first line, "Số: 7260/VPCP-KSTT", the subject line "V/v ...", and "Hà Nội, ngày 05 tháng 8 năm 2025".
 */
final class LetterHeader {
  /**
   * Header patterns run on the first lines of any input, so each is linear on any line: the number is bounded
   * (no real one is longer than 60 characters) and the place-date is found from its ", ngày" anchor with a
   * one-letter look-behind for the place name. The old {@code \p{L}[\p{L} ]*,\s*ngày…} tried every letter as
   * the start of a place name and ran to the end of the line from each one: quadratic, an hour on a 10 MB line.
   */
  private static final Pattern NUMBER = Pattern.compile("Số:?\\s*+([0-9]{1,10}+[/-][\\p{L}0-9/.\\-]{1,60}+)");
  private static final Pattern PLACE_DATE = Pattern.compile(
      "(?<=\\p{L} {0,3}),\\s*+ngày\\s++(\\d{1,2}+)\\s++tháng\\s++(\\d{1,2}+)\\s++năm\\s++(\\d{4})");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,;]++$");
  /** Header lines are short (the seeds' longest is under 1,000 characters); a longer line is not a header. */
  static final int MAX_HEADER_LINE = 2_000;

  private LetterHeader() {}

  private static boolean headerLine(String line) {
    return line.length() <= MAX_HEADER_LINE;
  }

  static String number(SourceDocument doc) {
    for (int i = 0; i < Math.min(40, doc.lines().size()); i++) {
      if (!headerLine(doc.line(i))) {
        continue;
      }
      Matcher m = NUMBER.matcher(doc.line(i));
      if (m.find()) {
        return TRAILING_PUNCTUATION.matcher(m.group(1)).replaceAll("");
      }
    }
    return null;
  }

  /** The first non-blank line when it is written in capitals (the issuing body), else null. */
  static String issuer(SourceDocument doc) {
    for (String line : doc.lines()) {
      String s = line.strip();
      if (s.isEmpty()) {
        continue;
      }
      if (!headerLine(s)) {
        return null;
      }
      return s.equals(s.toUpperCase()) && s.chars().anyMatch(Character::isLetter) ? s : null;
    }
    return null;
  }

  static LocalDate issueDate(SourceDocument doc) {
    for (int i = 0; i < Math.min(40, doc.lines().size()); i++) {
      if (!headerLine(doc.line(i))) {
        continue;
      }
      Matcher m = PLACE_DATE.matcher(doc.line(i));
      if (m.find()) {
        return Text.date(m.group(3), m.group(2), m.group(1));
      }
    }
    return null;
  }

  static String subject(SourceDocument doc) {
    for (int i = 0; i < Math.min(40, doc.lines().size()); i++) {
      String s = doc.line(i).strip();
      if (s.startsWith("V/v") && headerLine(s)) {
        return Text.collapseBlanks(s);
      }
    }
    return null;
  }

  /** Index of the line {@code headerCell} that starts the appendix table ("PHỤ LỤC" ... "STT"), or -1. */
  static int appendixTableStart(SourceDocument doc, String headerCell) {
    int appendix = -1;
    for (int i = 0; i < doc.lines().size(); i++) {
      if (doc.line(i).strip().equalsIgnoreCase("PHỤ LỤC")) {
        appendix = i;
        break;
      }
    }
    for (int i = Math.max(0, appendix); i < doc.lines().size(); i++) {
      String first = doc.line(i).split("\t", -1)[0].strip();
      if (first.equals(headerCell)) {
        return i;
      }
    }
    return -1;
  }
}
