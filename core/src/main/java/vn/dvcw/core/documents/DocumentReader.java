package vn.dvcw.core.documents;

import java.util.List;

/**
 * The entry point of the document layer: recognises a document's kind from its content (never from its
 * file name) and parses it. An unrecognised document comes back as kind UNKNOWN with a problem, so it is
 * recorded and reported rather than skipped.
 */
public final class DocumentReader {
  private static final List<DocumentParser> PARSERS = List.of(
      new MonthlyReceiptLetterParser(), new IntegrationLetterParser(), new SteeringDailyReportParser(),
      new KpiDirectiveParser(), new SecondaryArticleParser(), new ServiceIndexParser());

  private DocumentReader() {}

  /** The kind a document's content shows. */
  public static DocumentKind recognise(SourceDocument doc) {
    if (ServiceIndexParser.recognises(doc.text())) {
      return DocumentKind.SERVICE_INDEX;
    }
    String folded = Text.fold(doc.text());
    if (SecondaryArticleParser.recognises(doc)) {
      return DocumentKind.SECONDARY_ARTICLE;
    }
    if (MonthlyReceiptLetterParser.recognises(folded)) {
      return DocumentKind.MONTHLY_RECEIPT_LETTER;
    }
    if (IntegrationLetterParser.recognises(folded)) {
      return DocumentKind.INTEGRATION_LETTER;
    }
    if (SteeringDailyReportParser.recognises(folded)) {
      return DocumentKind.STEERING_DAILY_REPORT;
    }
    if (KpiDirectiveParser.recognises(folded)) {
      return DocumentKind.KPI_DIRECTIVE;
    }
    return DocumentKind.UNKNOWN;
  }

  /**
   * Parses a document within {@code limits}: over-long lines are quarantined and read as empty, and a parse
   * that overruns the budget is abandoned (the document comes back as UNKNOWN with the reason). Never throws for
   * bad content.
   *
   * @throws DocumentOutOfMemoryException naming the file when the heap runs out while parsing it
   */
  public static ParsedDocument read(SourceDocument doc, DocumentLimits limits) {
    return BudgetedParse.run(doc, limits, DocumentReader::read);
  }

  /** Parses a document of any kind, unguarded (tests, tools). Never throws for bad content: problems are in the result. */
  public static ParsedDocument read(SourceDocument doc) {
    DocumentKind kind = recognise(doc);
    for (DocumentParser p : PARSERS) {
      if (p.kind() == kind) {
        try {
          return p.parse(doc);
        } catch (RuntimeException e) {
          ParsedDocument failed = new ParsedDocument(doc, unknownIdentity(kind, "parser failed"));
          failed.add(new Problem(null, null, null, "could not be parsed as " + kind.sqlName() + ": " + e.getMessage()));
          return failed;
        }
      }
    }
    ParsedDocument unknown = new ParsedDocument(doc, unknownIdentity(DocumentKind.UNKNOWN, null));
    unknown.add(new Problem(null, null, null,
        "document kind not recognised: not a VPCP receipt or integration letter, steering report, KPI directive, "
            + "article or 766 index export; add a parser or remove it from the inputs"));
    return unknown;
  }

  private static DocumentIdentity unknownIdentity(DocumentKind kind, String note) {
    return new DocumentIdentity(kind, null, null, null, null, null, null, null, note);
  }
}
