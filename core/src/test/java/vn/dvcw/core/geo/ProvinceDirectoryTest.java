package vn.dvcw.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class ProvinceDirectoryTest {

  private final ProvinceDirectory dir = ProvinceDirectory.fromClasspath();

  @Test
  void countsPerEra() {
    assertEquals(63, dir.provinces(Era.FORMER).size());
    assertEquals(34, dir.provinces(Era.CURRENT).size());
    assertEquals(97, dir.provinces().size());
    assertEquals(63, dir.lineage().size());
  }

  @Test
  void provinceKeysAreUniqueAcrossEras() {
    Set<String> keys = dir.provinces().stream().map(Province::provinceKey)
        .collect(Collectors.toSet());
    assertEquals(97, keys.size());
    assertEquals("Yên Bái", dir.byKey("F15").orElseThrow().name());
    assertEquals("Lào Cai", dir.byKey("C15").orElseThrow().name());
  }

  @Test
  void eachFormerProvinceAppearsExactlyOnceInTheLineage() {
    Map<String, Long> counts = dir.lineage().stream()
        .collect(Collectors.groupingBy(LineageLink::formerCode, Collectors.counting()));
    for (Province p : dir.provinces(Era.FORMER)) {
      assertEquals(1L, counts.get(p.code()), p.label());
    }
    for (LineageLink link : dir.lineage()) {
      assertTrue(dir.byCode(Era.CURRENT, link.currentCode()).isPresent(), link.toString());
      assertEquals(Era.REORGANISATION_DATE, link.effectiveDate());
    }
  }

  @Test
  void elevenProvincesAreUnchanged() {
    Set<String> unchanged = new TreeSet<>();
    for (Province current : dir.provinces(Era.CURRENT)) {
      List<Province> parts = dir.formerPartsOf(current.code());
      if (parts.size() == 1 && parts.get(0).code().equals(current.code())
          && parts.get(0).name().equals(current.name())) {
        unchanged.add(current.name());
      }
    }
    assertEquals(new TreeSet<>(Set.of("Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La",
        "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng")), unchanged);
  }

  @Test
  void everyCurrentProvinceHasFormerPartsAndPartsSumTo63() {
    int total = 0;
    for (Province current : dir.provinces(Era.CURRENT)) {
      List<Province> parts = dir.formerPartsOf(current.code());
      assertTrue(!parts.isEmpty() && parts.size() <= 3, current.label() + " " + parts);
      total += parts.size();
    }
    assertEquals(63, total);
  }

  @Test
  void lineageLookups() {
    assertEquals("79", dir.currentCodeOf("74").orElseThrow()); // Bình Dương → Hồ Chí Minh
    assertEquals("15", dir.currentCodeOf("15").orElseThrow()); // Yên Bái → Lào Cai
    assertEquals("15", dir.currentCodeOf("10").orElseThrow()); // Lào Cai → Lào Cai
    assertEquals("24", dir.currentCodeOf("27").orElseThrow()); // Bắc Ninh → Bắc Ninh (new code)
    assertTrue(dir.currentCodeOf("99").isEmpty());
    assertEquals(List.of("Quảng Ngãi", "Kon Tum"),
        dir.formerPartsOf("51").stream().map(Province::name).toList());
    assertEquals(List.of("Bình Dương", "Bà Rịa - Vũng Tàu", "Hồ Chí Minh"),
        dir.formerPartsOf("79").stream().map(Province::name).toList());
    assertTrue(dir.formerPartsOf("74").isEmpty());
  }

  @Test
  void defaultsForColumnsNotYetFilled() {
    Province f = dir.byCode(Era.FORMER, "77").orElseThrow();
    assertEquals("Ba Ria - Vung Tau", f.nameAscii());
    assertEquals(LocalDate.of(2025, 6, 30), f.validTo());
    assertTrue(f.validFrom().isBefore(LocalDate.of(2020, 1, 1)));
    Province c = dir.byCode(Era.CURRENT, "79").orElseThrow();
    assertEquals(LocalDate.of(2025, 7, 1), c.validFrom());
    assertNull(c.validTo());
    assertEquals("thành phố trực thuộc trung ương", c.unitType());
  }

  @Test
  void statusHistoryAlwaysHasAVersionInForce() {
    for (Province p : dir.provinces()) {
      assertTrue(!dir.statusHistory(p.era(), p.code()).isEmpty(), p.label());
      LocalDate day = p.era() == Era.FORMER ? LocalDate.of(2025, 6, 30) : LocalDate.of(2025, 8, 1);
      assertEquals(p.name(), dir.statusOn(p.era(), p.code(), day).orElseThrow().name(), p.label());
    }
    assertTrue(dir.statusOn(Era.CURRENT, "74", LocalDate.of(2025, 8, 1)).isEmpty());
  }

  @Test
  void eraHelpers() {
    assertEquals(Era.FORMER, Era.of(LocalDate.of(2025, 6, 30)));
    assertEquals(Era.CURRENT, Era.of(LocalDate.of(2025, 7, 1)));
    assertEquals("former", Era.FORMER.sqlName());
    assertEquals("current", Era.CURRENT.sqlName());
    assertEquals(Era.CURRENT, Era.parse("Current"));
  }

  @Test
  void classpathDirectoryIsCachedAndSerialisable() throws IOException, ClassNotFoundException {
    assertSame(dir, ProvinceDirectory.fromClasspath());
    ProvinceDirectory copy = roundTrip(dir);
    assertEquals(dir.provinces(), copy.provinces());
    assertEquals(dir.lineage(), copy.lineage());
    ProvinceResolver resolver = roundTrip(ProvinceResolver.standard());
    assertEquals("C79", resolver.resolve("TP.HCM", LocalDate.of(2025, 8, 1)).provinceKey());
    assertEquals(new HashSet<>(dir.aliases()), new HashSet<>(copy.aliases()));
  }

  @SuppressWarnings("unchecked")
  static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
