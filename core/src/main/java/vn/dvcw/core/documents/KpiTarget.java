package vn.dvcw.core.documents;

import java.math.BigDecimal;

/**
 * A KPI threshold a directive sets: {@code kpi} is one of online_rate, online_payment_rate, overdue_rate,
 * digitised_result_rate; {@code comparator} is '>=' (a floor) or '<=' (a ceiling); the threshold is a
 * percentage; {@code evaluationPeriod} is the period the directive judged ("Quý II năm 2025").
 */
public record KpiTarget(
    String kpi,
    String comparator,
    BigDecimal thresholdPct,
    String evaluationPeriod,
    String legalReference,
    String note,
    int lineNo,
    String rawText) {}
