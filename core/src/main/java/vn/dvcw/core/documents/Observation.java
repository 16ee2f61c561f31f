package vn.dvcw.core.documents;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One number printed in a report table, with where it came from. {@code provinceRaw} is the name as
 * written (null on a total row); {@code level} is 'province', 'commune' or 'all' for dossier counts;
 * {@code unit} is 'count', 'percent' or 'services'. {@code label} carries a printed status text beside
 * the number ("Đã hoàn thành", "SẴN SẴNG (XANH)").
 */
public record Observation(
    String tableId,
    int rowNo,
    int lineNo,
    String rawLine,
    String provinceRaw,
    String level,
    LocalDate periodStart,
    LocalDate periodEnd,
    String measure,
    BigDecimal value,
    String rawValue,
    String unit,
    boolean total,
    String label) {}
