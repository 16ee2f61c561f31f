package vn.dvcw.core.documents;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standard header of a Vietnamese administrative letter (Decree 30/2020/NĐ-CP layout): issuing body on
 * the first line, "Số: 7260/VPCP-KSTT", the subject line "V/v ...", and "Hà Nội, ngày 05 tháng 8 năm 2025".
 */
final class LetterHeader {
  private static final Pattern NUMBER = Pattern.compile("Số:?\\s*([0-9]+[/-][\\p{L}0-9/.\\-]+)");
  private static final Pattern PLACE_DATE =
      Pattern.compile("\\p{L}[\\p{L} ]*,\\s*ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4})");

  private LetterHeader() {}

  static String number(SourceDocument doc) {
    for (int i = 0; i < Math.min(40, doc.lines().size()); i++) {
      Matcher m = NUMBER.matcher(doc.line(i));
      if (m.find()) {
        return m.group(1).replaceAll("[.,;]+$", "");
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
      return s.equals(s.toUpperCase()) && s.chars().anyMatch(Character::isLetter) ? s : null;
    }
    return null;
  }

  static LocalDate issueDate(SourceDocument doc) {
    for (int i = 0; i < Math.min(40, doc.lines().size()); i++) {
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
      if (s.startsWith("V/v")) {
        return s.replaceAll("\\s+", " ");
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
