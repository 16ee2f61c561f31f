package vn.dvcw.core.geo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The real reference files, copied into memory so tests can alter them. */
final class ReferenceFixture {

  private final Map<String, String> files = new HashMap<>();

  ReferenceFixture() {
    for (String name : new String[] {"province_former.csv", "province_current.csv",
        "province_lineage.csv", "province_status.csv", "province_alias.csv"}) {
      try (InputStream in = getClass().getResourceAsStream("/reference/" + name)) {
        if (in != null) {
          files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  ReferenceFixture edit(String file, UnaryOperator<String> change) {
    files.put(file, change.apply(files.getOrDefault(file, "")));
    return this;
  }

  ReferenceFixture put(String file, String content) {
    files.put(file, content);
    return this;
  }

  ReferenceFixture remove(String file) {
    files.remove(file);
    return this;
  }

  ProvinceDirectory load() {
    return ProvinceDirectory.load(name -> {
      String text = files.get(name);
      return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    });
  }
}
