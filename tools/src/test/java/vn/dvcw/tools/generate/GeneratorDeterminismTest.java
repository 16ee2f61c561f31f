package vn.dvcw.tools.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same arguments ⇒ the same bytes, whatever the number of threads; another seed ⇒ other bytes. */
// Writes whole generated feeds (tens of MB): not in the fast group, which must stay under a minute.
@Tag("generator")
class GeneratorDeterminismTest {
  @TempDir Path tmp;

  private Path run(String name, long seed, int threads) {
    Path out = tmp.resolve(name);
    FeedGenerator.generate(new GenerateOptions(LocalDate.of(2025, 6, 26), LocalDate.of(2025, 7, 4), 0.002, seed, out,
        false, threads));
    return out;
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
    }
  }

  @Test
  void sameArgumentsGiveIdenticalBytesWithOneOrTwoThreads() throws IOException {
    Path a = run("a", 42, 2);
    Path b = run("b", 42, 2);
    Path c = run("c", 42, 1);
    List<Path> names = files(a);
    assertEquals(names, files(b));
    assertEquals(names, files(c));
    assertTrue(names.size() > 10);
    for (Path f : names) {
      byte[] bytes = Files.readAllBytes(a.resolve(f));
      assertArrayEquals(bytes, Files.readAllBytes(b.resolve(f)), f.toString());
      assertArrayEquals(bytes, Files.readAllBytes(c.resolve(f)), f.toString());
    }
  }

  @Test
  void anotherSeedGivesOtherDossiersButTheSameUnits() throws IOException {
    Path a = run("a", 42, 2);
    Path b = run("b", 43, 2);
    Path f = Path.of("feed", "2025-07", "dvcqg-2025-07-02-dossiers.jsonl.gz");
    assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f))));
    assertFalse(Files.readString(a.resolve("truth/monthly.csv")).equals(Files.readString(b.resolve("truth/monthly.csv"))));
  }

  @Test
  void aNonEmptyFolderIsRefusedUnlessForced() throws IOException {
    Path out = run("a", 1, 2);
    Files.writeString(out.resolve("keep.txt"), "not the generator's");
    GenerateOptions again = new GenerateOptions(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 2), 0.001, 1, out,
        false, 2);
    assertThrows(IllegalArgumentException.class, () -> FeedGenerator.generate(again));
    FeedGenerator.generate(new GenerateOptions(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 2), 0.001, 1, out, true,
        2));
    assertTrue(Files.exists(out.resolve("keep.txt")));
    assertFalse(Files.exists(out.resolve("feed/2025-06")), "the previous run's files are gone");
    assertEquals(4, files(out.resolve("feed")).size());
  }
}
