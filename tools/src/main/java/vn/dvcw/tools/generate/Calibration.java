package vn.dvcw.tools.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generator's calibration resources:
 *
 * <ul>
 *   <li>{@code /generate/calibration.csv}: per current province, the seed figures of 7260/VPCP-KSTT and
 *       20-BCHN/CQTTBCĐ ({@link ProvinceCalibration}; derived by {@link CalibrationDerivation}, pinned to
 *       the seeds by a test);
 *   <li>{@code /generate/former_population.csv}: average population 2023 of the 63 former provinces in
 *       thousands (rounded; figures of the GSO statistical yearbook 2023 as remembered, not re-checked
 *       against the yearbook: they serve only as relative weights to split a merged current province's
 *       volume over its former parts, where an error of a few per cent changes nothing visible).
 * </ul>
 */
final class Calibration {
  private final Map<String, ProvinceCalibration> byCurrentCode;
  private final Map<String, Integer> populationByFormerCode;

  private Calibration(Map<String, ProvinceCalibration> byCurrentCode, Map<String, Integer> population) {
    this.byCurrentCode = byCurrentCode;
    this.populationByFormerCode = population;
  }

  static Calibration load() {
    Map<String, ProvinceCalibration> rows = new LinkedHashMap<>();
    for (String line : lines("/generate/calibration.csv", ProvinceCalibration.HEADER)) {
      ProvinceCalibration c = ProvinceCalibration.parse(line);
      rows.put(c.code(), c);
    }
    Map<String, Integer> population = new LinkedHashMap<>();
    for (String line : lines("/generate/former_population.csv", "former_code,name,population_thousands")) {
      String[] c = line.split(",", -1);
      population.put(c[0], Integer.parseInt(c[2]));
    }
    if (rows.size() != 34 || population.size() != 63) {
      throw new IllegalStateException("calibration needs 34 current and 63 former provinces, got " + rows.size()
          + " and " + population.size());
    }
    return new Calibration(Map.copyOf(rows), Map.copyOf(population));
  }

  /** The resource rows in file order (for tests). */
  static List<ProvinceCalibration> resourceRows() {
    List<ProvinceCalibration> out = new ArrayList<>();
    for (String line : lines("/generate/calibration.csv", ProvinceCalibration.HEADER)) {
      out.add(ProvinceCalibration.parse(line));
    }
    return out;
  }

  ProvinceCalibration current(String code) {
    ProvinceCalibration c = byCurrentCode.get(code);
    if (c == null) {
      throw new IllegalStateException("no calibration row for current province " + code);
    }
    return c;
  }

  int population(String formerCode) {
    Integer p = populationByFormerCode.get(formerCode);
    if (p == null) {
      throw new IllegalStateException("no population for former province " + formerCode);
    }
    return p;
  }

  private static List<String> lines(String resource, String header) {
    try (InputStream in = Calibration.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " missing");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String first = r.readLine();
      if (!header.equals(first)) {
        throw new IllegalStateException(resource + ": header must be '" + header + "'");
      }
      List<String> out = new ArrayList<>();
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          out.add(line);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
