package vn.dvcw.app.report;

import java.util.List;

/** One page of the report: a Vietnamese heading (English second), notes, charts and tables. */
public record ReportSection(String id, String heading, String headingEn, List<String> notes,
    List<ReportFigure> figures, List<ReportTable> tables) {}
