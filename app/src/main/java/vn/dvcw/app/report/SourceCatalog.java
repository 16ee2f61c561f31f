package vn.dvcw.app.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.dvcw.charts.Provenance;
import vn.dvcw.charts.RowValues;

/**
 * Adds dates to the sources the views name ("report 20-BCHN/CQTTBCĐ dossiers_cumulative"): the document's issue
 * date and the date its figures stand at, from analytics.documents. A reader can then tell a June letter from an
 * August report without opening the lakehouse.
 */
final class SourceCatalog {
  private record Document(String number, String title, String fileName, LocalDate issued, LocalDate dataDate,
      String kind) {
    /**
     * How much of a source names this document: the longest of its number, title or file name found in it, 0 if
     * none. The longest wins, so an article whose title cites letter 7260 is not taken for the letter itself.
     */
    int match(String source) {
      int best = 0;
      for (String name : new String[] {number, title, fileName}) {
        if (name != null && source.contains(name)) {
          best = Math.max(best, name.length());
        }
      }
      return best;
    }
  }

  private final List<Document> documents = new ArrayList<>();

  SourceCatalog(SparkSession spark) {
    for (Row r : ReportQueries.run(spark, "current_documents", Map.of()).collectAsList()) {
      documents.add(new Document(RowValues.text(r, "number"), RowValues.text(r, "title"), RowValues.text(r, "file_name"),
          RowValues.date(r, "issue_date"), RowValues.date(r, "data_date"), RowValues.text(r, "kind")));
    }
  }

  /**
   * Each source with the dates of the document it names. Several sources naming one document (a letter summed
   * over 1, 2 or 3 former provinces) print once, as the text up to the document's number; a source naming no known
   * document stays as written.
   */
  List<String> dated(List<String> sources) {
    Map<Document, List<String>> byDocument = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (String s : sources) {
      Optional<Document> d = documents.stream().filter(doc -> doc.match(s) > 0)
          .max(java.util.Comparator.comparingInt(doc -> doc.match(s)));
      if (d.isPresent()) {
        byDocument.computeIfAbsent(d.get(), k -> new ArrayList<>()).add(s);
      } else {
        unknown.add(s);
      }
    }
    List<String> out = new ArrayList<>();
    byDocument.forEach((d, named) -> {
      String s = named.get(0);
      if (named.size() > 1 && d.number() != null) {
        s = s.substring(0, s.indexOf(d.number()) + d.number().length());
      }
      out.add(s + " (" + dates(d) + ")");
    });
    out.addAll(unknown);
    return out;
  }

  /** What analytics.dossier_monthly's sources say of the dossier feed ("DVCQG dossier feed", "synthetic …"). */
  static final String FEED_SOURCE = "dossier feed";

  /**
   * The sources of analytics.freshness that {@code sources} cite: the kind of each document named (the longest
   * match, as in {@link #dated}), and {@code dossier_feed} for the feed's rows; in the order first cited.
   */
  java.util.Set<String> freshnessSources(List<String> sources) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (String s : sources) {
      documents.stream().filter(doc -> doc.match(s) > 0)
          .max(java.util.Comparator.comparingInt(doc -> doc.match(s)))
          .ifPresentOrElse(d -> out.add(d.kind()), () -> {
            if (s.contains(FEED_SOURCE)) {
              out.add("dossier_feed");
            }
          });
    }
    return out;
  }

  private static String dates(Document d) {
    String issued = d.issued() != null ? "ban hành " + d.issued().format(Provenance.VN_DATE) : "không ghi ngày ban hành";
    return d.dataDate() != null ? issued + "; số liệu đến " + d.dataDate().format(Provenance.VN_DATE) : issued;
  }
}
