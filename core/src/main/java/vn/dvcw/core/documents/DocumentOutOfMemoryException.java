package vn.dvcw.core.documents;

/**
 * The heap ran out while a document was parsed. The run stops (exit 1) with one line naming the file and the
 * settings to change, instead of an OutOfMemoryError's stack trace.
 */
public final class DocumentOutOfMemoryException extends RuntimeException {
  DocumentOutOfMemoryException(SourceDocument doc, DocumentLimits limits) {
    super("out of memory while parsing " + doc.path() + " (" + doc.text().length() + " characters): raise the "
        + "heap (DVCW_DRIVER_MEMORY, default 4g) or lower " + DocumentLimits.MAX_DOCUMENT_BYTES_ENV + " (now "
        + limits.maxDocumentBytes() + " bytes) so that such a file is refused before it is read");
  }
}
