package vn.dvcw.core.geo;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One former province's place in the 2025 reorganisation: its whole territory became part of the
 * current province {@code currentCode} on {@code effectiveDate}.
 */
public record LineageLink(String formerCode, String currentCode, LocalDate effectiveDate)
    implements Serializable {}
