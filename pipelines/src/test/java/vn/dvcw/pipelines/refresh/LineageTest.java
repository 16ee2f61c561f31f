package vn.dvcw.pipelines.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.SparkConf;
import org.apache.spark.scheduler.SparkListenerInterface;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dvcw.pipelines.SparkTestBase;
import vn.dvcw.storage.LineageConfig;

/**
 * OpenLineage on: a refresh of one document into a new lakehouse, with the listener built from the dvcw.lineage
 * settings and the file transport, leaves events that name the document read and the Delta tables written.
 */
class LineageTest extends SparkTestBase {
  private static final String DOCUMENT = "004_5a08e6ac01d9f05f.txt"; // 5085/VPCP-KSTT: the smallest table

  @Test
  void aRefreshWithLineageOnNamesTheDocumentItReadAndTheDeltaTablesItWrote(@TempDir Path dir) throws Exception {
    Path events = dir.resolve("openlineage.jsonl");
    Map<String, String> settings = Map.of("dvcw.lineage", "file", "dvcw.lineage.file", events.toString());
    Map<String, String> conf = LineageConfig.of(settings).sparkConf("");
    assertEquals(LineageConfig.LISTENER, conf.get("spark.extraListeners"));
    Class<?> listenerClass = Class.forName(LineageConfig.LISTENER);
    assertTrue(listenerClass.getProtectionDomain().getCodeSource().getLocation().toString()
        .contains(LineageConfig.OPENLINEAGE_VERSION), "pipelines/pom.xml and LineageConfig name one release");

    Path inputs = Files.createDirectories(dir.resolve("inputs"));
    Files.copy(seedInputs().resolve(DOCUMENT), inputs.resolve(DOCUMENT));
    Path lakehouse = freshLakehouse();
    // The shared session is running, so the listener Spark would create from spark.extraListeners is created here,
    // from the same settings; the refresh reads the same settings (system properties) for its own event.
    SparkConf sparkConf = new SparkConf(false);
    conf.forEach(sparkConf::set);
    SparkListenerInterface listener = (SparkListenerInterface) listenerClass.getConstructor(SparkConf.class)
        .newInstance(sparkConf);
    settings.forEach(System::setProperty);
    spark().sparkContext().addSparkListener(listener);
    RefreshResult result;
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      result = new RefreshJob(spark(), new PrintStream(out, true, StandardCharsets.UTF_8))
          .run(new RefreshOptions(inputs.toString()));
      spark().sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark().sparkContext().removeSparkListener(listener);
      settings.keySet().forEach(System::clearProperty);
    }
    assertNotEquals(RefreshResult.FAILED, result.exitCode());

    ObjectMapper json = new ObjectMapper();
    List<JsonNode> all = new ArrayList<>();
    for (String line : Files.readAllLines(events, StandardCharsets.UTF_8)) {
      all.add(json.readTree(line));
    }
    String root = lakehouse.toAbsolutePath().toString();
    // The Spark listener's events: the Delta tables each job wrote, and those it read.
    Set<String> sparkOutputs = names(all, "outputs", false);
    Set<String> sparkInputs = names(all, "inputs", false);
    assertTrue(sparkOutputs.contains(root + "/bronze/document"), sparkOutputs.toString());
    assertTrue(sparkOutputs.contains(root + "/gold/fact_service_integration"), sparkOutputs.toString());
    assertTrue(sparkInputs.contains(root + "/silver/report_observation"), sparkInputs.toString());
    // The refresh's own event: the document file it read, every table it maintains.
    List<JsonNode> refresh = all.stream().filter(e -> e.path("job").path("name").asText().equals(RefreshLineage.JOB))
        .toList();
    assertEquals(1, refresh.size(), "one event per refresh");
    assertEquals("COMPLETE", refresh.get(0).path("eventType").asText());
    assertEquals(result.runId(), refresh.get(0).path("run").path("facets").path("dvcw_refresh")
        .path("refreshRunId").asText());
    assertEquals(Set.of(inputs.resolve(DOCUMENT).toString()), names(refresh, "inputs", true));
    Set<String> refreshOutputs = names(refresh, "outputs", true);
    assertTrue(refreshOutputs.containsAll(Set.of(root + "/bronze/document", root + "/silver/report_observation",
        root + "/gold/fact_service_integration", root + "/ref/source_cadence")), refreshOutputs.toString());
  }

  /** The file-namespace dataset names under {@code field} of the events (the refresh's own, or the listener's). */
  private static Set<String> names(List<JsonNode> events, String field, boolean refreshEvents) {
    Set<String> out = new TreeSet<>();
    for (JsonNode e : events) {
      if (e.path("job").path("name").asText().equals(RefreshLineage.JOB) != refreshEvents) {
        continue;
      }
      for (JsonNode d : e.path(field)) {
        assertEquals("file", d.path("namespace").asText(), d.toString());
        out.add(d.path("name").asText());
      }
    }
    return out;
  }
}
