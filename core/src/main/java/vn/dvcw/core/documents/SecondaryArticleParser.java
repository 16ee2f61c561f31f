package vn.dvcw.core.documents;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A web article restating an official letter (the seeds' article on 7260/VPCP-KSTT). It is recorded as a
 * document; the figures it repeats become claims checked against the letter, never facts of their own,
 * so nothing is counted twice.
 */
final class SecondaryArticleParser implements DocumentParser {
  private static final Pattern LETTER = Pattern.compile("Công văn (?:số )?(\\d{1,6}+/[\\p{Lu}Đ\\-]{1,30}+)");

  @Override
  public DocumentKind kind() {
    return DocumentKind.SECONDARY_ARTICLE;
  }

  static boolean recognises(SourceDocument doc) {
    String first = doc.lines().stream().filter(l -> !l.isBlank()).findFirst().orElse("");
    return first.startsWith("#") && LETTER.matcher(doc.text()).find();
  }

  @Override
  public ParsedDocument parse(SourceDocument doc) {
    String title = doc.lines().stream().filter(l -> !l.isBlank()).findFirst().orElse("").replaceFirst("^#+\\s*", "");
    String restates = mostCited(doc.text());
    DocumentIdentity id = new DocumentIdentity(kind(), null, null, null, null, null, title, restates,
        "secondary source restating " + restates + "; its figures are checked against the letter, not loaded");
    ParsedDocument out = new ParsedDocument(doc, id);
    for (int i = 0; i < doc.lines().size(); i++) {
      String line = doc.line(i);
      for (var e : MonthlyReceiptLetterParser.BODY_TOTALS.entrySet()) {
        Matcher m = e.getValue().matcher(line);
        if (m.find()) {
          out.add(new Claim(restates, "appendix", e.getKey(), BigDecimal.valueOf(VietnameseNumbers.count(m.group(1))),
              m.group(0), i + 1));
        }
      }
    }
    return out;
  }

  private static String mostCited(String text) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Matcher m = LETTER.matcher(text);
    while (m.find()) {
      counts.merge(m.group(1), 1, Integer::sum);
    }
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
  }
}
