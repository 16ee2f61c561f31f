package vn.dvcw.pipelines.documents;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.dvcw.core.documents.ParsedDocument;
import vn.dvcw.core.documents.ServiceIndexPeriod;
import vn.dvcw.core.documents.ServiceIndexScore;
import vn.dvcw.core.documents.Text;
import vn.dvcw.core.geo.Era;
import vn.dvcw.core.geo.Province;
import vn.dvcw.core.geo.ProvinceDirectory;
import vn.dvcw.pipelines.QuarantineEntry;

/**
 * The rows of {@code silver.service_index_score} from parsed 766 exports: each row's period (its sheet's, else
 * the one {@code service-index-periods.tsv} states, else its sheet goes to quarantine, once, with the reason), its
 * province from the DVCQG code on the map of the snapshot's date, read onto today's 34 provinces (a score is not a
 * count: a former province's score is never summed or averaged into its successor, it is only labelled with it).
 */
final class ServiceIndexRows {
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final int PUBLISHED_PLACES = 2;

  /** A row of silver.service_index_score. */
  record ScoreRow(String docId, String fileName, String tableId, int rowNo, int lineNo, String rawLine,
      Timestamp snapshotAt, LocalDate snapshotDate, String snapshotSource, String periodKind, LocalDate periodStart,
      LocalDate periodEnd, String periodSource, String unitLevel, String unitId, String unitCode, String unitName,
      String provinceDvcqgCode, String provinceCode, String provinceName, BigDecimal scoreProgress,
      BigDecimal scoreSatisfaction, BigDecimal scoreDigitisation, BigDecimal scoreOnlinePayment,
      BigDecimal scoreOnlineService, BigDecimal scoreTransparency, BigDecimal totalScore, Integer rank, String source,
      String resolutionNote) {}

  final List<ScoreRow> rows = new ArrayList<>();
  final List<QuarantineEntry> quarantine = new ArrayList<>();

  private final ProvinceDirectory provinces;
  private final ServiceIndexPeriods periods;

  ServiceIndexRows(ProvinceDirectory provinces, ServiceIndexPeriods periods) {
    this.provinces = provinces;
    this.periods = periods;
  }

  void add(ParsedDocument d) {
    String file = d.source().fileName();
    Map<String, List<ServiceIndexScore>> unstated = new LinkedHashMap<>();
    for (ServiceIndexScore s : d.scores()) {
      ServiceIndexScore scored = s;
      String periodSource = s.source().equals("exporter_trend") ? "trend_row" : "sheet_and_file_name";
      if (s.period() == null) {
        ServiceIndexPeriod stated = periods.of(file, s.tableId());
        if (stated == null) {
          unstated.computeIfAbsent(s.tableId(), k -> new ArrayList<>()).add(s);
          continue;
        }
        scored = s.withPeriod(stated);
        periodSource = ServiceIndexPeriods.FILE_NAME;
      }
      add(d, scored, periodSource);
    }
    unstated.forEach((sheet, scores) -> quarantine.add(QuarantineEntry.of("document", d.source().path(), d.docId(),
        sheet, scores.get(0).lineNo(), scores.get(0).rawText(), "766 sheet '" + sheet + "' (" + scores.size()
            + " rows) not loaded: " + scores.get(0).periodNote() + "; state it in " + ServiceIndexPeriods.FILE_NAME
            + " (file, sheet, period such as 'year 2025' or 'month 10/2025', evidence)")));
  }

  private void add(ParsedDocument d, ServiceIndexScore s, String periodSource) {
    LocalDate day = s.snapshotAt().atZone(VIETNAM).toLocalDate();
    List<BigDecimal> scores = java.util.Arrays.asList(s.scoreProgress(), s.scoreSatisfaction(),
        s.scoreDigitisation(), s.scoreOnlinePayment(), s.scoreOnlineService(), s.scoreTransparency(),
        s.totalScore());
    for (BigDecimal v : scores) {
      if (v != null && v.scale() > PUBLISHED_PLACES) {
        quarantine.add(QuarantineEntry.of("document", d.source().path(), d.docId(), s.tableId(), s.lineNo(),
            s.rawText(), "766 score " + v.toPlainString() + " has more than two decimals: the index publishes "
                + "0.01, so it is not rounded here"));
        return;
      }
    }
    Optional<Province> province = onCurrentMap(s.provinceDvcqgCode(), day);
    if (province.isEmpty()) {
      quarantine.add(QuarantineEntry.of("province", d.source().path(), d.docId(), s.tableId(), s.lineNo(),
          s.rawText(), "DVCQG code " + s.provinceDvcqgCode() + " (from unit code " + s.unitCode()
              + ") is no province on " + day));
      return;
    }
    Province p = province.get();
    String note = s.unitName() == null || Text.fold(s.unitName()).contains(Text.fold(p.name())) ? null
        : "the unit's name does not mention " + p.name() + " (placed by its code " + s.unitCode() + ")";
    rows.add(new ScoreRow(d.docId(), d.source().fileName(), s.tableId(), s.rowNo(), s.lineNo(), s.rawText(),
        Timestamp.from(s.snapshotAt()), day, s.snapshotSource(), s.period().kind(), s.period().start(),
        s.period().end(), periodSource, s.unitLevel(), s.unitId(), s.unitCode(),
        s.unitName() != null ? s.unitName() : p.name(), s.provinceDvcqgCode(), p.code(), p.name(),
        s.scoreProgress(), s.scoreSatisfaction(), s.scoreDigitisation(), s.scoreOnlinePayment(),
        s.scoreOnlineService(), s.scoreTransparency(), s.totalScore(), s.rank(), s.source(), note));
  }

  /** The current province of a DVCQG code used on {@code day}: itself after 1 July 2025, else its successor. */
  private Optional<Province> onCurrentMap(String dvcqgCode, LocalDate day) {
    if (Era.of(day) == Era.CURRENT) {
      return provinces.byDvcqgCode(Era.CURRENT, dvcqgCode);
    }
    return provinces.byDvcqgCode(Era.FORMER, dvcqgCode).flatMap(f -> provinces.successorOf(f.code()));
  }
}
