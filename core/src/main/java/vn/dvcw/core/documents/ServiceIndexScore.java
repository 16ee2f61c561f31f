package vn.dvcw.core.documents;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of a 766 service index export (Bộ chỉ số 766, Decision 766/QĐ-TTg) as the portal published it: a unit's
 * six group scores, total and rank for a period, in one snapshot. {@code tableId} is the sheet (or "data" for an API
 * response), {@code rowNo} the row within it, {@code lineNo} the line of the document's text.
 *
 * <p>The period is null when the sheet does not say it ({@code periodNote} says why); the job then takes it from
 * the inputs folder's {@code service-index-periods.tsv} or quarantines the sheet. Group scores and rank are null on
 * rows of an exporter's trend sheet, which carries a total only ({@code source} 'exporter_trend').
 */
public record ServiceIndexScore(
    String tableId,
    int rowNo,
    int lineNo,
    String rawText,
    Instant snapshotAt,
    String snapshotSource,
    ServiceIndexPeriod period,
    String periodNote,
    String unitLevel,
    String unitId,
    String unitCode,
    String unitName,
    String provinceDvcqgCode,
    BigDecimal scoreProgress,
    BigDecimal scoreSatisfaction,
    BigDecimal scoreDigitisation,
    BigDecimal scoreOnlinePayment,
    BigDecimal scoreOnlineService,
    BigDecimal scoreTransparency,
    BigDecimal totalScore,
    Integer rank,
    String source) {

  /** The same row with the period a person stated for its sheet ({@code service-index-periods.tsv}). */
  public ServiceIndexScore withPeriod(ServiceIndexPeriod stated) {
    return new ServiceIndexScore(tableId, rowNo, lineNo, rawText, snapshotAt, snapshotSource, stated, periodNote,
        unitLevel, unitId, unitCode, unitName, provinceDvcqgCode, scoreProgress, scoreSatisfaction,
        scoreDigitisation, scoreOnlinePayment, scoreOnlineService, scoreTransparency, totalScore, rank, source);
  }
}
