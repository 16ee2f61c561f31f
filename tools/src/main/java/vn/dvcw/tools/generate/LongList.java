package vn.dvcw.tools.generate;

import java.util.Arrays;

/** A growable array of primitive longs (no boxing: the schedule holds millions of keys). */
final class LongList {
  private long[] values;
  private int size;

  LongList() {
    this(16);
  }

  LongList(int capacity) {
    values = new long[Math.max(4, capacity)];
  }

  void add(long v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    values[size++] = v;
  }

  void addAll(LongList other) {
    ensure(size + other.size);
    System.arraycopy(other.values, 0, values, size, other.size);
    size += other.size;
  }

  void addAll(long[] other, int from, int to) {
    ensure(size + to - from);
    System.arraycopy(other, from, values, size, to - from);
    size += to - from;
  }

  private void ensure(int capacity) {
    if (capacity > values.length) {
      values = Arrays.copyOf(values, Math.max(capacity, values.length * 2));
    }
  }

  long get(int i) {
    return values[i];
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  long[] toArray() {
    return Arrays.copyOf(values, size);
  }

  long[] raw() {
    return values;
  }
}
