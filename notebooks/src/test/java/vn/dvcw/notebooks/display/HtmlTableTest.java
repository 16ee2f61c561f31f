package vn.dvcw.notebooks.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class HtmlTableTest {
  private static List<List<String>> rows(int n) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      rows.add(List.of("Tỉnh " + i, String.valueOf(i)));
    }
    return rows;
  }

  private static int count(String html, String part) {
    return html.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }

  @Test
  void drawsAtMostTheLimitAndSaysHowManyRowsThereAre() {
    String html = HtmlTable.render(List.of("province_name", "online"), List.of(false, true), rows(10), 63, 5);
    assertEquals(5, count(html, "<tr><td"));
    assertTrue(html.contains("63 rows, showing the first 5"));
    assertTrue(html.contains("Tỉnh 5") && !html.contains("Tỉnh 6"));
  }

  @Test
  void aWholeResultHasJustItsCount() {
    String html = HtmlTable.render(List.of("a"), List.of(false), rows(3).stream().map(r -> r.subList(0, 1)).toList(),
        3, 100);
    assertEquals(3, count(html, "<tr><td"));
    assertTrue(html.contains("<small>3 rows</small>"));
    assertEquals("1 row", HtmlTable.caption(1, 1));
    assertEquals("0 rows", HtmlTable.caption(0, 0));
  }

  @Test
  void numbersAlignRightNullsAreMarkedAndTextIsEscaped() {
    String html = HtmlTable.render(List.of("name<x>", "n"), List.of(false, true),
        List.of(Arrays.asList("<script>alert('x')</script> & co", null)), 1, 10);
    assertFalse(html.contains("<script>"));
    assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"));
    assertTrue(html.contains("<th>name&lt;x&gt;</th>"));
    assertTrue(html.contains("<td style=\"text-align:right\"><i>NULL</i></td>"));
  }

  @Test
  void aZeroLimitDrawsNoRowsButStillCounts() {
    String html = HtmlTable.render(List.of("a", "b"), List.of(false, true), rows(4), 4, 0);
    assertEquals(0, count(html, "<tr><td"));
    assertTrue(html.contains("4 rows, showing the first 0"));
  }
}
