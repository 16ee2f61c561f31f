package vn.dvcw.notebooks.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class SqlCellTest {

  @Test
  void javaCellsAreNotMagic() {
    assertTrue(SqlCell.parse("var x = 1;\nx + 1").isEmpty());
    assertTrue(SqlCell.parse("// %%sql in a comment\nint y = 2;").isEmpty());
  }

  @Test
  void defaultsKeepTheResultAsUnderscoreDfWithALimitOfOneHundred() {
    SqlCell cell = SqlCell.parse("%%sql\nSELECT * FROM analytics.online_rate;\n").orElseThrow();
    assertEquals("_df", cell.resultName());
    assertEquals(100, cell.limit());
    assertEquals("SELECT * FROM analytics.online_rate", cell.query());
  }

  @Test
  void nameAndLimitInEitherOrderAndForm() {
    SqlCell a = SqlCell.parse("%%sql rates --limit 5\nSELECT 1").orElseThrow();
    SqlCell b = SqlCell.parse("\n  %%sql --limit=7 rates\nSELECT 1").orElseThrow();
    assertEquals("rates", a.resultName());
    assertEquals(5, a.limit());
    assertEquals("rates", b.resultName());
    assertEquals(7, b.limit());
  }

  @Test
  void badHeadersSayHowToWriteThem() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SqlCell.parse("%%html\n<b>x</b>"))
        .getMessage().contains("Unknown cell magic %%html"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SqlCell.parse("%%sql _\nSELECT 1"))
        .getMessage().contains("cannot name a Java variable"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SqlCell.parse("%%sql class\nSELECT 1"))
        .getMessage().contains("keyword"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SqlCell.parse("%%sql --limit many\nSELECT 1"))
        .getMessage().contains("--limit needs a row count"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SqlCell.parse("%%sql --lim 3\nSELECT 1"))
        .getMessage().contains("Unknown option --lim"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SqlCell.parse("%%sql a b\nSELECT 1"))
        .getMessage().contains("Unexpected 'b'"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SqlCell.parse("%%sql top\n  ;\n"))
        .getMessage().contains("has no query"));
  }

  @Test
  void snippetDeclaresTheNamedDataFrameAndQuotesTheQueryExactly() {
    SqlCell cell = SqlCell.parse("%%sql t --limit 3\nSELECT 'a\"b', '\\\\u0041'\nFROM x\tWHERE y").orElseThrow();
    assertEquals("org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> t = "
        + "vn.dvcw.notebooks.Dvcw.current().sqlCell(\"SELECT 'a\\\"b', '\\\\\\\\u0041'\\nFROM x\\tWHERE y\", 3);",
        cell.toSnippet());
  }

  @Test
  void isCellMagicLooksOnlyAtTheStart() {
    assertTrue(SqlCell.isCellMagic("  %%sql\nSELECT 1"));
    assertFalse(SqlCell.isCellMagic("int a = 1; // %%sql"));
  }
}
