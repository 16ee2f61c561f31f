package vn.dvcw.cluster;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the checkout the tests run from: the built application jar, the tools, the bundled inputs. */
final class Checkout {
  private Checkout() {}

  /** The checkout's root: {@code -Ddvcw.checkout} (set by the module's pom), else the module's parent folder. */
  static Path root() {
    String configured = System.getProperty("dvcw.checkout");
    return (configured != null ? Path.of(configured) : Path.of("..")).toAbsolutePath().normalize();
  }

  static Path path(String first, String... more) {
    return root().resolve(Path.of(first, more));
  }

  /** The application jar spark-submit runs (built by the app module's package phase). */
  static Path applicationJar() {
    return existing(path("app", "target", "dvcw-app.jar"));
  }

  /** The tools' classes, for 'dvcw generate' (never in the application jar). */
  static Path toolsClasses() {
    return existing(path("tools", "target", "classes"));
  }

  /**
   * The real inputs bundled with the repository, what {@code ./dvcw refresh} reads by default: the documents and
   * the service index exports (.xlsx, read through POI and commons-compress).
   */
  static Path bundledInputs() {
    return existing(path("inputs"));
  }

  /** This module's build folder. */
  static Path target() {
    return path("cluster-tests", "target");
  }

  private static Path existing(Path p) {
    if (!Files.exists(p)) {
      throw new IllegalStateException(p + " is missing: build the project first (mvn package)");
    }
    return p;
  }
}
