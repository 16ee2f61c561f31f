package vn.dvcw.core.documents;

/** Reads one kind of document into a {@link ParsedDocument}. Parsers never throw on bad rows: they report them. */
interface DocumentParser {
  DocumentKind kind();

  ParsedDocument parse(SourceDocument doc);
}
