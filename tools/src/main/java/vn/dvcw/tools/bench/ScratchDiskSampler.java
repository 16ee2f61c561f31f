package vn.dvcw.tools.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.SparkEnv;

/**
 * Samples, every {@value #PERIOD_MILLIS} ms, the bytes in Spark's local scratch folders ({@code spark.local.dir}:
 * shuffle files, spills, blocks written to disk) of this JVM's session, and keeps the most seen: the disk a build
 * needs besides its inputs and its lakehouse. Files that vanish while being counted are skipped (shuffle files are
 * deleted as stages end).
 */
final class ScratchDiskSampler implements AutoCloseable {
  static final long PERIOD_MILLIS = 2_000;

  private final List<Path> folders;
  private final Thread thread;
  private volatile boolean running = true;
  private long peakBytes;

  /** Samples the local folders of the running session's block manager. */
  ScratchDiskSampler() {
    this(Arrays.stream(SparkEnv.get().blockManager().diskBlockManager().localDirs()).map(File::toPath).toList());
  }

  ScratchDiskSampler(List<Path> folders) {
    this.folders = folders;
    thread = new Thread(() -> {
      while (running) {
        sample();
        try {
          Thread.sleep(PERIOD_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "bench-scratch-disk-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void sample() {
    long bytes = folders.stream().mapToLong(ScratchDiskSampler::bytesUnder).sum();
    synchronized (this) {
      peakBytes = Math.max(peakBytes, bytes);
    }
  }

  /** The most bytes seen at once in the scratch folders. */
  synchronized long peakBytes() {
    return peakBytes;
  }

  String report() {
    sample();
    double free = folders.isEmpty() ? 0 : folders.get(0).toFile().getUsableSpace() / 1073741824.0;
    return String.format("spark.local.dir: peak %.2f GiB in %s; %.1f GiB free there now", peakBytes() / 1073741824.0,
        folders, free);
  }

  /** The bytes of the regular files under {@code folder}; 0 when it does not exist. */
  static long bytesUnder(Path folder) {
    long[] total = {0};
    try {
      Files.walkFileTree(folder, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          total[0] += attrs.isRegularFile() ? attrs.size() : 0;
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return total[0];
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
