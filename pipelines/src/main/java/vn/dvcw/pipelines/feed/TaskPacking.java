package vn.dvcw.pipelines.feed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.dvcw.core.feed.FeedFile;

/**
 * How feed files are grouped into parse tasks: at least as many tasks as the cluster has cores (while there are
 * files), each holding about {@link #TARGET_BYTES} of compressed input at most, a file never split. Largest files
 * first, each into the lightest task, so the tasks end at about the same time.
 */
final class TaskPacking {
  /** A task's share of input, compressed: a few seconds of parsing, well within any executor's memory. */
  static final long TARGET_BYTES = 64L << 20;

  private TaskPacking() {}

  /** The files in groups, one per task; every file in exactly one group, in path order within a group. */
  static List<List<FeedFile>> pack(List<FeedFile> files, int cores, long targetBytes) {
    if (files.isEmpty()) {
      return List.of();
    }
    long total = files.stream().mapToLong(f -> Math.max(1, f.size())).sum();
    int bySize = (int) Math.min(files.size(), (total + targetBytes - 1) / targetBytes);
    int tasks = Math.min(files.size(), Math.max(Math.max(1, cores), bySize));
    List<List<FeedFile>> groups = new ArrayList<>();
    long[] load = new long[tasks];
    for (int i = 0; i < tasks; i++) {
      groups.add(new ArrayList<>());
    }
    List<FeedFile> bySizeDesc = files.stream()
        .sorted(Comparator.comparingLong(FeedFile::size).reversed().thenComparing(FeedFile::path)).toList();
    for (FeedFile f : bySizeDesc) {
      int lightest = 0;
      for (int i = 1; i < tasks; i++) {
        if (load[i] < load[lightest]) {
          lightest = i;
        }
      }
      groups.get(lightest).add(f);
      load[lightest] += Math.max(1, f.size());
    }
    groups.forEach(g -> g.sort(Comparator.comparing(FeedFile::path)));
    return groups;
  }
}
