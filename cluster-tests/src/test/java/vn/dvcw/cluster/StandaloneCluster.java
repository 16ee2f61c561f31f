package vn.dvcw.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on this machine: one Master and Workers started from the Spark jars as separate
 * JVMs ({@code org.apache.spark.deploy.master.Master}, {@code …worker.Worker}), each Worker with one core and
 * 1 GiB for executors, which it starts as JVMs of their own. {@link #close()} stops every process, executors
 * first.
 */
final class StandaloneCluster implements AutoCloseable {
  private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

  private final SparkInstallation spark;
  private final Path logs;
  private final ChildJvm master;
  private final int masterPort;
  private final int masterWebPort;
  private final List<ChildJvm> workers = new ArrayList<>();

  private StandaloneCluster(SparkInstallation spark, Path logs, ChildJvm master, int masterPort, int masterWebPort) {
    this.spark = spark;
    this.logs = logs;
    this.master = master;
    this.masterPort = masterPort;
    this.masterWebPort = masterWebPort;
  }

  /** Starts the Master and waits until it answers. */
  static StandaloneCluster start(SparkInstallation spark, Path logs) {
    int port = freePort();
    int webPort = freePort();
    ChildJvm master = ChildJvm.start(spark.environment(new ChildJvm.Spec("spark-master",
        "org.apache.spark.deploy.master.Master")).classpath(spark.classpath()).heap("256m")
        .log(logs.resolve("master.log"))
        .args("--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(webPort)));
    StandaloneCluster cluster = new StandaloneCluster(spark, logs, master, port, webPort);
    try {
      cluster.awaitWorkers(0);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** The master URL to submit to. */
  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** How many Workers were started. */
  int workers() {
    return workers.size();
  }

  /** Starts one more Worker (one core, 1 GiB for executors) and waits until the Master counts it. */
  void addWorker() {
    int n = workers.size() + 1;
    workers.add(ChildJvm.start(spark.environment(new ChildJvm.Spec("spark-worker-" + n,
        "org.apache.spark.deploy.worker.Worker")).classpath(spark.classpath()).heap("256m")
        .log(logs.resolve("worker-" + n + ".log"))
        .args("--host", "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port", String.valueOf(freePort()),
            "--work-dir", logs.resolve("work-" + n).toString(), masterUrl())));
    awaitWorkers(n);
  }

  /** Waits up to a minute for the Master's status page to show {@code n} alive workers. */
  private void awaitWorkers(int n) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterWebPort + "/json/"))
        .timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!master.isAlive()) {
        throw new IllegalStateException("the Spark master stopped:\n" + master.tail(30));
      }
      try {
        last = http.send(status, HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = ALIVE_WORKERS.matcher(last);
        if (m.find() && Integer.parseInt(m.group(1)) == n) {
          return;
        }
      } catch (IOException e) {
        last = e.toString(); // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      pause(250);
    }
    throw new IllegalStateException("the Spark master did not count " + n + " workers in 60 s; last status: " + last
        + "\nmaster log:\n" + master.tail(30));
  }

  @Override
  public void close() {
    for (int i = workers.size() - 1; i >= 0; i--) {
      workers.get(i).close();
    }
    master.close();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
