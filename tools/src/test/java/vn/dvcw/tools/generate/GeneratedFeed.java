package vn.dvcw.tools.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import vn.dvcw.core.calendar.WorkingCalendar;
import vn.dvcw.core.geo.Era;
import vn.dvcw.core.geo.Province;
import vn.dvcw.core.geo.ProvinceDirectory;

/**
 * Reads a generated feed the way an independent loader would (Jackson, no generator code): every line
 * of every day in order, classified as valid, exact duplicate or broken (with the quarantine rule that
 * catches it), and recounts the truth from the valid, de-duplicated records.
 */
final class GeneratedFeed {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern MA_HO_SO = Pattern.compile("^(\\d{3}\\.\\d{2}\\.\\d{2}\\.([A-Z]\\d{2}))-(\\d{6})-(\\d{4,5})$");
  static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);
  static final List<String> TIMESTAMPS = List.of("NgayNopHoSo", "NgayTiepNhan", "NgayHenTra", "NgayTra",
      "NgayKetThucXuLy", "NgayTuChoi");

  /** One line of a feed file. */
  record Line(LocalDate day, String part, int index, String text, JsonNode json, String problem, boolean duplicate,
      boolean duplicateLaterDay) {
    boolean valid() {
      return problem == null && !duplicate;
    }
  }

  final Path dir;
  final JsonNode manifest;
  final List<Line> records = new ArrayList<>();
  final List<Line> envelopes = new ArrayList<>();
  final List<Path> files = new ArrayList<>();
  final Set<String> hCodes = new HashSet<>();

  GeneratedFeed(Path dir) throws IOException {
    this.dir = dir;
    this.manifest = JSON.readTree(dir.resolve("manifest.json").toFile());
    ProvinceDirectory provinces = ProvinceDirectory.fromClasspath();
    provinces.provinces().forEach(p -> hCodes.add(p.dvcqgCode()));
    LocalDate from = LocalDate.parse(manifest.get("from").asText());
    LocalDate to = LocalDate.parse(manifest.get("to").asText());
    Map<String, LocalDate> seenRecords = new HashMap<>();
    Map<String, LocalDate> seenEnvelopes = new HashMap<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      Path folder = dir.resolve("feed").resolve(d.toString().substring(0, 7));
      read(folder.resolve("dvcqg-" + d + "-dossiers.jsonl.gz"), d, "dossiers", records, seenRecords);
      read(folder.resolve("dvcqg-" + d + "-events.jsonl.gz"), d, "events", envelopes, seenEnvelopes);
    }
  }

  private void read(Path file, LocalDate day, String part, List<Line> out, Map<String, LocalDate> seen)
      throws IOException {
    files.add(file);
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
        StandardCharsets.UTF_8))) {
      String text;
      int i = 0;
      while ((text = r.readLine()) != null) {
        LocalDate first = seen.get(text);
        if (first != null) {
          out.add(new Line(day, part, i++, text, null, null, true, first.isBefore(day)));
          continue;
        }
        JsonNode json = null;
        String problem;
        try {
          json = JSON.readTree(text);
          problem = part.equals("dossiers") ? recordProblem(json) : null;
        } catch (IOException e) {
          problem = "truncated_json";
        }
        if (problem == null) {
          seen.put(text, day);
        }
        out.add(new Line(day, part, i++, text, json, problem, false, false));
      }
    }
  }

  /** The quarantine rule a record breaks, or null (the rules documented by {@link Injection}). */
  String recordProblem(JsonNode r) {
    String maHoSo = r.path("MaHoSo").asText("");
    if (maHoSo.isEmpty()) {
      return "empty_mahoso";
    }
    if (!Set.of("1", "2", "3").contains(r.path("KenhThucHien").asText())) {
      return "bad_channel";
    }
    Matcher m = MA_HO_SO.matcher(maHoSo);
    if (!m.matches() || !hCodes.contains(m.group(2))) {
      return "unknown_agency";
    }
    for (String f : TIMESTAMPS) {
      String v = r.path(f).asText("");
      if (!v.isEmpty() && parse(v) == null) {
        return "bad_timestamp";
      }
    }
    int status = Integer.parseInt(r.path("TrangThaiHoSo").asText());
    if (status >= 2 && status != 3 && r.path("NgayTiepNhan").asText("").isEmpty()) {
      return "missing_ngaytiepnhan";
    }
    return null;
  }

  static LocalDate parse(String ts) {
    try {
      return java.time.LocalDateTime.parse(ts, TS).toLocalDate();
    } catch (RuntimeException e) {
      return null;
    }
  }

  static LocalDate date(String ts) {
    return ts == null || ts.isEmpty() ? null : parse(ts);
  }

  /** Counts of broken lines by problem, and duplicates by same/later day. */
  Map<String, Long> injectedFromFiles() {
    Map<String, Long> n = new TreeMap<>();
    for (List<Line> part : List.of(records, envelopes)) {
      for (Line l : part) {
        if (l.duplicate()) {
          n.merge(l.duplicateLaterDay() ? "duplicate_later_day" : "duplicate_same_day", 1L, Long::sum);
        } else if (l.problem() != null) {
          n.merge(l.problem(), 1L, Long::sum);
        }
      }
    }
    Map<String, List<Line>> byDossier = validRecordsByDossier();
    Map<String, LocalDate> firstEventDay = new HashMap<>();
    for (Line l : envelopes) {
      if (l.valid()) {
        for (JsonNode e : l.json().get("data")) {
          firstEventDay.putIfAbsent(e.get("MaHoSo").asText(), l.day());
        }
      }
    }
    for (Map.Entry<String, List<Line>> e : byDossier.entrySet()) {
      int lastFinal = -1;
      boolean outOfOrder = false;
      for (int i = 0; i < e.getValue().size(); i++) {
        Line l = e.getValue().get(i);
        int status = l.json().get("TrangThaiHoSo").asInt();
        if (status == 3 || status == 7 || status == 9 || status == 10) {
          lastFinal = i;
          LocalDate happened = date(nonEmpty(l.json().get("NgayTra").asText(), l.json().get("NgayKetThucXuLy").asText()));
          if (status >= 9 && l.day().isAfter(happened)) {
            n.merge("late_update", 1L, Long::sum);
          }
        } else if ((status == 4 || status == 5) && lastFinal >= 0) {
          outOfOrder = true;
        } else if (status == 2) {
          LocalDate firstEvent = firstEventDay.get(e.getKey());
          if (firstEvent != null && l.day().isAfter(firstEvent)) {
            n.merge("events_before_create", 1L, Long::sum);
          }
        }
      }
      if (outOfOrder) {
        if (System.getenv("FEED_DEBUG") != null) {
          e.getValue().forEach(x -> System.out.println("OOO " + x.day() + " " + x.text().substring(0, Math.min(900, x.text().length()))));
        }
        n.merge("out_of_order", 1L, Long::sum);
      }
    }
    return n;
  }

  private static String nonEmpty(String a, String b) {
    return a.isEmpty() ? b : a;
  }

  /** Valid first-occurrence records per MaHoSo, in arrival order. */
  Map<String, List<Line>> validRecordsByDossier() {
    Map<String, List<Line>> m = new TreeMap<>();
    for (Line l : records) {
      if (l.valid()) {
        m.computeIfAbsent(l.json().get("MaHoSo").asText(), k -> new ArrayList<>()).add(l);
      }
    }
    return m;
  }

  /** The state record of each dossier: highest precedence, ties to the last arrived. */
  Map<String, JsonNode> states() {
    Map<String, JsonNode> out = new TreeMap<>();
    for (Map.Entry<String, List<Line>> e : validRecordsByDossier().entrySet()) {
      JsonNode best = null;
      int bestRank = -1;
      for (Line l : e.getValue()) {
        int rank = MessageKind.rank(l.json().get("TrangThaiHoSo").asInt());
        if (rank >= bestRank) {
          best = l.json();
          bestRank = rank;
        }
      }
      out.put(e.getKey(), best);
    }
    return out;
  }

  /** The unit level a DonViXuLy name tells (the table of {@link UnitCatalogue}). */
  static String level(String unitName) {
    for (String p : List.of("UBND huyện ", "UBND quận ", "UBND thị xã ")) {
      if (unitName.startsWith(p)) {
        return "district";
      }
    }
    for (String p : List.of("UBND xã ", "UBND phường ", "UBND thị trấn ", "UBND đặc khu ")) {
      if (unitName.startsWith(p)) {
        return "commune";
      }
    }
    return "province";
  }

  /** truth/monthly.csv recomputed from the files: row key → 12 measures. */
  Map<String, long[]> recountTruth() {
    WorkingCalendar cal = WorkingCalendar.vietnam();
    ProvinceDirectory provinces = ProvinceDirectory.fromClasspath();
    LocalDate to = LocalDate.parse(manifest.get("to").asText());
    Map<String, long[]> rows = new TreeMap<>();
    for (JsonNode r : states().values()) {
      String accepted = r.get("NgayTiepNhan").asText();
      if (accepted.isEmpty()) {
        continue;
      }
      int status = r.get("TrangThaiHoSo").asInt();
      LocalDate acceptDate = date(accepted);
      Era era = Era.of(acceptDate);
      Matcher m = MA_HO_SO.matcher(r.get("MaHoSo").asText());
      if (!m.matches()) {
        throw new AssertionError("bad MaHoSo " + r.get("MaHoSo"));
      }
      Province p = provinces.byDvcqgCode(era, m.group(2)).orElseThrow(
          () -> new AssertionError("H code " + m.group(2) + " not of era " + era));
      String channel = switch (r.get("KenhThucHien").asText()) {
        case "1" -> "direct";
        case "2" -> "online";
        default -> "postal";
      };
      String key = acceptDate.toString().substring(0, 7) + "," + era.sqlName() + "," + p.code() + ","
          + level(r.get("DonViXuLy").asText()) + "," + channel;
      long[] v = rows.computeIfAbsent(key, k -> new long[12]);
      v[0]++;
      v[channel.equals("online") ? 1 : channel.equals("direct") ? 2 : 3]++;
      if (channel.equals("online")) {
        LocalDate submitted = date(r.get("NgayNopHoSo").asText());
        if (acceptDate.isAfter(next(cal, submitted))) {
          v[4]++;
        }
      }
      String due = r.get("NgayHenTra").asText();
      boolean finished = status == 9 || status == 10;
      if (finished) {
        v[5]++;
        if (due.isEmpty() || r.get("NgayKetThucXuLy").asText().compareTo(due) <= 0) {
          v[6]++;
        } else {
          v[7]++;
        }
        boolean digitised = false;
        for (JsonNode doc : r.get("DanhSachGiayToKetQua")) {
          digitised |= !doc.path("DuongDanTepTinKetQua").asText("").isEmpty();
        }
        if (digitised) {
          v[11]++;
        }
      } else if (status != 3 && status != 7 && status != 8 && !due.isEmpty() && date(due).isBefore(to)) {
        v[8]++;
      }
      String paid = r.get("DuocThanhToanTrucTuyen").asText();
      if (paid.equals("1") || paid.equals("2")) {
        v[9]++;
      }
      boolean fee = false;
      for (JsonNode f : r.get("DanhSachLePhi")) {
        fee |= !f.get("Gia").asText().equals("0");
      }
      if (fee) {
        v[10]++;
      }
    }
    return rows;
  }

  private static LocalDate next(WorkingCalendar cal, LocalDate d) {
    if (cal.covers(d.plusDays(1))) {
      return cal.nextWorkingDay(d);
    }
    LocalDate x = d.plusDays(1);
    while (x.getDayOfWeek().getValue() >= 6) {
      x = x.plusDays(1);
    }
    return x;
  }

  /** truth/monthly.csv as written: row key → 12 measures. */
  Map<String, long[]> truth() {
    return truth(dir);
  }

  /** truth/monthly.csv of a generated folder, read without parsing the feed files. */
  static Map<String, long[]> truth(Path dir) {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("truth").resolve("monthly.csv"));
      if (!lines.get(0).equals(TruthTable.HEADER)) {
        throw new AssertionError("truth header: " + lines.get(0));
      }
      Map<String, long[]> rows = new TreeMap<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] c = line.split(",");
        long[] v = new long[12];
        for (int i = 0; i < 12; i++) {
          v[i] = Long.parseLong(c[5 + i]);
        }
        rows.put(String.join(",", c[0], c[1], c[2], c[3], c[4]), v);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
