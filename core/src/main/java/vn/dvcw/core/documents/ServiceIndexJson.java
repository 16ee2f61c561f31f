package vn.dvcw.core.documents;

import static vn.dvcw.core.documents.ServiceIndexParser.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.dvcw.core.documents.ServiceIndexParser.Snapshot;

/** The portal's JSON response: a bare array of rows, or {"captured_at", "params": {...}, "data": [...]}. */
final class ServiceIndexJson {
  private final SourceDocument source;

  ServiceIndexJson(SourceDocument source) {
    this.source = source;
  }

  ParsedDocument parse() {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(source.text());
    } catch (java.io.IOException | RuntimeException e) {
      ParsedDocument doc = new ParsedDocument(source, identity(null, 0));
      doc.add(new Problem(null, null, null, "766 JSON not readable: " + e.getMessage()));
      return doc;
    }
    JsonNode data = root.isArray() ? root : root.path("data");
    Snapshot snapshot = null;
    if (root.hasNonNull("captured_at")) {
      snapshot = capturedAt(root.get("captured_at").asText());
    }
    if (snapshot == null) {
      snapshot = snapshotFromName(source.fileName());
    }
    ParsedDocument doc = new ParsedDocument(source, identity(snapshot, data.size()));
    if (snapshot == null) {
      doc.add(new Problem(null, null, null, "766 export without a snapshot time: no captured_at in the envelope "
          + "and no date and time in the file name (name it like 766_20251016-1152.json)"));
      return doc;
    }
    if (!data.isArray()) {
      doc.add(new Problem(null, null, null, "766 JSON without rows: expected an array, or \"data\": [...]"));
      return doc;
    }
    StringBuilder why = new StringBuilder();
    ServiceIndexPeriod period = root.has("params") ? fromParams(root.get("params"), why)
        : fromFileName(source.fileName(), why);
    ServiceIndexUnits rows = new ServiceIndexUnits(doc, snapshot);
    int rowNo = 0;
    for (JsonNode item : data) {
      rowNo++;
      Map<String, String> cells = new HashMap<>();
      item.fields().forEachRemaining(e -> cells.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
      rows.add(DATA_TABLE, rowNo, rowNo, item.toString(), cells, period, why.isEmpty() ? null : why.toString());
    }
    rows.checkRanks(DATA_TABLE);
    doc.scores().addAll(rows.scores);
    return doc;
  }

  private static Snapshot capturedAt(String text) {
    try {
      return new Snapshot(Instant.parse(text), "api_envelope");
    } catch (DateTimeParseException notInstant) {
      try {
        return new Snapshot(LocalDateTime.parse(text).atZone(VIETNAM).toInstant(), "api_envelope");
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }

  /** The request's period: p_thang (month), p_quy (quarter), else the year p_nam. */
  private static ServiceIndexPeriod fromParams(JsonNode params, StringBuilder why) {
    int year = params.path("p_nam").asInt(0);
    int month = params.path("p_thang").asInt(0);
    int quarter = params.path("p_quy").asInt(0);
    int half = params.path("p_6thang").asInt(0);
    try {
      if (half != 0) {
        why.append("the request asked for a half year (p_6thang=").append(half)
            .append("): the index table holds years, quarters and months");
        return null;
      }
      return month > 0 ? new ServiceIndexPeriod(ServiceIndexPeriod.MONTH, year, month)
          : quarter > 0 ? new ServiceIndexPeriod(ServiceIndexPeriod.QUARTER, year, quarter)
          : new ServiceIndexPeriod(ServiceIndexPeriod.YEAR, year, null);
    } catch (IllegalArgumentException bad) {
      why.append("the envelope's params do not give a period: ").append(bad.getMessage());
      return null;
    }
  }

  /** A bare response's period from its file name alone: T10_2025 a month, Q3_2025 a quarter, nam_2025 a year. */
  private static ServiceIndexPeriod fromFileName(String name, StringBuilder why) {
    for (String kind : List.of(ServiceIndexPeriod.MONTH, ServiceIndexPeriod.QUARTER, ServiceIndexPeriod.YEAR)) {
      StringBuilder ignored = new StringBuilder();
      ServiceIndexPeriod p = periodOf(kind.equals("month") ? "thang" : kind.equals("quarter") ? "quy" : "nam",
          name, ignored);
      if (p != null && (!kind.equals(ServiceIndexPeriod.YEAR) || NAME_YEAR.matcher(name).find())) {
        return p;
      }
    }
    why.append("the response does not say its period and the file name does not either (name it like "
        + "766_T10_2025_20251016-1152.json, or save the request's params in the envelope)");
    return null;
  }
}
