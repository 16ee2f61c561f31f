package vn.dvcw.pipelines.refresh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.fs.Path;
import vn.dvcw.pipelines.documents.DocumentsJob;
import vn.dvcw.storage.LineageConfig;
import vn.dvcw.storage.catalog.WarehouseTables;

/**
 * The refresh's own OpenLineage run event, beside the Spark listener's: the listener sees only what Spark reads and
 * writes (the Delta tables), while the documents are read through Hadoop's file system by the documents job, so
 * only the refresh can name them. One COMPLETE event per refresh that ends (a failed one leaves the listener's events
 * of the jobs it ran), job {@code dvcw.refresh}: inputs are the
 * document files it read (and the feed folder), outputs the Delta tables it maintains; sent to the same place as
 * the listener's events ({@link LineageConfig}). Sending never fails a refresh: a failure is a warning.
 */
final class RefreshLineage {
  static final String JOB = "dvcw.refresh";
  static final String PRODUCER = "https://github.com/dvc-warehouse/dvc-warehouse/tree/main/pipelines";
  private static final String SCHEMA = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/definitions/RunEvent";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LineageConfig config;

  RefreshLineage(LineageConfig config) {
    this.config = config;
  }

  /**
   * Sends the event of refresh {@code runId} when lineage is on.
   *
   * @param docs what the documents job read: every document file of the current parse is an input
   * @param feed the dossier-feed folder read, or null
   * @param tables the tables the refresh wrote (schema-qualified), whose folders are the outputs
   * @return a warning when the event could not be sent
   */
  Optional<String> emit(String runId, int exitCode, DocumentsJob.Result docs, String feed, Collection<String> tables,
      String lakehouse) {
    if (!config.enabled()) {
      return Optional.empty();
    }
    List<String> inputs = new ArrayList<>();
    docs.parsed().values().forEach(d -> inputs.add(d.source().path()));
    if (feed != null) {
      inputs.add(feed);
    }
    List<String> outputs = tables.stream().map(WarehouseTables::find).flatMap(Optional::stream)
        .map(spec -> spec.path(lakehouse)).sorted().toList();
    String event = event(runId, exitCode, inputs, outputs, Instant.now());
    try {
      switch (config.transport()) {
        case FILE -> Files.writeString(java.nio.file.Path.of(config.file()), event + "\n", StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        case HTTP -> post(event);
        case CONSOLE -> System.out.println("openlineage: " + event);
        default -> { }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of("lineage event of run " + runId + " not sent (" + config.transport() + "): " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("lineage event of run " + runId + " not sent: interrupted");
    }
  }

  /** The event as one line of JSON (OpenLineage 2-0-2 RunEvent). */
  String event(String runId, int exitCode, Collection<String> inputs, Collection<String> outputs, Instant at) {
    ObjectNode e = JSON.createObjectNode();
    e.put("eventType", "COMPLETE");
    e.put("eventTime", at.toString());
    ObjectNode run = e.putObject("run");
    // OpenLineage run ids are UUIDs: the same refresh run id always gives the same one.
    run.put("runId", UUID.nameUUIDFromBytes(runId.getBytes(StandardCharsets.UTF_8)).toString());
    ObjectNode dvcw = run.putObject("facets").putObject("dvcw_refresh");
    dvcw.put("_producer", PRODUCER);
    dvcw.put("_schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/definitions/RunFacet");
    dvcw.put("refreshRunId", runId);
    dvcw.put("exitCode", exitCode);
    ObjectNode job = e.putObject("job");
    job.put("namespace", config.namespace());
    job.put("name", JOB);
    datasets(e.putArray("inputs"), inputs);
    datasets(e.putArray("outputs"), outputs);
    e.put("producer", PRODUCER);
    e.put("schemaURL", SCHEMA);
    return e.toString();
  }

  /** Datasets named as OpenLineage names files: namespace {@code file} (or scheme://authority), name the path. */
  private static void datasets(ArrayNode array, Collection<String> paths) {
    for (String p : paths) {
      URI uri = new Path(p).toUri();
      String namespace = uri.getScheme() == null || uri.getScheme().equals("file") ? "file"
          : uri.getScheme() + "://" + (uri.getAuthority() == null ? "" : uri.getAuthority());
      ObjectNode d = array.addObject();
      d.put("namespace", namespace);
      d.put("name", uri.getPath());
    }
  }

  private void post(String event) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(config.httpTarget())).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(event)).build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("HTTP " + response.statusCode() + " from " + config.httpTarget());
    }
  }
}
