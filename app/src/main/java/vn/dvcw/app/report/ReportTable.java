package vn.dvcw.app.report;

import java.util.List;

/** A table of the report (breach lists, findings): cells already formatted the way the page prints them. */
public record ReportTable(String id, String caption, List<String> headers, List<List<String>> rows,
    List<String> sources, boolean synthetic) {}
