package vn.dvcw.formats;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import vn.dvcw.core.documents.SourceDocument;
import vn.dvcw.formats.pdf.PdfTextLayerReader;

/**
 * The entry point of this module: turns the bytes of an input file, whatever its format, into the
 * {@link SourceDocument} the document parsers read, with the origin of every line. The format is recognised from
 * the content ({@link FormatDetector}); text goes through {@link SourceDocument#of} unchanged, Word, Excel and PDF
 * through their {@link FormatReader}. The document's identity stays the SHA-256 of the file's own bytes, so the
 * same .docx loaded twice is one document, and its Word, PDF and text versions are three.
 *
 * <p>To read a new format: add it to {@link DocumentFormat}, recognise it in {@link FormatDetector}, write a
 * {@link FormatReader} that renders paragraphs one per line and table rows tab-separated, and register it below.
 */
public final class DocumentFiles {
  private static final Map<DocumentFormat, FormatReader> READERS = Map.of(
      DocumentFormat.DOCX, new WordDocumentReader(),
      DocumentFormat.XLSX, new ExcelWorkbookReader(),
      DocumentFormat.PDF, new PdfTextLayerReader());

  private DocumentFiles() {}

  /**
   * A file read as a document: the text the parsers read, the format it came in, and the origin of each line
   * (empty for text files, whose line numbers are their own lineage).
   */
  public record ReadFile(SourceDocument document, DocumentFormat format, List<LineOrigin> origins) {}

  /**
   * Reads one input file.
   *
   * @throws UnreadableFileException with the reason (encrypted, no text layer, corrupt archive, not UTF-8 text,
   *     empty) when the file cannot be a document; it goes to quarantine
   */
  public static ReadFile read(String path, byte[] bytes) throws UnreadableFileException {
    if (bytes.length == 0) {
      throw new UnreadableFileException("empty file");
    }
    DocumentFormat format = FormatDetector.detect(bytes);
    if (format == DocumentFormat.TEXT) {
      try {
        return new ReadFile(SourceDocument.of(path, bytes), format, List.of());
      } catch (SourceDocument.MalformedInputException e) {
        throw new UnreadableFileException(e.getMessage(), e);
      }
    }
    RenderedText rendered = READERS.get(format).render(bytes);
    if (rendered.isBlank()) {
      throw new UnreadableFileException("no text in this " + format.sqlName() + " file");
    }
    String text = Normalizer.normalize(rendered.text(), Normalizer.Form.NFC);
    SourceDocument doc = new SourceDocument(path, sha256(bytes), text, List.of(text.split("\n", -1)));
    return new ReadFile(doc, format, rendered.origins());
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
