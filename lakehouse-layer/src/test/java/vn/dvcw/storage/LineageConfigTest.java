package vn.dvcw.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The dvcw.lineage settings and what they turn into; the listener itself runs in pipelines' LineageTest. */
@Tag("fast")
class LineageConfigTest {

  @Test
  void offByDefaultAndThenNoSparkSettingAtAll() {
    LineageConfig off = LineageConfig.of(Map.of());
    assertFalse(off.enabled());
    assertEquals(Map.of(), off.sparkConf("com.example.SomeListener"));
  }

  @Test
  void aTransportWithoutItsDestinationOrAnUnknownOneIsRefusedWithWhatToSet() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> LineageConfig.of(Map.of("dvcw.lineage", "file")))
        .getMessage().contains("dvcw.lineage.file"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> LineageConfig.of(Map.of("dvcw.lineage", "http")))
        .getMessage().contains("DVCW_LINEAGE_URL"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> LineageConfig.of(Map.of("dvcw.lineage", "kafka")))
        .getMessage().contains("off, file, http or console"));
  }

  @Test
  void httpPointsAtMarquezsLineageEndpoint() {
    LineageConfig http = LineageConfig.of(Map.of("dvcw.lineage", "http", "dvcw.lineage.url", "http://marquez:5000/"));
    assertEquals("http://marquez:5000/api/v1/lineage", http.httpTarget());
    assertEquals("dvcw", http.namespace());
  }

  @Test
  void whenOnWithoutTheListenerJarItSaysWhatToAdd() {
    // lakehouse-layer's tests do not have the listener on their class path (pipelines' LineageTest does).
    LineageConfig file = LineageConfig.of(Map.of("dvcw.lineage", "file", "dvcw.lineage.file", "/tmp/ol.jsonl"));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> file.sparkConf(""));
    assertTrue(e.getMessage().contains("io.openlineage:openlineage-spark_2.12:" + LineageConfig.OPENLINEAGE_VERSION),
        e.getMessage());
  }
}
