package vn.dvcw.core.documents;

import static vn.dvcw.core.documents.ServiceIndexParser.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import vn.dvcw.core.documents.ServiceIndexParser.Snapshot;

/**
 * The score rows of one 766 export, unit by unit, each checked as it is added (its groups against its total), and
 * the checks over a table (ranks against scores) and over a workbook (one ranking of a province's units).
 * Problems go to the document.
 */
final class ServiceIndexUnits {
  final ParsedDocument doc;
  final Snapshot snapshot;
  final List<ServiceIndexScore> scores = new ArrayList<>();

  ServiceIndexUnits(ParsedDocument doc, Snapshot snapshot) {
    this.doc = doc;
    this.snapshot = snapshot;
  }

  void add(String table, int rowNo, int lineNo, String raw, Map<String, String> cells, ServiceIndexPeriod period,
      String periodNote) {
    try {
      String level = switch (cells.getOrDefault("LOAI_COQUAN", "").strip()) {
        case "1" -> "province";
        case "2" -> "agency";
        case "3" -> "commune";
        default -> throw new IllegalArgumentException("unit type LOAI_COQUAN '" + cells.get("LOAI_COQUAN")
            + "' is not 1 (province), 2 (agency) or 3 (commune)");
      };
      String code = cells.getOrDefault("MA_COQUAN", "").strip();
      Matcher m = ServiceIndexParser.PROVINCE_CODE.matcher(code);
      if (!m.find()) {
        throw new IllegalArgumentException("unit code MA_COQUAN '" + code + "' has no province code (H01..H63)");
      }
      List<BigDecimal> groups = new ArrayList<>();
      for (String g : ServiceIndexParser.GROUPS) {
        groups.add(ScoreText.parse(cells.get(g)));
      }
      BigDecimal total = ScoreText.parse(cells.get("TONG_SCORE"));
      if (total == null) {
        throw new IllegalArgumentException("no total score (TONG_SCORE)");
      }
      String name = cells.getOrDefault("TEN", "").strip();
      String id = cells.getOrDefault("ID", "").strip();
      ServiceIndexScore s = new ServiceIndexScore(table, rowNo, lineNo, raw, snapshot.at(), snapshot.source(), period,
          periodNote, level, id.isEmpty() ? null : id, code, name.isEmpty() ? cells.get("TEN_COQUAN") : name,
          m.group(1), groups.get(0), groups.get(1), groups.get(2), groups.get(3), groups.get(4), groups.get(5),
          total, ScoreText.rank(cells.get("ROW_STT")), "portal");
      scores.add(s);
      checkGroups(s, groups);
    } catch (IllegalArgumentException bad) {
      doc.add(new Problem(table, lineNo, raw, "766 row not loaded: " + bad.getMessage()));
    }
  }

  private void checkGroups(ServiceIndexScore s, List<BigDecimal> groups) {
    if (groups.contains(null)) {
      return;
    }
    BigDecimal sum = groups.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal diff = s.totalScore().subtract(sum);
    String status = diff.signum() == 0 ? "match"
        : diff.abs().compareTo(ServiceIndexParser.ROUNDING_SLACK) <= 0 ? "rounding" : "mismatch";
    doc.add(new Finding(s.tableId(), "groups_sum_to_total", "total_score", scope(s),
        s.totalScore().toPlainString(), sum.toPlainString(), diff, status,
        "TONG_SCORE against TDGQ+MDHL+MDSH+TTTT+CLGQ+CKMB of " + s.unitCode(), s.lineNo()));
  }

  /** Within a table, a better rank never has a lower score. */
  void checkRanks(String table) {
    List<ServiceIndexScore> ranked = scores.stream().filter(s -> s.tableId().equals(table) && s.rank() != null)
        .sorted((a, b) -> Integer.compare(a.rank(), b.rank())).toList();
    if (ranked.size() < 2) {
      return;
    }
    int out = 0;
    for (int i = 1; i < ranked.size(); i++) {
      ServiceIndexScore above = ranked.get(i - 1);
      ServiceIndexScore s = ranked.get(i);
      boolean sameRankOtherScore = s.rank().equals(above.rank()) && s.totalScore().compareTo(above.totalScore()) != 0;
      if (s.totalScore().compareTo(above.totalScore()) > 0 || sameRankOtherScore) {
        out++;
        doc.add(new Finding(table, "rank_follows_score", "rank", scope(s), String.valueOf(s.rank()),
            "after rank " + above.rank() + " (" + above.totalScore().toPlainString() + ")",
            s.totalScore().subtract(above.totalScore()), "mismatch",
            "rank " + s.rank() + " scores " + s.totalScore().toPlainString() + ", more than rank " + above.rank()
                + " (" + above.unitName() + ")", s.lineNo()));
      }
    }
    if (out == 0) {
      doc.add(new Finding(table, "rank_follows_score", "rank", "all ranks of the table", ranked.size() + " ranks",
          ranked.size() + " ranks in score order", BigDecimal.ZERO, "match",
          "ranks " + ranked.get(0).rank() + ".." + ranked.get(ranked.size() - 1).rank() + " by descending score",
          ranked.get(0).lineNo()));
    }
  }

  /**
   * The agencies and communes of a province come in one response, ranked together (rank 1 to the number of
   * units), which an exporter may split into sheets. When their ranks repeat or cross, the sheets came from
   * different responses (such as different periods): a note, since that is what tells the periods apart.
   */
  void checkOneRanking() {
    List<ServiceIndexScore> units = scores.stream()
        .filter(s -> s.source().equals("portal") && !s.unitLevel().equals("province") && s.rank() != null)
        .sorted((a, b) -> Integer.compare(a.rank(), b.rank())).toList();
    Set<String> tables = new LinkedHashSet<>();
    units.forEach(s -> tables.add(s.tableId()));
    if (tables.size() < 2) {
      return;
    }
    int repeated = 0;
    int crossed = 0;
    for (int i = 1; i < units.size(); i++) {
      repeated += units.get(i).rank().equals(units.get(i - 1).rank()) ? 1 : 0;
      crossed += units.get(i).totalScore().compareTo(units.get(i - 1).totalScore()) > 0 ? 1 : 0;
    }
    String table = String.join(" + ", tables);
    boolean one = repeated == 0 && crossed == 0;
    doc.add(new Finding(table, "one_ranking", "rank", "agencies and communes", units.size() + " units",
        one ? "one ranking" : repeated + " ranks repeated, " + crossed + " out of score order",
        BigDecimal.valueOf(repeated + crossed), one ? "match" : "note",
        one ? "the ranks of " + table + " form one ranking of " + units.size() + " units (one response)"
            : "the ranks of " + table + " repeat and cross: the sheets come from different responses "
                + "(such as different periods)", null));
  }

  /** The province a workbook's agencies and communes belong to, when they all belong to one. */
  String ownProvince() {
    Set<String> codes = new LinkedHashSet<>();
    scores.stream().filter(s -> !s.unitLevel().equals("province")).forEach(s -> codes.add(s.provinceDvcqgCode()));
    return codes.size() == 1 ? codes.iterator().next() : null;
  }

  /** What a row's check is about: the unit's name as published, else its code. */
  private static String scope(ServiceIndexScore s) {
    return s.unitName() != null && !s.unitName().isBlank() ? s.unitName() : s.unitCode();
  }
}
