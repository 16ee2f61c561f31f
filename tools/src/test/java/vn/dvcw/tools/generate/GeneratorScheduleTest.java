package vn.dvcw.tools.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Message keys sort into arrival order and survive spilling to disk unchanged. */
@Tag("fast")
class GeneratorScheduleTest {
  @TempDir Path tmp;

  @Test
  void keysRoundTripAndSortByArrival() {
    long a = ArrivalKey.pack(86_399, 3, 16_383, 99_999, MessageKind.EVT_RETURNED, Injection.EVENTS_BEFORE_CREATE);
    assertEquals(86_399, ArrivalKey.second(a));
    assertEquals(3, ArrivalKey.lag(a));
    assertEquals(16_383, ArrivalKey.unit(a));
    assertEquals(99_999, ArrivalKey.seq(a));
    assertEquals(MessageKind.EVT_RETURNED, ArrivalKey.kind(a));
    assertEquals(Injection.EVENTS_BEFORE_CREATE, ArrivalKey.variant(a));
    long early = ArrivalKey.pack(100, 200, 5, 7, MessageKind.FINAL, 0);
    long late = ArrivalKey.pack(70_000, 0, 0, 1, MessageKind.SUBMITTED, 0);
    long[] keys = {a, late, early};
    Arrays.sort(keys);
    assertArrayEquals(new long[] {early, late, a}, keys);
  }

  @Test
  void spilledBucketsComeBackComplete() throws IOException {
    Path spill = tmp.resolve("spill");
    ArrivalSchedule s = new ArrivalSchedule(1000, 50, 100, spill);
    SplittableRandom r = new SplittableRandom(1);
    long[][] expected = new long[50][];
    for (int day = 0; day < 50; day++) {
      int n = 20 + r.nextInt(30);
      expected[day] = new long[n];
      for (int i = 0; i < n; i++) {
        expected[day][i] = ArrivalKey.pack(r.nextInt(86_400), day, r.nextInt(100), i + 1, 1, 0);
      }
    }
    for (int day = 0; day < 50; day++) {
      for (long k : expected[day]) {
        s.add(1000 + day, k);
      }
    }
    s.limit(1000);
    assertTrue(s.spilledKeys() > 0);
    for (int day = 0; day < 50; day++) {
      long[] want = expected[day].clone();
      Arrays.sort(want);
      assertArrayEquals(want, s.take(1000 + day), "day " + day);
    }
    s.close();
    assertFalse(Files.exists(spill));
  }

  @Test
  void aTinyMemoryBudgetWritesTheSameBytes() throws IOException {
    GenerateOptions a = new GenerateOptions(LocalDate.of(2025, 6, 28), LocalDate.of(2025, 7, 3), 0.001, 9,
        tmp.resolve("a"), false, 2);
    GenerateOptions b = new GenerateOptions(LocalDate.of(2025, 6, 28), LocalDate.of(2025, 7, 3), 0.001, 9,
        tmp.resolve("b"), false, 2);
    new FeedGenerator(a, line -> { }).run();
    new FeedGenerator(b, line -> { }).keyBudget(50).run();
    List<Path> files;
    try (Stream<Path> s = Files.walk(a.out())) {
      files = s.filter(Files::isRegularFile).map(a.out()::relativize).sorted().toList();
    }
    for (Path f : files) {
      assertArrayEquals(Files.readAllBytes(a.out().resolve(f)), Files.readAllBytes(b.out().resolve(f)), f.toString());
    }
    assertFalse(Files.exists(b.out().resolve(".spill")));
  }
}
