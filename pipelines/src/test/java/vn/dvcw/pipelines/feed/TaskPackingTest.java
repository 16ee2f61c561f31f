package vn.dvcw.pipelines.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.dvcw.core.feed.FeedFile;

@Tag("fast")
class TaskPackingTest {
  private static FeedFile file(String name, long size) {
    return new FeedFile(name, "/feed/" + name, size, new Timestamp(0));
  }

  @Test
  void manySmallFilesShareAFewTasksEachFileOnce() {
    List<FeedFile> files = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      files.add(file(String.format("f%04d", i), 1_000 + i));
    }
    List<List<FeedFile>> tasks = TaskPacking.pack(files, 2, 64L << 20);
    assertEquals(2, tasks.size(), "at least one task per core, no more while the input is small");
    List<FeedFile> all = tasks.stream().flatMap(List::stream).sorted(Comparator.comparing(FeedFile::path)).toList();
    assertEquals(files, all);
    long a = tasks.get(0).stream().mapToLong(FeedFile::size).sum();
    long b = tasks.get(1).stream().mapToLong(FeedFile::size).sum();
    assertTrue(Math.abs(a - b) <= 2_000, "balanced: " + a + " vs " + b);
    for (List<FeedFile> t : tasks) {
      assertEquals(t.stream().sorted(Comparator.comparing(FeedFile::path)).toList(), t, "path order in a task");
    }
  }

  @Test
  void largeInputGetsATaskPerTargetShareAndNeverMoreTasksThanFiles() {
    List<FeedFile> files = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      files.add(file("big" + i, 100L << 20));
    }
    assertEquals(10, TaskPacking.pack(files, 2, 64L << 20).size(), "a file is never split");
    assertEquals(1, TaskPacking.pack(files.subList(0, 1), 8, 64L << 20).size());
    assertEquals(List.of(), TaskPacking.pack(List.of(), 2, 64L << 20));
    List<FeedFile> medium = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      medium.add(file("m" + i, 10L << 20));
    }
    assertEquals(7, TaskPacking.pack(medium, 2, 64L << 20).size(), "400 MiB in 64 MiB shares");
  }
}
