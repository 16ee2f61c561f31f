package vn.dvcw.app.report;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import vn.dvcw.charts.ChartImages;
import vn.dvcw.charts.Provenance;

/**
 * The report as one HTML file: charts embedded as PNG data URIs, styles inline, no script and no external
 * reference, so it opens offline in any browser and prints as it shows.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /** Times on the page are Vietnam's, the readers' clock. */
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy (xxx)");
  public static final String TITLE = "Báo cáo dịch vụ công trực tuyến và hồ sơ TTHC";

  private static final String CSS = """
      body{font-family:"DejaVu Sans","Noto Sans",Arial,sans-serif;margin:24px auto;max-width:1340px;color:#111;}
      h1{font-size:26px;margin-bottom:4px} h2{font-size:21px;margin-top:40px;border-bottom:2px solid #333;}
      .en{color:#555;font-weight:normal;font-size:0.8em} .meta{font-size:13px;color:#333}
      .synthetic{border:3px solid #000;padding:8px;font-weight:bold;background:#eee}
      figure{margin:18px 0;page-break-inside:avoid} img{max-width:100%;height:auto;border:1px solid #ccc}
      figcaption{font-size:13px;color:#222;margin-top:4px} figcaption dt{font-weight:bold;display:inline}
      figcaption dd{display:inline;margin:0 12px 0 4px}
      table{border-collapse:collapse;font-size:12.5px;margin:10px 0 22px} caption{text-align:left;font-weight:bold;padding:4px 0}
      th,td{border:1px solid #999;padding:3px 7px;text-align:left;vertical-align:top} th{background:#e8e8e8}
      td.n{text-align:right} .note{font-size:14px} details{font-size:12px}
      @media print{h2{page-break-before:always} h2:first-of-type{page-break-before:auto}}
      """;

  public static String render(ReportModel m) {
    StringBuilder h = new StringBuilder(1 << 20);
    h.append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(esc(TITLE)).append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
    h.append("<h1 id=\"top\">").append(esc(TITLE))
        .append(" <span class=\"en\">/ Online public services report</span></h1>\n");
    LakehouseVersion v = m.version();
    h.append("<p class=\"meta\" id=\"built\">Lập lúc / built at: <b>").append(esc(TIME.format(m.builtAt().atZone(VIETNAM))))
        .append("</b> · Kho dữ liệu / lakehouse: <code>").append(esc(m.lakehouse())).append("</code><br>")
        .append("Phiên bản dữ liệu / lakehouse version: lần làm mới / refresh run <b id=\"run-id\">").append(esc(v.runId()))
        .append("</b> (").append(esc(v.status())).append(", exit ").append(v.exitCode());
    if (v.endedAt() != null) {
      h.append(", xong lúc ").append(esc(TIME.format(v.endedAt().atZone(VIETNAM))));
    }
    h.append(")</p>\n<details><summary>Phiên bản Delta của từng bảng / Delta version of every table (")
        .append(v.tableVersions().size()).append(")</summary>\n<table id=\"table-versions\"><tr><th>Bảng / table</th>"
            + "<th>Phiên bản / version</th></tr>\n");
    for (Map.Entry<String, Long> e : v.tableVersions().entrySet()) {
      h.append("<tr><td>").append(esc(e.getKey())).append("</td><td class=\"n\">").append(e.getValue())
          .append("</td></tr>\n");
    }
    h.append("</table></details>\n");
    freshness(h, m);
    if (m.usesSyntheticData()) {
      h.append("<p class=\"synthetic\">Báo cáo có dùng ").append(esc(Provenance.SYNTHETIC_LABEL))
          .append(": các biểu đồ, bảng dùng dữ liệu này đều được ghi rõ.</p>\n");
    }
    h.append("<nav><ol>");
    for (ReportSection s : m.sections()) {
      h.append("<li><a href=\"#").append(s.id()).append("\">").append(esc(s.heading())).append("</a></li>");
    }
    h.append("</ol></nav>\n");
    for (ReportSection s : m.sections()) {
      section(h, s, m.freshness(s.id()).orElse(null));
    }
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  /** One line per page: how old the figures of the sources it cites are (analytics.freshness). */
  private static void freshness(StringBuilder h, ReportModel m) {
    if (m.freshness().isEmpty()) {
      return;
    }
    h.append("<p class=\"meta\" id=\"freshness\">Độ mới của nguồn số liệu từng trang / how fresh each page's "
        + "sources are:");
    for (ReportSection s : m.sections()) {
      m.freshness(s.id()).ifPresent(line -> h.append("<br><a href=\"#").append(s.id()).append("\">")
          .append(esc(s.heading())).append("</a>: <span id=\"freshness-").append(s.id()).append("\">")
          .append(esc(line)).append("</span>"));
    }
    h.append("</p>\n");
  }

  private static void section(StringBuilder h, ReportSection s, String freshness) {
    h.append("<section>\n<h2 id=\"").append(s.id()).append("\">").append(esc(s.heading()))
        .append(" <span class=\"en\">/ ").append(esc(s.headingEn())).append("</span></h2>\n");
    if (freshness != null) {
      h.append("<p class=\"meta\">Độ mới của nguồn / source freshness: ").append(esc(freshness)).append("</p>\n");
    }
    for (String note : s.notes()) {
      h.append("<p class=\"note\">").append(esc(note)).append("</p>\n");
    }
    for (ReportFigure f : s.figures()) {
      h.append("<figure id=\"").append(f.id()).append("\"").append(f.synthetic() ? " class=\"synthetic-data\"" : "")
          .append(">\n<img alt=\"").append(esc(f.title())).append("\" src=\"")
          .append(ChartImages.dataUri(f.png())).append("\">\n<figcaption><b>").append(esc(f.title())).append("</b><dl>");
      dd(h, "Đơn vị / units", f.units());
      dd(h, "Kỳ / period", f.period());
      dd(h, "Địa giới / geography", f.geography());
      dd(h, "Nguồn / sources", String.join("; ", f.sources()));
      if (f.synthetic()) {
        dd(h, "Lưu ý", Provenance.SYNTHETIC_LABEL);
      }
      h.append("</dl></figcaption>\n</figure>\n");
    }
    for (ReportTable t : s.tables()) {
      table(h, t);
    }
    h.append("</section>\n");
  }

  private static void table(StringBuilder h, ReportTable t) {
    h.append("<table id=\"").append(t.id()).append("\"><caption>").append(esc(t.caption()));
    if (!t.sources().isEmpty()) {
      h.append("<br><span class=\"meta\">Nguồn / sources: ").append(esc(String.join("; ", t.sources())))
          .append("</span>");
    }
    h.append("</caption>\n<tr>");
    t.headers().forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
    h.append("</tr>\n");
    for (List<String> row : t.rows()) {
      h.append("<tr>");
      for (String c : row) {
        boolean numeric = c.matches("[-+0-9.,%/ ]+"); // "+0,05": a signed change
        h.append(numeric ? "<td class=\"n\">" : "<td>").append(esc(c)).append("</td>");
      }
      h.append("</tr>\n");
    }
    if (t.rows().isEmpty()) {
      h.append("<tr><td colspan=\"").append(t.headers().size()).append("\">(không có / none)</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void dd(StringBuilder h, String term, String value) {
    h.append("<dt>").append(esc(term)).append(":</dt><dd>").append(esc(value)).append("</dd>");
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
