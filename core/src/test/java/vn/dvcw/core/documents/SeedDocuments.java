package vn.dvcw.core.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The bundled seed documents, parsed, for tests. */
final class SeedDocuments {
  private SeedDocuments() {}

  static Path folder() {
    return Path.of("..", "inputs", "documents").toAbsolutePath().normalize();
  }

  static ParsedDocument parse(String filePrefix) {
    try (var files = Files.list(folder())) {
      Path p = files.filter(f -> f.getFileName().toString().startsWith(filePrefix)).findFirst().orElseThrow();
      return DocumentReader.read(SourceDocument.of(p.toString(), Files.readAllBytes(p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SourceDocument.MalformedInputException e) {
      throw new IllegalStateException(e);
    }
  }

  static SourceDocument text(String name, String text) throws SourceDocument.MalformedInputException {
    return SourceDocument.of(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static String read(String filePrefix) {
    try (var files = Files.list(folder())) {
      Path p = files.filter(f -> f.getFileName().toString().startsWith(filePrefix)).findFirst().orElseThrow();
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The value of one observation, found by table, province as written (or null for the total row), level, measure. */
  static BigDecimal value(ParsedDocument d, String table, String province, String level, String measure) {
    List<Observation> hits = d.observations().stream()
        .filter(o -> o.tableId().equals(table) && o.measure().equals(measure))
        .filter(o -> province == null ? o.total() : province.equals(o.provinceRaw()))
        .filter(o -> level == null || level.equals(o.level()))
        .toList();
    if (hits.size() != 1) {
      throw new AssertionError(hits.size() + " observations for " + table + "/" + province + "/" + level + "/" + measure);
    }
    return hits.get(0).value();
  }

  static long count(ParsedDocument d, String table, String province, String level, String measure) {
    return value(d, table, province, level, measure).longValueExact();
  }

  static List<Finding> findings(ParsedDocument d, String table, String check) {
    return d.findings().stream().filter(f -> table.equals(f.tableId()) && f.check().equals(check)).toList();
  }
}
