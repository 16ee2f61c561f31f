package vn.dvcw.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Spark installation laid out from the Maven dependencies, as a SPARK_HOME: {@code jars/} holds Spark, Delta,
 * hadoop-aws and the AWS SDK (links to the local Maven repository, listed by the pom's build-classpath), and
 * {@code conf/log4j2.properties} keeps the logs at WARN. A Worker starts its executors from {@code jars/}, as it
 * would from a downloaded Spark.
 */
final class SparkInstallation {
  private final Path home;

  private SparkInstallation(Path home) {
    this.home = home;
  }

  /** Lays out (again) {@code target/spark-home} from {@code target/spark-installation.classpath}. */
  static SparkInstallation layOut() {
    Path listing = Checkout.target().resolve("spark-installation.classpath");
    Path home = Checkout.target().resolve("spark-home");
    try {
      if (!Files.isRegularFile(listing)) {
        throw new IllegalStateException(listing + " is missing: run through Maven's pre-integration-test phase");
      }
      Path jars = home.resolve("jars");
      Files.createDirectories(jars);
      try (var old = Files.list(jars)) {
        for (Path p : old.toList()) {
          Files.delete(p);
        }
      }
      for (String entry : Files.readString(listing, StandardCharsets.UTF_8).strip().split(java.io.File.pathSeparator)) {
        Path jar = Path.of(entry);
        Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar);
      }
      // Spark's launcher (which a Worker uses to build each executor's command) takes a folder with a RELEASE
      // file for a distribution and reads its jars/ folder; without one it looks for a source build's folders.
      Files.writeString(home.resolve("RELEASE"), "Spark 3.5.9 laid out by dvcw cluster-tests from Maven\n");
      Path conf = home.resolve("conf");
      Files.createDirectories(conf);
      Files.writeString(conf.resolve("log4j2.properties"), String.join("\n",
          "rootLogger.level = warn",
          "rootLogger.appenderRef.stderr.ref = console",
          "appender.console.type = Console",
          "appender.console.name = console",
          "appender.console.target = SYSTEM_ERR",
          "appender.console.layout.type = PatternLayout",
          "appender.console.layout.pattern = %d{HH:mm:ss.SSS} %p %c{1}: %m%n%ex",
          // The Master and Workers say when they start, register and launch executors: keep those lines.
          "logger.deploy.name = org.apache.spark.deploy",
          "logger.deploy.level = info",
          ""), StandardCharsets.UTF_8);
      return new SparkInstallation(home);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lay out " + home, e);
    }
  }

  Path home() {
    return home;
  }

  /** The environment of Spark's own processes: where Spark is, and its Scala (which the launcher checks). */
  ChildJvm.Spec environment(ChildJvm.Spec spec) {
    return spec.env("SPARK_HOME", home.toString()).env("SPARK_SCALA_VERSION", "2.12");
  }

  /** The class path of Spark's own processes: the conf folder, then every jar. */
  List<String> classpath() {
    return List.of(home.resolve("conf").toString(), home.resolve("jars") + "/*");
  }

  /** Spark's class path plus the application jar and the tools: what dvcw runs on in local mode. */
  List<String> classpathWithApplication() {
    List<String> cp = new ArrayList<>(classpath());
    cp.add(Checkout.applicationJar().toString());
    cp.add(Checkout.toolsClasses().toString());
    cp.add(Checkout.target().resolve("test-classes").toString());
    return cp;
  }
}
