package vn.dvcw.pipelines.reconciliation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.dvcw.core.documents.Checks;
import vn.dvcw.core.documents.Claim;
import vn.dvcw.core.documents.Finding;
import vn.dvcw.core.documents.Observation;
import vn.dvcw.core.documents.ParsedDocument;

/**
 * Checks what secondary documents say about another document against that document's current version:
 * an article's "1.777.005 hồ sơ" against the total row of 7260/VPCP-KSTT. A claim about a document the
 * warehouse does not have is shown as 'unverifiable', not dropped.
 */
final class ClaimChecker {
  private ClaimChecker() {}

  static List<Finding> check(ParsedDocument doc, Collection<ParsedDocument> all, Set<String> current) {
    List<Finding> out = new ArrayList<>();
    for (Claim c : doc.claims()) {
      Optional<ParsedDocument> target = all.stream()
          .filter(d -> current.contains(d.docId()) && c.refersTo().equals(d.identity().number()))
          .findFirst();
      Optional<BigDecimal> total = target.flatMap(t -> t.observations().stream()
          .filter(o -> o.total() && o.tableId().equals(c.tableId()) && o.measure().equals(c.measure()))
          .map(Observation::value).findFirst());
      if (total.isEmpty()) {
        out.add(new Finding(c.tableId(), "restated_figure", c.measure(), c.refersTo(), c.value().toPlainString(), null,
            null, "unverifiable", "'" + c.rawText() + "': " + c.refersTo() + " is not in the warehouse", c.lineNo()));
        continue;
      }
      out.add(Checks.count(c.tableId(), "restated_figure", c.measure(), c.refersTo(), c.value().longValueExact(),
          total.get().longValueExact(), "'" + c.rawText() + "' vs the total row of " + c.refersTo(), c.lineNo()));
    }
    return out;
  }
}
