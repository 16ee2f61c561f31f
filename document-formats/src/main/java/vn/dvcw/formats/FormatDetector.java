package vn.dvcw.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Recognises a file's format from its content. PDF starts with "%PDF-"; .docx and .xlsx are ZIP archives
 * ("PK\3\4") told apart by their main part (word/document.xml, xl/workbook.xml); an OLE2 compound file
 * (D0 CF 11 E0) is either a password-protected .docx/.xlsx (POI and Office wrap encrypted OOXML in OLE2 with
 * an "EncryptionInfo" stream) or a legacy .doc/.xls. Anything else is text, checked by the text reader.
 */
public final class FormatDetector {
  private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] EOF = {'%', '%', 'E', 'O', 'F'};
  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
      (byte) 0xE1};
  /**
   * PDF allows junk before the header (readers look in the first kilobyte); away from offset 0 the file must
   * also end like a PDF ("%%EOF"), so a text that merely quotes "%PDF-" stays text.
   */
  private static final int PDF_HEADER_WINDOW = 1024;

  private FormatDetector() {}

  /**
   * The format of {@code bytes}.
   *
   * @throws UnreadableFileException when the file is an archive or compound file the warehouse cannot read:
   *     encrypted Office file, legacy .doc/.xls, corrupt ZIP, a ZIP that is neither Word nor Excel
   */
  public static DocumentFormat detect(byte[] bytes) throws UnreadableFileException {
    int pdf = indexOf(bytes, PDF, 0, PDF_HEADER_WINDOW);
    if (pdf == 0 || (pdf > 0 && indexOf(bytes, EOF, Math.max(0, bytes.length - 2048), bytes.length) >= 0)) {
      return DocumentFormat.PDF;
    }
    if (startsWith(bytes, ZIP)) {
      return zipKind(bytes);
    }
    if (startsWith(bytes, OLE2)) {
      throw new UnreadableFileException(ole2Reason(bytes));
    }
    return DocumentFormat.TEXT;
  }

  private static DocumentFormat zipKind(byte[] bytes) throws UnreadableFileException {
    Set<String> names = new HashSet<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        names.add(e.getName());
        zip.transferTo(java.io.OutputStream.nullOutputStream()); // reads the entry: a cut archive fails here
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new UnreadableFileException("corrupt ZIP archive (a damaged or truncated .docx/.xlsx): "
          + e.getMessage(), e);
    }
    if (names.contains("word/document.xml")) {
      return DocumentFormat.DOCX;
    }
    if (names.contains("xl/workbook.xml")) {
      return DocumentFormat.XLSX;
    }
    if (names.isEmpty()) {
      throw new UnreadableFileException("corrupt ZIP archive: no entries could be read");
    }
    throw new UnreadableFileException("a ZIP archive that is neither a Word (.docx) nor an Excel (.xlsx) file ("
        + names.size() + " entries); unpack it and load its documents");
  }

  private static String ole2Reason(byte[] bytes) {
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
      if (fs.getRoot().hasEntry("EncryptionInfo")) {
        return "password-protected Office file (encrypted .docx/.xlsx): it cannot be read without its password; "
            + "supply an unprotected copy";
      }
      if (fs.getRoot().hasEntry("WordDocument")) {
        return "legacy Word 97-2003 file (.doc): save it as .docx";
      }
      if (fs.getRoot().hasEntry("Workbook") || fs.getRoot().hasEntry("Book")) {
        return "legacy Excel 97-2003 file (.xls): save it as .xlsx";
      }
      return "an OLE2 compound file that is not a Word or Excel document";
    } catch (IOException | RuntimeException e) {
      return "corrupt OLE2 compound file (Office 97-2003 or encrypted Office): " + e.getMessage();
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] magic) {
    if (bytes.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (bytes[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /** First index in [from, to) where {@code magic} starts, or -1. */
  private static int indexOf(byte[] bytes, byte[] magic, int from, int to) {
    int last = Math.min(bytes.length, to) - magic.length;
    outer:
    for (int i = from; i <= last; i++) {
      for (int k = 0; k < magic.length; k++) {
        if (bytes[i + k] != magic[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
