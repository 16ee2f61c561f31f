package vn.dvcw.tools.generate;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Message keys waiting for their arrival day. Keys are 8 bytes (a JSON line is ~1 KB), and when more
 * than {@code budget} keys wait in memory the buckets of the farthest days are appended to spill files,
 * so memory stays bounded at any scale: one day's keys plus the budget.
 */
final class ArrivalSchedule implements AutoCloseable {
  private final long firstDay;
  private final LongList[] days;
  private final boolean[] spilled;
  private final long budget;
  private final Path spillDir;
  private long inMemory;
  private long spilledKeys;

  ArrivalSchedule(long firstDay, int dayCount, long budget, Path spillDir) {
    this.firstDay = firstDay;
    this.days = new LongList[dayCount];
    this.spilled = new boolean[dayCount];
    this.budget = budget;
    this.spillDir = spillDir;
  }

  void add(long day, long key) {
    int i = (int) (day - firstDay);
    LongList l = days[i];
    if (l == null) {
      l = new LongList(64);
      days[i] = l;
    }
    l.add(key);
    inMemory++;
  }

  /** Spills far buckets (after {@code today}) while more than the budget is held. */
  void limit(long today) {
    if (inMemory <= budget) {
      return;
    }
    int todayIndex = (int) (today - firstDay);
    for (int i = days.length - 1; i > todayIndex && inMemory > budget / 2; i--) {
      if (days[i] != null && days[i].size() > 0) {
        spill(i);
      }
    }
  }

  private void spill(int i) {
    try {
      Files.createDirectories(spillDir);
      try (OutputStream os = Files.newOutputStream(file(i), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
           DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16))) {
        LongList l = days[i];
        for (int k = 0; k < l.size(); k++) {
          out.writeLong(l.get(k));
        }
        inMemory -= l.size();
        spilledKeys += l.size();
        days[i] = null;
        spilled[i] = true;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes and returns the keys of {@code day}, sorted into arrival order. */
  long[] take(long day) {
    int i = (int) (day - firstDay);
    LongList l = days[i] == null ? new LongList(16) : days[i];
    days[i] = null;
    inMemory -= l.size();
    if (spilled[i]) {
      try (InputStream is = Files.newInputStream(file(i));
           DataInputStream in = new DataInputStream(new BufferedInputStream(is, 1 << 16))) {
        long n = Files.size(file(i)) / 8;
        for (long k = 0; k < n; k++) {
          l.add(in.readLong());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try {
        Files.delete(file(i));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      spilled[i] = false;
    }
    long[] keys = l.toArray();
    Arrays.parallelSort(keys);
    return keys;
  }

  long spilledKeys() {
    return spilledKeys;
  }

  private Path file(int i) {
    return spillDir.resolve("day-" + i + ".keys");
  }

  @Override
  public void close() throws IOException {
    if (Files.isDirectory(spillDir)) {
      try (var files = Files.list(spillDir)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(spillDir);
    }
  }
}
