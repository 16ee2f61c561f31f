package vn.dvcw.formats;

/** Renders the bytes of one file format as document text with the origin of every line. */
public interface FormatReader {
  DocumentFormat format();

  /**
   * Renders {@code bytes}, which {@link FormatDetector} recognised as this reader's format.
   *
   * @throws UnreadableFileException with the reason when the file is encrypted, damaged or has no text
   */
  RenderedText render(byte[] bytes) throws UnreadableFileException;
}
