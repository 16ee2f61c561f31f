package vn.dvcw.core.documents;

import java.math.BigDecimal;

/**
 * An obstacle reported by a province's communes (Phụ lục 6): its text, how many communes of how many
 * met it, and the percentage as printed. A province listed with no obstacle has a null obstacle.
 */
public record CommuneObstacle(
    String tableId,
    int rowNo,
    int lineNo,
    String rawLine,
    String provinceRaw,
    int rank,
    String obstacle,
    Long communesAffected,
    Long communesTotal,
    BigDecimal publishedPct) {}
