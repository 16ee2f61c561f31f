package vn.dvcw.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Files that cannot be documents are refused with a reason a person can act on; the format is told from the
 * content, not the name. The bad files are made here from the committed fixtures, a few kilobytes each.
 */
@Tag("fast")
class UnreadableFilesTest {

  private static String refusal(byte[] bytes) {
    return assertThrows(UnreadableFileException.class, () -> DocumentFiles.read("input", bytes)).getMessage();
  }

  @Test
  void scannedPdfWithoutTextLayerIsRefused() throws Exception {
    String reason = refusal(scannedPdf());
    assertTrue(reason.startsWith("PDF without a text layer (1 page of images only: a scan)"), reason);
  }

  @Test
  void passwordProtectedPdfIsRefused() throws Exception {
    try (PDDocument pdf = Loader.loadPDF(LetterVersionsTest.bytes("7260-VPCP-KSTT.pdf"))) {
      pdf.protect(new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      assertTrue(refusal(out.toByteArray()).startsWith("password-protected PDF"));
    }
  }

  @Test
  void passwordProtectedWordAndExcelFilesAreRefused() throws Exception {
    for (String fixture : new String[] {"7260-VPCP-KSTT.docx", "7260-VPCP-KSTT-phu-luc.xlsx"}) {
      String reason = refusal(encrypted(LetterVersionsTest.bytes(fixture)));
      assertTrue(reason.startsWith("password-protected Office file"), fixture + ": " + reason);
    }
  }

  @Test
  void corruptArchiveIsRefused() throws Exception {
    byte[] docx = LetterVersionsTest.bytes("7260-VPCP-KSTT.docx");
    String reason = refusal(Arrays.copyOf(docx, docx.length / 2));
    assertTrue(reason.startsWith("corrupt ZIP archive"), reason);
  }

  @Test
  void archiveOfSomethingElseIsRefused() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("7260.txt"));
      zip.write("Số: 7260/VPCP-KSTT".getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(refusal(bytes.toByteArray()).startsWith("a ZIP archive that is neither a Word (.docx) nor an Excel"));
  }

  @Test
  void damagedPdfIsRefused() {
    String reason = refusal(new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '4', 0, 0, 1, (byte) 0xe2});
    assertTrue(reason.startsWith("damaged PDF"), reason);
  }

  @Test
  void formatComesFromTheContentNotTheName() throws Exception {
    byte[] docx = LetterVersionsTest.bytes("7260-VPCP-KSTT.docx");
    assertEquals(DocumentFormat.DOCX, DocumentFiles.read("cong-van-7260.txt", docx).format());
    assertEquals(DocumentFormat.PDF, DocumentFiles.read("cong-van-7260.docx",
        LetterVersionsTest.bytes("7260-VPCP-KSTT.pdf")).format());
    byte[] quoting = "Ghi chú: tệp gốc bắt đầu bằng %PDF-1.7 nhưng đây là văn bản.\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(DocumentFormat.TEXT, FormatDetector.detect(quoting));
  }

  @Test
  void sameLetterInThreeFormatsIsThreeDocuments() throws Exception {
    String docx = DocumentFiles.read("a", LetterVersionsTest.bytes("7260-VPCP-KSTT.docx")).document().sha256();
    String pdf = DocumentFiles.read("b", LetterVersionsTest.bytes("7260-VPCP-KSTT.pdf")).document().sha256();
    String again = DocumentFiles.read("c", LetterVersionsTest.bytes("7260-VPCP-KSTT.docx")).document().sha256();
    assertEquals(docx, again);
    assertTrue(!docx.equals(pdf));
  }

  /** One A4 page that is a picture of text: what a scanner gives. */
  static byte[] scannedPdf() throws Exception {
    BufferedImage scan = new BufferedImage(120, 40, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = scan.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 120, 40);
    g.setColor(Color.BLACK);
    g.drawString("CONG VAN 7260", 5, 25);
    g.dispose();
    try (PDDocument pdf = new PDDocument()) {
      PDPage page = new PDPage();
      pdf.addPage(page);
      PDImageXObject image = LosslessFactory.createFromImage(pdf, scan);
      try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
        content.drawImage(image, 50, 600, 480, 160);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    }
  }

  /** An Office file saved with a password: POI's agile encryption, as Office 2010+ writes it. */
  static byte[] encrypted(byte[] ooxml) throws Exception {
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
      enc.confirmPassword("mat-khau");
      try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(ooxml)); OutputStream os = enc.getDataStream(fs)) {
        pkg.save(os);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      fs.writeFilesystem(out);
      return out.toByteArray();
    }
  }
}
