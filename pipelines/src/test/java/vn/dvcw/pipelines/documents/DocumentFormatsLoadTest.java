package vn.dvcw.pipelines.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvcw.pipelines.Pipelines;
import vn.dvcw.pipelines.Progress;
import vn.dvcw.pipelines.QuarantineEntry;
import vn.dvcw.pipelines.SparkTestBase;
import vn.dvcw.storage.catalog.TableSpec;
import vn.dvcw.storage.catalog.WarehouseTables;

/**
 * Letter 7260/VPCP-KSTT as text, Word, PDF and an Excel appendix, beside a scanned PDF, a password-protected
 * .docx and a truncated .docx, loaded by the documents job alone (no gold, no views: seconds): each readable
 * version lands in bronze with the origin of its lines and gives the same province figures in silver; each
 * unreadable file is quarantined with its reason; a second run adds nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentFormatsLoadTest extends SparkTestBase {
  private static final Path FIXTURES = Path.of("..", "document-formats", "src", "test", "resources", "letters");
  private Path lakehouse;
  private Path inputs;
  private DocumentsJob.Result first;

  @BeforeAll
  void loadEveryFormat() throws Exception {
    inputs = Files.createTempDirectory("dvcw-formats");
    Files.copy(seedInputs().resolve("000_f45c6a0f6911e2f4.txt"), inputs.resolve("7260.txt"));
    for (String f : List.of("7260-VPCP-KSTT.docx", "7260-VPCP-KSTT.pdf", "7260-VPCP-KSTT-phu-luc.xlsx")) {
      Files.copy(FIXTURES.resolve(f), inputs.resolve(f));
    }
    byte[] docx = Files.readAllBytes(FIXTURES.resolve("7260-VPCP-KSTT.docx"));
    Files.write(inputs.resolve("scan-7260.pdf"), scannedPdf());
    Files.write(inputs.resolve("locked-7260.docx"), encrypted(docx));
    Files.write(inputs.resolve("cut-7260.docx"), Arrays.copyOf(docx, docx.length / 2));
    lakehouse = freshLakehouse();
    first = run();
  }

  private DocumentsJob.Result run() {
    return Pipelines.get(spark()).documents().run(inputs.toString(), "formats-test",
        new Progress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), 2));
  }

  private Dataset<Row> table(TableSpec spec) {
    return spark().read().format("delta").load(spec.path(lakehouse.toString()));
  }

  @Test
  void unreadableFilesAreQuarantinedWithTheirReasons() {
    Map<String, String> reasons = first.quarantine().stream().filter(q -> q.stage().equals("file"))
        .collect(Collectors.toMap(q -> Path.of(q.filePath().replace("file:", "")).getFileName().toString(),
            QuarantineEntry::reason));
    assertTrue(reasons.get("scan-7260.pdf").startsWith("PDF without a text layer"), reasons.toString());
    assertTrue(reasons.get("locked-7260.docx").startsWith("password-protected Office file"), reasons.toString());
    assertTrue(reasons.get("cut-7260.docx").startsWith("corrupt ZIP archive"), reasons.toString());
    assertEquals(3, reasons.size(), reasons.toString());
  }

  @Test
  void everyFormatGivesTheSameFiguresPerProvince() {
    assertEquals(4, first.newDocuments());
    List<Row> perDocument = table(WarehouseTables.REPORT_OBSERVATION)
        .join(table(WarehouseTables.DOCUMENT).select("doc_id", "file_name"), "doc_id")
        .where("province_code IS NOT NULL")
        .groupBy("file_name").agg(org.apache.spark.sql.functions.count("*").as("n"),
            org.apache.spark.sql.functions.sum("value").as("total"),
            org.apache.spark.sql.functions.expr("sort_array(collect_list(concat_ws('|', province_code, measure, "
                + "cast(value AS STRING))))").as("figures"))
        .orderBy("file_name").collectAsList();
    assertEquals(4, perDocument.size(), perDocument.toString());
    Row text = perDocument.stream().filter(r -> r.getString(0).equals("7260.txt")).findFirst().orElseThrow();
    assertEquals(136L, text.getLong(1)); // 34 provinces x 4 measures
    for (Row r : perDocument) {
      assertEquals(text.get(2), r.get(2), r.getString(0));
      assertEquals(text.getList(3), r.getList(3), r.getString(0));
    }
  }

  @Test
  void linesOfWordPdfAndExcelKeepTheirOrigin() {
    table(WarehouseTables.DOCUMENT_ROW).createOrReplaceTempView("formats_row");
    table(WarehouseTables.DOCUMENT).createOrReplaceTempView("formats_document");
    table(WarehouseTables.DOCUMENT_LINE).createOrReplaceTempView("formats_line");
    List<Row> lineage = rows("SELECT d.file_name, l.file_format, l.page, l.sheet, l.sheet_row, l.table_no, l.table_row "
        + "FROM formats_row r JOIN formats_document d ON d.doc_id = r.doc_id "
        + "LEFT JOIN formats_line l ON l.doc_id = r.doc_id AND l.line_no = r.line_no "
        + "WHERE r.row_kind = 'TOTAL' ORDER BY d.file_name");
    assertEquals(4, lineage.size(), lineage.toString());
    assertEquals("[7260-VPCP-KSTT-phu-luc.xlsx,xlsx,null,Phụ lục,40,1,36]", lineage.get(0).toString());
    assertEquals("[7260-VPCP-KSTT.docx,docx,null,null,null,1,36]", lineage.get(1).toString());
    Row pdf = lineage.get(2);
    assertEquals("pdf", pdf.getString(1));
    assertTrue(pdf.getInt(2) >= 2 && pdf.getInt(5) >= 1 && pdf.getInt(6) >= 1, pdf.toString());
    assertEquals("[7260.txt,null,null,null,null,null,null]", lineage.get(3).toString());
  }

  @Test
  void aSecondRunAddsNothing() {
    long lines = table(WarehouseTables.DOCUMENT_LINE).count();
    DocumentsJob.Result again = run();
    assertEquals(0, again.newDocuments());
    assertEquals(lines, table(WarehouseTables.DOCUMENT_LINE).count());
    assertEquals(first.observations(), again.observations());
  }

  private static byte[] scannedPdf() throws Exception {
    java.awt.image.BufferedImage scan = new java.awt.image.BufferedImage(60, 20,
        java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    try (PDDocument pdf = new PDDocument()) {
      PDPage page = new PDPage();
      pdf.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
        content.drawImage(LosslessFactory.createFromImage(pdf, scan), 50, 600, 480, 160);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    }
  }

  private static byte[] encrypted(byte[] ooxml) throws Exception {
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
