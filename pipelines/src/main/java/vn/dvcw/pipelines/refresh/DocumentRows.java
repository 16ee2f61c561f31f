package vn.dvcw.pipelines.refresh;

import static vn.dvcw.pipelines.refresh.ReferenceTables.date;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import vn.dvcw.core.documents.CommuneObstacle;
import vn.dvcw.core.documents.Finding;
import vn.dvcw.core.documents.KpiTarget;
import vn.dvcw.core.documents.Observation;
import vn.dvcw.core.documents.ParsedDocument;
import vn.dvcw.core.documents.Problem;
import vn.dvcw.core.documents.RawRow;
import vn.dvcw.core.documents.SteeringTask;
import vn.dvcw.core.geo.Era;
import vn.dvcw.core.geo.ProvinceResolver;
import vn.dvcw.core.geo.Resolution;

/**
 * Turns parsed documents into the rows of the silver tables, resolving every province name at the
 * document's data date. A name the resolver cannot place sends its row to quarantine with the
 * resolver's reason; nothing is guessed.
 */
final class DocumentRows {
  final List<Row> documentRows = new ArrayList<>();
  final List<Row> observations = new ArrayList<>();
  final List<Row> tasks = new ArrayList<>();
  final List<Row> obstacles = new ArrayList<>();
  final List<Row> kpiTargets = new ArrayList<>();
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
      documentRows.add(RowFactory.create(docId, r.tableId(), r.tableTitle(), r.rowNo(), r.lineNo(), r.kind().name(),
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
      observations.add(RowFactory.create(docId, key, d.identity().number(), d.identity().kind().sqlName(),
          o.tableId(), o.rowNo(), o.lineNo(), o.rawLine(), o.provinceRaw(),
          res == null ? null : res.provinceKey(), res == null ? null : res.code(),
          res == null ? null : res.province().name(), geography, o.level(), date(o.periodStart()),
          date(o.periodEnd()), o.measure(), o.value(), o.rawValue(), o.unit(), o.label(), o.total(),
          res == null ? null : res.reason()));
    }
    for (SteeringTask t : d.tasks()) {
      tasks.add(RowFactory.create(docId, t.tableId(), t.rowNo(), t.lineNo(), t.rawLine(), t.list(), t.groupCode(),
          t.groupName(), t.seq(), t.task(), t.units(), date(t.deadline()), t.deadlineRaw(), t.nature(),
          t.taskCount(), t.continued(), date(dataDate)));
    }
    for (CommuneObstacle o : d.obstacles()) {
      Resolution res = resolve(o.provinceRaw(), dataDate);
      if (!res.resolved()) {
        quarantine.add(QuarantineEntry.of("province", d.source().path(), docId, o.tableId(), o.lineNo(), o.rawLine(),
            "province not resolved at " + dataDate + ": " + res.reason()));
        continue;
      }
      obstacles.add(RowFactory.create(docId, o.tableId(), o.rowNo(), o.lineNo(), o.rawLine(), o.provinceRaw(),
          res.provinceKey(), res.code(), res.province().name(), geography, o.rank(), o.obstacle(),
          o.communesAffected(), o.communesTotal(), o.publishedPct(), date(dataDate)));
    }
    if (current) {
      for (KpiTarget k : d.kpiTargets()) {
        String source = d.identity().number() != null ? d.identity().number() : d.source().fileName();
        kpiTargets.add(RowFactory.create(k.kpi(), k.comparator(),
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

  /** Rows of gold.reconciliation for a document's findings. */
  static List<Row> findingRows(ParsedDocument d, List<Finding> findings, FindingBaseline baseline) {
    List<Row> rows = new ArrayList<>();
    String key = d.identity().documentKey(d.docId());
    for (Finding f : findings) {
      String id = QuarantineEntry.sha256(String.join("|", d.docId(), String.valueOf(f.tableId()), f.check(),
          f.measure(), String.valueOf(f.scope()), String.valueOf(f.lineNo()), String.valueOf(f.detail())));
      rows.add(RowFactory.create(id, d.docId(), key, d.identity().number(), d.identity().kind().sqlName(),
          f.tableId(), f.check(), f.measure(), f.scope(), f.published(), f.computed(),
          f.difference() == null ? null : f.difference().setScale(4, java.math.RoundingMode.HALF_UP), f.status(),
          f.detail(), f.lineNo(), baseline.acknowledges(key, f.tableId(), f.check(), f.measure(), f.scope())));
    }
    return rows;
  }

  static BigDecimal scale4(BigDecimal v) {
    return v == null ? null : v.setScale(4, java.math.RoundingMode.HALF_UP);
  }
}
