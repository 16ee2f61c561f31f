package vn.dvcw.storage.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The models are found when another jar's models/ folder comes first on the class path. */
@Tag("fast")
class ModelFilesTest {
  /**
   * With S3 on a cluster, the AWS SDK bundle (which has a models/ folder of JSON service models) is in Spark's
   * jars, ahead of the application jar: the warehouse's models must still be the ones read.
   */
  @Test
  void anotherJarsModelsFolderFirstOnTheClassPathIsPassedOver() throws IOException {
    Path decoy = Files.createTempDirectory("dvcw-decoy");
    Files.createDirectories(decoy.resolve("models"));
    Files.writeString(decoy.resolve("models").resolve("s3-2006-03-01-model.json"), "{}");
    ClassLoader original = Thread.currentThread().getContextClassLoader();
    ClassLoader decoyFirst = new ClassLoader(original) {
      @Override
      public URL getResource(String name) {
        return name.equals("models") ? url(decoy.resolve("models")) : super.getResource(name);
      }

      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>();
        if (name.equals("models")) {
          all.add(url(decoy.resolve("models")));
        }
        all.addAll(Collections.list(super.getResources(name)));
        return Collections.enumeration(all);
      }
    };
    Thread.currentThread().setContextClassLoader(decoyFirst);
    try {
      assertTrue(ModelFiles.read(".sql").containsKey("analytics/online_rate.sql"), "the warehouse's models");
    } finally {
      Thread.currentThread().setContextClassLoader(original);
    }
  }

  private static URL url(Path p) {
    try {
      return p.toUri().toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
