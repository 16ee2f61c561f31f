package vn.dvcw.storage.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every view file is documented the same way and named after its view, and models/README.md lists every view. */
@Tag("fast")
class ViewFilesTest {
  private final Map<String, String> files = ViewLoader.fromClasspath().files();

  @Test
  void eachFileDefinesTheViewItIsNamedAfterWithAHeader() {
    assertTrue(files.size() >= 14, files.keySet().toString());
    files.forEach((file, sql) -> {
      String view = ModelFiles.modelName(file);
      assertEquals(view, ViewLoader.viewName(sql), file);
      assertTrue(sql.startsWith("-- " + view + ": "), file + " must start with '-- " + view + ": <description>'");
      assertTrue(sql.contains("Grain:") || sql.contains("Grain "), file + " must state its grain");
      assertTrue(sql.contains("Columns:") || sql.contains("KPIs"), file + " must document its columns");
      assertTrue(sql.contains("Sources:") || sql.contains("Source"), file + " must name its sources");
    });
  }

  @Test
  void descriptionsComeFromTheHeader() {
    Map<String, String> d = ViewLoader.fromClasspath().descriptions();
    assertTrue(d.get("analytics.online_rate").startsWith("Online submission rate"), d.toString());
  }

  @Test
  void readmeListsEveryView() throws IOException {
    String readme = Files.readString(Path.of("..", "models", "README.md"));
    for (String file : files.keySet()) {
      String view = ModelFiles.modelName(file);
      assertTrue(readme.contains("`" + view + "`"), "models/README.md does not list " + view);
    }
  }

  @Test
  void onlyViewStatementsAreViewFiles() {
    assertTrue(files.containsKey("analytics/online_rate.sql"), files.keySet().toString());
    assertTrue(files.keySet().stream().noneMatch(f -> f.startsWith("gold/")), "gold models are SELECTs the refresh runs");
    assertTrue(ViewLoader.isViewFile("-- x.y: a view\n--\n\nCREATE OR REPLACE VIEW x.y AS SELECT 1"));
    assertTrue(!ViewLoader.isViewFile("-- mentions CREATE OR REPLACE VIEW x.y in a comment\nSELECT 1"));
  }

  @Test
  void viewsAreCreatedAfterTheViewsTheyRead() {
    ViewLoader loader = new ViewLoader(new java.util.LinkedHashMap<>(Map.of(
        "a/first.sql", "-- a.first: reads b.second, but c.third only in this comment\n"
            + "CREATE OR REPLACE VIEW a.first AS SELECT * FROM b.second JOIN silver.some_table",
        "b/second.sql", "CREATE OR REPLACE VIEW b.second AS SELECT * FROM c.third",
        "c/third.sql", "CREATE OR REPLACE VIEW c.third AS SELECT 1",
        "d/loop.sql", "CREATE OR REPLACE VIEW d.loop AS SELECT * FROM d.loop2",
        "d/loop2.sql", "CREATE OR REPLACE VIEW d.loop2 AS SELECT * FROM d.loop")));
    java.util.List<String> order = java.util.List.copyOf(loader.inDependencyOrder().keySet());
    assertTrue(order.indexOf("c/third.sql") < order.indexOf("b/second.sql"), order.toString());
    assertTrue(order.indexOf("b/second.sql") < order.indexOf("a/first.sql"), order.toString());
    assertEquals(5, order.size(), "a cycle loses no file: " + order);

    // The repository's views: each after every view it reads.
    Map<String, String> real = ViewLoader.fromClasspath().inDependencyOrder();
    java.util.List<String> views = real.values().stream().map(ViewLoader::viewName).toList();
    real.forEach((file, sql) -> {
      String body = sql.replaceAll("--[^\n]*", "");
      for (String other : views) {
        if (!other.equals(ViewLoader.viewName(sql)) && (body.contains(other + " ") || body.contains(other + "\n"))) {
          assertTrue(views.indexOf(other) <= views.indexOf(ViewLoader.viewName(sql)), file + " reads " + other);
        }
      }
    });
  }

  @Test
  void trailingSemicolonsAreTolerated() {
    assertEquals("SELECT 1", ViewLoader.stripTrailingSemicolon(" SELECT 1 ;; \n"));
  }
}
