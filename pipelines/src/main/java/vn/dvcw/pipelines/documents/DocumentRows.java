package vn.dvcw.pipelines.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.dvcw.core.documents.CommuneObstacle;
import vn.dvcw.core.documents.KpiTarget;
import vn.dvcw.core.documents.Observation;
import vn.dvcw.core.documents.ParsedDocument;
import vn.dvcw.core.documents.Problem;
import vn.dvcw.core.documents.RawRow;
import vn.dvcw.core.documents.SteeringTask;
import vn.dvcw.core.geo.Era;
import vn.dvcw.core.geo.ProvinceResolver;
import vn.dvcw.core.geo.Resolution;
import vn.dvcw.pipelines.QuarantineEntry;

/**
 * Turns parsed documents into the rows of the silver tables, resolving every province name at the
 * document's data date. A name the resolver cannot place sends its row to quarantine with the
 * resolver's reason; nothing is guessed.
 */
final class DocumentRows {
  /** A row of bronze.document_row: a table row of a document, cells as written. */
  record TableRow(String docId, String tableId, String tableTitle, int rowNo, int lineNo, String rowKind,
      String rawText, String[] cells) {}

  /** A row of silver.report_observation: one printed number, typed, its province resolved at the data date. */
  record ObservationRow(String docId, String documentKey, String documentNumber, String kind, String tableId,
      int rowNo, int lineNo, String rawLine, String provinceRaw, String provinceKey, String provinceCode,
      String provinceName, String geography, String level, LocalDate periodStart, LocalDate periodEnd,
      String measure, BigDecimal value, String rawValue, String unit, String label, boolean isTotal,
      String resolutionNote) {}

  /** A row of silver.steering_task. */
  record SteeringTaskRow(String docId, String tableId, int rowNo, int lineNo, String rawLine, String list,
      String groupCode, String groupName, String seq, String task, String units, LocalDate deadline,
      String deadlineRaw, String nature, Integer taskCount, boolean continued, LocalDate asOfDate) {}

  /** A row of silver.commune_obstacle. */
  record CommuneObstacleRow(String docId, String tableId, int rowNo, int lineNo, String rawLine, String provinceRaw,
      String provinceKey, String provinceCode, String provinceName, String geography, Integer rank, String obstacle,
      Long communesAffected, Long communesTotal, BigDecimal publishedPct, LocalDate asOfDate) {}

  /** A row of ref.kpi_target: a threshold a directive sets, with its legal reference. */
  record KpiTargetRow(String kpi, String comparator, BigDecimal threshold, BigDecimal thresholdPct,
      String evaluationPeriod, String legalReference, String note, String sourceDocId, String sourceDocument,
      Integer lineNo, String rawText) {}

  final List<TableRow> documentRows = new ArrayList<>();
  final List<ObservationRow> observations = new ArrayList<>();
  final List<SteeringTaskRow> tasks = new ArrayList<>();
  final List<CommuneObstacleRow> obstacles = new ArrayList<>();
  final List<KpiTargetRow> kpiTargets = new ArrayList<>();
  final List<QuarantineEntry> quarantine = new ArrayList<>();

  private final ProvinceResolver resolver;
  private final Map<String, Resolution> cache = new HashMap<>();

  DocumentRows(ProvinceResolver resolver) {
    this.resolver = resolver;
  }

  /** Adds one document (any version: silver keeps superseded versions queryable). */
  void add(ParsedDocument d, boolean current) {
    String docId = d.docId();
    String key = d.identity().documentKey(docId);
    LocalDate dataDate = d.identity().dataDate();
    for (RawRow r : d.rows()) {
      documentRows.add(new TableRow(docId, r.tableId(), r.tableTitle(), r.rowNo(), r.lineNo(), r.kind().name(),
          r.rawText(), r.cells().toArray(String[]::new)));
    }
    for (Problem p : d.problems()) {
      quarantine.add(QuarantineEntry.of("document", d.source().path(), docId, p.tableId(), p.lineNo(), p.rawText(),
          p.reason()));
    }
    String geography = dataDate == null ? null : Era.of(dataDate).sqlName();
    for (Observation o : d.observations()) {
      Resolution res = o.total() ? null : resolve(o.provinceRaw(), dataDate);
      if (res != null && !res.resolved()) {
        quarantine.add(QuarantineEntry.of("province", d.source().path(), docId, o.tableId(), o.lineNo(), o.rawLine(),
            "province not resolved at " + dataDate + ": " + res.reason()));
        continue;
      }
      observations.add(new ObservationRow(docId, key, d.identity().number(), d.identity().kind().sqlName(),
          o.tableId(), o.rowNo(), o.lineNo(), o.rawLine(), o.provinceRaw(),
          res == null ? null : res.provinceKey(), res == null ? null : res.code(),
          res == null ? null : res.province().name(), geography, o.level(), o.periodStart(), o.periodEnd(),
          o.measure(), o.value(), o.rawValue(), o.unit(), o.label(), o.total(), res == null ? null : res.reason()));
    }
    for (SteeringTask t : d.tasks()) {
      tasks.add(new SteeringTaskRow(docId, t.tableId(), t.rowNo(), t.lineNo(), t.rawLine(), t.list(), t.groupCode(),
          t.groupName(), t.seq(), t.task(), t.units(), t.deadline(), t.deadlineRaw(), t.nature(), t.taskCount(),
          t.continued(), dataDate));
    }
    for (CommuneObstacle o : d.obstacles()) {
      Resolution res = resolve(o.provinceRaw(), dataDate);
      if (!res.resolved()) {
        quarantine.add(QuarantineEntry.of("province", d.source().path(), docId, o.tableId(), o.lineNo(), o.rawLine(),
            "province not resolved at " + dataDate + ": " + res.reason()));
        continue;
      }
      obstacles.add(new CommuneObstacleRow(docId, o.tableId(), o.rowNo(), o.lineNo(), o.rawLine(), o.provinceRaw(),
          res.provinceKey(), res.code(), res.province().name(), geography, o.rank(), o.obstacle(),
          o.communesAffected(), o.communesTotal(), o.publishedPct(), dataDate));
    }
    if (current) {
      for (KpiTarget k : d.kpiTargets()) {
        String source = d.identity().number() != null ? d.identity().number() : d.source().fileName();
        kpiTargets.add(new KpiTargetRow(k.kpi(), k.comparator(),
            k.thresholdPct().movePointLeft(2), k.thresholdPct(), k.evaluationPeriod(), k.legalReference(), k.note(),
            docId, source, k.lineNo(), k.rawText()));
      }
    }
  }

  private Resolution resolve(String raw, LocalDate date) {
    if (date == null) {
      return new Resolution(null, raw, null, "the document states no data date");
    }
    return cache.computeIfAbsent(raw + "|" + date, k -> resolver.resolve(raw, date));
  }

}
