package vn.dvcw.tools.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dvcw.core.geo.Era;
import vn.dvcw.core.geo.Province;
import vn.dvcw.core.geo.ProvinceDirectory;

/**
 * The file contract, checked on one small run across the switch-over (16/6-15/7/2025) read back with
 * Jackson by {@link GeneratedFeed}: manifest counts equal the files, the truth equals a recount of the
 * valid records, every record is marked synthetic and well-formed, agency codes and unit names follow
 * the era.
 */
// Writes whole generated feeds (tens of MB): not in the fast group, which must stay under a minute.
@Tag("generator")
class GeneratedFeedTest {
  @TempDir static Path tmp;
  static GeneratedFeed feed;
  static GenerationSummary summary;

  @BeforeAll
  static void generate() throws IOException {
    Path out = tmp.resolve("feed-run");
    summary = FeedGenerator.generate(GenerateOptions.of(LocalDate.of(2025, 6, 16), LocalDate.of(2025, 7, 15), 0.002,
        7, out, false));
    feed = new GeneratedFeed(out);
  }

  @Test
  void manifestDescribesTheRun() {
    JsonNode m = feed.manifest;
    assertTrue(m.get("synthetic").asBoolean());
    assertEquals("dvcw generate", m.get("generator").asText());
    assertEquals(1, m.get("format").asInt());
    assertEquals(7, m.get("seed").asLong());
    assertEquals(0.002, m.get("scale").asDouble());
    assertEquals("2025-06-16", m.get("from").asText());
    assertEquals("2025-07-15", m.get("to").asText());
    assertEquals(List.copyOf(Injection.NAMES.subList(1, Injection.COUNT)), iterate(m.get("injected").fieldNames()));
  }

  @Test
  void manifestCountsEqualTheFiles() throws IOException {
    JsonNode m = feed.manifest;
    assertEquals(feed.files.size(), m.get("files").asLong());
    assertEquals(60, feed.files.size());
    long bytes = 0;
    for (Path f : feed.files) {
      bytes += Files.size(f);
    }
    assertEquals(bytes, m.get("bytes").asLong());
    assertEquals(feed.records.size(), m.get("dossier_records").asLong());
    assertEquals(feed.envelopes.size(), m.get("event_lines").asLong());
    assertEquals(feed.records.size() + feed.envelopes.size(), m.get("records").asLong());
    long events = feed.envelopes.stream().filter(GeneratedFeed.Line::valid).mapToLong(l -> l.json().get("data").size())
        .sum();
    long copiedEvents = feed.envelopes.stream().filter(l -> l.duplicate()).mapToLong(l -> {
      try {
        return GeneratedFeed.JSON.readTree(l.text()).get("data").size();
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }).sum();
    long truncated = feed.envelopes.stream().filter(l -> "truncated_json".equals(l.problem())).count();
    assertTrue(m.get("events").asLong() >= events + copiedEvents + truncated);
    assertTrue(m.get("events").asLong() <= events + copiedEvents + 2 * truncated);
    assertEquals(feed.validRecordsByDossier().size(), m.get("dossiers").asLong());
  }

  @Test
  void injectedCountsEqualWhatTheFilesShow() {
    Map<String, Long> expected = new TreeMap<>();
    feed.manifest.get("injected").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asLong()));
    Map<String, Long> found = feed.injectedFromFiles();
    for (String kind : expected.keySet()) {
      assertTrue(expected.get(kind) > 0, "no " + kind + " injected at this scale");
      assertEquals(expected.get(kind), found.getOrDefault(kind, 0L), kind);
    }
  }

  @Test
  void truthEqualsARecountOfTheValidRecords() {
    Map<String, long[]> truth = feed.truth();
    Map<String, long[]> recount = feed.recountTruth();
    assertEquals(truth.keySet(), recount.keySet());
    for (String key : truth.keySet()) {
      assertArrayEquals(truth.get(key), recount.get(key), key);
    }
    long received = truth.values().stream().mapToLong(v -> v[0]).sum();
    assertTrue(received > 10_000, "received " + received);
    assertTrue(truth.values().stream().mapToLong(v -> v[8]).sum() > 0, "no overdue open dossiers");
    assertTrue(truth.values().stream().mapToLong(v -> v[7]).sum() > 0, "no late finishes");
    assertTrue(truth.values().stream().mapToLong(v -> v[4]).sum() > 0, "no late acceptances");
  }

  @Test
  void everyRecordAndEventIsMarkedSyntheticAndAllValuesAreStrings() {
    for (GeneratedFeed.Line l : feed.records) {
      if (l.json() != null) {
        assertEquals("1", l.json().get("_synthetic").asText(), l.text());
        l.json().fields().forEachRemaining(e -> assertTrue(e.getValue().isTextual() || e.getValue().isArray(),
            e.getKey() + " in " + l.text()));
      }
    }
    for (GeneratedFeed.Line l : feed.envelopes) {
      if (l.json() != null) {
        assertEquals("CapNhatTienDoHoSoMC", l.json().get("service").asText());
        assertEquals("False", l.json().get("isUpdating").asText());
        assertEquals("1", l.json().get("_synthetic").asText());
        assertTrue(l.json().get("data").size() >= 1 && l.json().get("data").size() <= 10);
        for (JsonNode e : l.json().get("data")) {
          assertEquals("1", e.get("_synthetic").asText());
          assertTrue(e.get("MaHoSo").asText().startsWith(l.json().get("madonvi").asText() + "-"));
          e.fields().forEachRemaining(f -> assertTrue(f.getValue().isTextual(), f.getKey()));
        }
      }
    }
  }

  @Test
  void validRecordsAreWellFormed() {
    Pattern phone = Pattern.compile("0[3-9]\\d{8}");
    Pattern cccd = Pattern.compile("0\\d{11}");
    Set<String> statuses = new HashSet<>();
    int withNameInSummary = 0;
    for (GeneratedFeed.Line l : feed.records) {
      if (!l.valid()) {
        continue;
      }
      JsonNode r = l.json();
      for (String f : List.of("MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "KenhThucHien", "ChuHoSo",
          "SoGiayToChuHoSo", "LoaiDoiTuong", "MaDoiTuong", "Email", "SoDienThoai", "TrichYeuHoSo", "NgayNopHoSo",
          "NgayTiepNhan", "NgayHenTra", "TrangThaiHoSo", "NgayTra", "HinhThuc", "NgayKetThucXuLy", "DonViXuLy",
          "NoiNopHoSo", "HoSoCoThanhPhanSoHoa", "TaiKhoanDuocXacThucVoiVNeID", "DuocThanhToanTrucTuyen",
          "NgayTuChoi", "DinhDanhCHS", "TaiLieuNop", "DanhSachLePhi", "DanhSachGiayToKetQua")) {
        assertTrue(r.has(f), f + " missing in " + l.text());
      }
      assertTrue(r.get("MaTTHC").asText().matches("[123]\\.\\d{6}"));
      assertTrue(phone.matcher(r.get("SoDienThoai").asText()).matches(), r.get("SoDienThoai").asText());
      String id = r.get("DinhDanhCHS").get(0).get("SoDinhDanh").asText();
      assertTrue(cccd.matcher(id).matches(), id);
      assertEquals(r.get("KenhThucHien").asText().equals("2"), !r.get("MaDoiTuong").asText().isEmpty());
      assertTrue(Set.of("0", "1", "2").contains(r.get("DuocThanhToanTrucTuyen").asText()));
      assertTrue(Set.of("1", "2").contains(r.get("NoiNopHoSo").asText()));
      assertTrue(r.get("ChuHoSo").asText().split(" ").length >= 3);
      String status = r.get("TrangThaiHoSo").asText();
      statuses.add(status);
      if (status.equals("3")) {
        assertFalse(r.get("NgayTuChoi").asText().isEmpty());
        assertTrue(r.get("NgayTiepNhan").asText().isEmpty());
      }
      if (status.equals("9") || status.equals("10")) {
        assertFalse(r.get("NgayKetThucXuLy").asText().isEmpty());
        assertEquals(1, r.get("DanhSachGiayToKetQua").size());
      }
      if (r.get("TrichYeuHoSo").asText().contains(r.get("ChuHoSo").asText())) {
        withNameInSummary++;
      }
      Matcher m = GeneratedFeed.MA_HO_SO.matcher(r.get("MaHoSo").asText());
      assertTrue(m.matches());
      String submitted = r.get("NgayNopHoSo").asText();
      assertEquals(submitted.substring(2, 8), m.group(3), "MaHoSo date is the submission date");
    }
    assertEquals(Set.of("1", "2", "3", "4", "5", "7", "9", "10"), statuses);
    assertTrue(withNameInSummary > 100, "summaries with the applicant's name: " + withNameInSummary);
  }

  @Test
  void agencyCodesFollowTheEraOfAcceptance() {
    ProvinceDirectory dir = ProvinceDirectory.fromClasspath();
    Set<String> former = dir.provinces(Era.FORMER).stream().map(Province::dvcqgCode).collect(Collectors.toSet());
    Set<String> current = dir.provinces(Era.CURRENT).stream().map(Province::dvcqgCode).collect(Collectors.toSet());
    Set<String> formerOnly = new HashSet<>(former);
    formerOnly.removeAll(current);
    Set<String> seenBefore = new HashSet<>();
    Set<String> seenAfter = new HashSet<>();
    Map<String, String> levelByCode = new TreeMap<>();
    for (GeneratedFeed.Line l : feed.records) {
      if (!l.valid()) {
        continue;
      }
      JsonNode r = l.json();
      String accepted = r.get("NgayTiepNhan").asText();
      LocalDate era = GeneratedFeed.date(accepted.isEmpty() ? r.get("NgayNopHoSo").asText() : accepted);
      Matcher m = GeneratedFeed.MA_HO_SO.matcher(r.get("MaHoSo").asText());
      assertTrue(m.matches());
      String name = r.get("DonViXuLy").asText();
      String level = GeneratedFeed.level(name);
      if (era.isBefore(LocalDate.of(2025, 7, 1))) {
        assertTrue(former.contains(m.group(2)), r.get("MaHoSo").asText());
        assertFalse(name.startsWith("UBND đặc khu "), name);
        seenBefore.add(m.group(2));
      } else {
        assertTrue(current.contains(m.group(2)), r.get("MaHoSo").asText());
        assertFalse(level.equals("district") || name.startsWith("UBND thị trấn "), name);
        seenAfter.add(m.group(2));
      }
      String previous = levelByCode.put(m.group(1) + (era.isBefore(LocalDate.of(2025, 7, 1)) ? "F" : "C"), name);
      assertTrue(previous == null || previous.equals(name), "one name per agency code and era: " + m.group(1));
    }
    assertTrue(seenBefore.stream().anyMatch(formerOnly::contains), "former-only H codes before 1/7/2025");
    assertTrue(seenAfter.stream().noneMatch(formerOnly::contains), "no former-only H code from 1/7/2025");
    assertEquals(current, seenAfter);
    assertTrue(levelByCode.values().stream().anyMatch(n -> GeneratedFeed.level(n).equals("district")));
  }

  @Test
  void aDayHoldsWhatArrivedThatDayInOrder() {
    LocalDate previousDay = null;
    for (GeneratedFeed.Line l : feed.records) {
      if (previousDay != null) {
        assertFalse(l.day().isBefore(previousDay));
      }
      previousDay = l.day();
    }
    // a record arrives on or after the day of its latest timestamp; acceptance records on the day
    // of acceptance, except those delivered after their events (injected)
    long late = 0;
    for (GeneratedFeed.Line l : feed.records) {
      if (!l.valid()) {
        continue;
      }
      LocalDate latest = null;
      for (String f : GeneratedFeed.TIMESTAMPS) {
        LocalDate d = GeneratedFeed.date(l.json().get(f).asText());
        if (d != null && !f.equals("NgayHenTra") && (latest == null || d.isAfter(latest))) {
          latest = d;
        }
      }
      assertFalse(l.day().isBefore(latest), l.text());
      if (l.json().get("TrangThaiHoSo").asText().equals("2") && !l.day().equals(latest)) {
        late++;
      }
    }
    assertEquals(feed.manifest.get("injected").get("events_before_create").asLong(), late);
  }

  private static List<String> iterate(Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
