package vn.dvcw.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class ProvinceDirectoryValidationTest {

  private static IllegalStateException failure(ReferenceFixture fixture) {
    return assertThrows(IllegalStateException.class, fixture::load);
  }

  private static void assertMentions(IllegalStateException e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), () -> "'" + part + "' not in: " + e.getMessage());
    }
  }

  @Test
  void missingFormerRowIsReported() {
    IllegalStateException e = failure(new ReferenceFixture()
        .edit("province_former.csv", s -> s.replaceAll("(?m)^15,Yên Bái,.*\\R", "")));
    assertMentions(e, "province_former.csv", "62", "expected 63");
  }

  @Test
  void duplicateCodeNamesTheRow() {
    IllegalStateException e = failure(new ReferenceFixture()
        .edit("province_current.csv", s -> s.replace("15,Lào Cai", "14,Lào Cai")));
    assertMentions(e, "province_current.csv line 8", "duplicate code 14");
  }

  @Test
  void formerCodeTwiceInLineageNamesTheRow() {
    IllegalStateException e = failure(new ReferenceFixture()
        .edit("province_lineage.csv", s -> s.replace("02,08,", "01,08,")));
    assertMentions(e, "province_lineage.csv line 3", "former_code 01 appears more than once");
  }

  @Test
  void lineageToUnknownCurrentCodeNamesTheRow() {
    IllegalStateException e = failure(new ReferenceFixture()
        .edit("province_lineage.csv", s -> s.replace("74,79,", "74,74,")));
    assertMentions(e, "current_code 74 is not in province_current.csv", "line");
  }

  @Test
  void formerProvinceMissingFromLineage() {
    IllegalStateException e = failure(new ReferenceFixture()
        .edit("province_lineage.csv", s -> s.replace("62,51,2025-07-01\n", "")));
    assertMentions(e, "no row for former province Kon Tum (F62)");
  }

  @Test
  void malformedCodeAndDate() {
    assertMentions(failure(new ReferenceFixture()
        .edit("province_former.csv", s -> s.replace("\n02,Hà Giang", "\n2,Hà Giang"))),
        "two digits", "'2'");
    assertMentions(failure(new ReferenceFixture()
        .edit("province_lineage.csv", s -> s.replace("96,96,2025-07-01", "96,96,1/7/2025"))),
        "not an ISO date");
  }

  @Test
  void aliasToUnknownCodeNamesTheRow() {
    IllegalStateException e = failure(new ReferenceFixture()
        .edit("province_alias.csv", s -> s + "Bình Dương mới,current,74,,,wrong\n"));
    assertMentions(e, "province_alias.csv", "no current province with code 74");
  }

  /** Keeps only code,name,unit_type: the shape the files had before dvcqg_code and dates landed. */
  private static String threeColumns(String csv) {
    return csv.replaceAll("(?m)^([^,\\n]*,[^,\\n]*,[^,\\n]*),.*$", "$1");
  }

  @Test
  void missingOptionalColumnsGetDefaults() {
    ProvinceDirectory dir = new ReferenceFixture()
        .edit("province_former.csv", ProvinceDirectoryValidationTest::threeColumns)
        .edit("province_current.csv", ProvinceDirectoryValidationTest::threeColumns)
        .remove("province_status.csv")
        .load();
    Province former = dir.byCode(Era.FORMER, "15").orElseThrow();
    assertEquals("Yên Bái", former.name());
    assertNull(former.dvcqgCode());
    assertEquals(LocalDate.of(2008, 8, 1), former.validFrom());
    assertEquals(LocalDate.of(2025, 6, 30), former.validTo());
    Province current = dir.byCode(Era.CURRENT, "15").orElseThrow();
    assertEquals(LocalDate.of(2025, 7, 1), current.validFrom());
    assertNull(current.validTo());
    assertFalse(dir.hasDvcqgCodes(Era.CURRENT));
    assertTrue(dir.statusHistory().isEmpty());
    assertUnresolvedCode(new ProvinceResolver(dir).resolveCode("H38", LocalDate.of(2025, 8, 1)),
        "dvcqg_code column", "not filled");
  }

  private static void assertUnresolvedCode(Resolution r, String... parts) {
    assertFalse(r.resolved(), r::toString);
    for (String part : parts) {
      assertTrue(r.reason().contains(part), () -> "'" + part + "' not in: " + r.reason());
    }
  }

  @Test
  void extraColumnsAreIgnoredAndAgencyCodesInTheColumnAreReduced() {
    ProvinceDirectory dir = new ReferenceFixture()
        .edit("province_former.csv", s -> s.replaceAll("(?m)(?<=.)$", ",extra")
            .replace(",H48,", ",000.00.00.H48,"))
        .load();
    assertEquals(63, dir.provinces(Era.FORMER).size());
    assertEquals("H48", dir.byCode(Era.FORMER, "51").orElseThrow().dvcqgCode());
  }

  @Test
  void duplicateDvcqgCodeNamesTheRow() {
    IllegalStateException e = failure(new ReferenceFixture()
        .edit("province_current.csv", s -> s.replace(",H14,", ",H26,")));
    assertMentions(e, "province_current.csv line 3", "dvcqg_code H26 already used by code 01");
  }

  @Test
  void statusFileRowsBecomeHistoryAndDatedSpellings() {
    ProvinceDirectory dir = new ReferenceFixture()
        .put("province_status.csv", """
            era,code,name,unit_type,valid_from,valid_to,source
            former,46,Thừa Thiên Huế,tỉnh,2008-08-01,2024-12-31,"Nghị quyết 1314/NQ-UBTVQH15, ""test"" source"
            former,46,Huế,thành phố trực thuộc trung ương,2025-01-01,2025-06-30,NQ 1314
            """)
        .remove("province_alias.csv")
        .load();
    assertEquals(2, dir.statusHistory(Era.FORMER, "46").size());
    assertEquals("tỉnh", dir.statusOn(Era.FORMER, "46", LocalDate.of(2024, 6, 1))
        .orElseThrow().unitType());
    assertTrue(dir.statusHistory().get(0).source().contains("\"test\""));
    ProvinceResolver resolver = new ProvinceResolver(dir);
    assertEquals("F46", resolver.resolve("Tỉnh Thừa Thiên Huế", LocalDate.of(2024, 6, 1))
        .provinceKey());
    Resolution late = resolver.resolve("Thừa Thiên Huế", LocalDate.of(2025, 3, 1));
    assertTrue(!late.resolved() && late.reason().contains("not valid on 2025-03-01"),
        late.toString());
  }

  @Test
  void statusRowForUnknownProvinceNamesTheRow() {
    IllegalStateException e = failure(new ReferenceFixture().put("province_status.csv",
        "era,code,name,unit_type,valid_from,valid_to,source\ncurrent,74,Bình Dương,tỉnh,,,x\n"));
    assertMentions(e, "province_status.csv line 2", "no current province with code 74");
  }
}
