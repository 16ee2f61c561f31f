package vn.dvcw.core.documents;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything read from one document: identity, raw rows, typed observations and lists, the findings of
 * its own checks, claims about other documents, and the problems that go to quarantine. Parsers fill it
 * through the add methods; the job reads it.
 */
public final class ParsedDocument {
  private final SourceDocument source;
  private final DocumentIdentity identity;
  private final List<RawRow> rows = new ArrayList<>();
  private final List<Observation> observations = new ArrayList<>();
  private final List<SteeringTask> tasks = new ArrayList<>();
  private final List<CommuneObstacle> obstacles = new ArrayList<>();
  private final List<KpiTarget> kpiTargets = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();
  private final List<Claim> claims = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private final List<ServiceIndexScore> scores = new ArrayList<>();

  public ParsedDocument(SourceDocument source, DocumentIdentity identity) {
    this.source = source;
    this.identity = identity;
  }

  public SourceDocument source() { return source; }
  public DocumentIdentity identity() { return identity; }
  public List<RawRow> rows() { return rows; }
  public List<Observation> observations() { return observations; }
  public List<SteeringTask> tasks() { return tasks; }
  public List<CommuneObstacle> obstacles() { return obstacles; }
  public List<KpiTarget> kpiTargets() { return kpiTargets; }
  public List<Finding> findings() { return findings; }
  public List<Claim> claims() { return claims; }
  public List<Problem> problems() { return problems; }
  /** Rows of a 766 service index export (mutable: the parser fills it). */
  public List<ServiceIndexScore> scores() { return scores; }

  public String docId() {
    return source.sha256();
  }

  public void add(RawRow r) { rows.add(r); }
  public void add(Observation o) { observations.add(o); }
  public void add(SteeringTask t) { tasks.add(t); }
  public void add(CommuneObstacle o) { obstacles.add(o); }
  public void add(KpiTarget k) { kpiTargets.add(k); }
  public void add(Finding f) { findings.add(f); }
  public void add(Claim c) { claims.add(c); }
  public void add(Problem p) { problems.add(p); }

  /** Observations of one table and measure, data rows only. */
  public List<Observation> observations(String tableId, String measure) {
    return observations.stream()
        .filter(o -> o.tableId().equals(tableId) && o.measure().equals(measure) && !o.total())
        .toList();
  }
}
