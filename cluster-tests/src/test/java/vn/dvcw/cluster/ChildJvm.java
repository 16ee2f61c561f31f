package vn.dvcw.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Java process of the scale-out checks (a Spark Master or Worker, a driver, a dvcw command), started the way
 * Spark's own scripts start them: {@code java @conf/java17.args -Xmx… -cp … MAIN args}. Its output goes to a log
 * file, kept for the report when something fails. {@link #close()} ends it and every process it started
 * (a Worker's executors), so a failed check leaves no JVM behind.
 */
final class ChildJvm implements AutoCloseable {
  private final String name;
  private final Path log;
  private final Process process;
  private final long startedNanos = System.nanoTime();

  private ChildJvm(String name, Path log, Process process) {
    this.name = name;
    this.log = log;
    this.process = process;
  }

  /** Starts {@code mainClass} with {@code args}. */
  static ChildJvm start(Spec spec) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("@" + Checkout.path("conf", "java17.args"));
    cmd.add("-Xmx" + spec.heap);
    cmd.addAll(spec.jvmOptions);
    cmd.add("-cp");
    cmd.add(String.join(File.pathSeparator, spec.classpath));
    cmd.add(spec.mainClass);
    cmd.addAll(spec.args);
    try {
      Files.createDirectories(spec.log.getParent());
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.to(spec.log.toFile()));
      pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
      pb.environment().putAll(spec.env);
      return new ChildJvm(spec.name, spec.log, pb.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + spec.name, e);
    }
  }

  /**
   * Waits for the process to end.
   *
   * @return its exit code
   * @throws IllegalStateException when it runs longer than {@code limit} (it is then ended), naming its log
   */
  int awaitExit(Duration limit) {
    try {
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        close();
        throw new IllegalStateException(name + " ran longer than " + limit.toSeconds() + " s; its log: " + log
            + "\n" + tail(40));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while waiting for " + name, e);
    }
    return process.exitValue();
  }

  /** Seconds since the start. */
  double seconds() {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Everything it printed so far. */
  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Its last {@code lines} lines, for failure messages. */
  String tail(int lines) {
    List<String> all = output().lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  Path log() {
    return log;
  }

  /** Ends the process and its descendants (executors of a Worker, children of a driver), youngest first. */
  @Override
  public void close() {
    List<ProcessHandle> descendants = process.descendants().toList();
    for (int i = descendants.size() - 1; i >= 0; i--) {
      descendants.get(i).destroy();
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  /** What to start. */
  static final class Spec {
    private final String name;
    private final String mainClass;
    private final List<String> args = new ArrayList<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private List<String> classpath = List.of();
    private String heap = "1g";
    private Path log;

    Spec(String name, String mainClass) {
      this.name = name;
      this.mainClass = mainClass;
    }

    Spec classpath(List<String> entries) {
      this.classpath = List.copyOf(entries);
      return this;
    }

    Spec heap(String heap) {
      this.heap = heap;
      return this;
    }

    Spec jvmOption(String option) {
      jvmOptions.add(option);
      return this;
    }

    Spec env(String key, String value) {
      env.put(key, value);
      return this;
    }

    Spec args(String... more) {
      args.addAll(List.of(more));
      return this;
    }

    Spec args(List<String> more) {
      args.addAll(more);
      return this;
    }

    Spec log(Path log) {
      this.log = log;
      return this;
    }
  }
}
