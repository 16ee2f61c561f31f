package vn.dvcw.tools.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.dvcw.core.documents.DocumentKind;
import vn.dvcw.core.documents.DocumentReader;
import vn.dvcw.core.documents.Observation;
import vn.dvcw.core.documents.ParsedDocument;
import vn.dvcw.core.documents.SourceDocument;
import vn.dvcw.core.geo.Era;
import vn.dvcw.core.geo.Province;
import vn.dvcw.core.geo.ProvinceResolver;
import vn.dvcw.core.geo.Resolution;

/**
 * Builds the rows of {@code generate/calibration.csv} from the parsed seed documents, so that the
 * committed resource is a pure copy of the seeds: Công văn 7260/VPCP-KSTT (table {@code appendix}:
 * {@code received_processed}, {@code processed_on_time}, {@code received_late},
 * {@code overdue_in_processing}) and report 20-BCHN/CQTTBCĐ (table {@code dossiers_cumulative}, levels
 * province and commune, measures {@code direct} and {@code online}; table {@code commune_coverage},
 * measure {@code communes}). Province names as printed are resolved with the warehouse's
 * {@link ProvinceResolver} at each table's period end (all in the 34-province era).
 *
 * <p>Run {@code main} with the seed folder to print the CSV (how the resource was made); the test
 * {@code CalibrationResourceTest} fails when the resource and the seeds disagree.
 */
public final class CalibrationDerivation {
  private CalibrationDerivation() {}

  /** The calibration rows, ordered by province code; fails if a province is missing from a table. */
  public static List<ProvinceCalibration> derive(ParsedDocument letter7260, ParsedDocument report20) {
    require(letter7260, DocumentKind.MONTHLY_RECEIPT_LETTER);
    require(report20, DocumentKind.STEERING_DAILY_REPORT);
    ProvinceResolver resolver = ProvinceResolver.standard();
    Map<String, long[]> byCode = new TreeMap<>();
    collect(letter7260, "appendix", null, "received_processed", 0, byCode, resolver);
    collect(letter7260, "appendix", null, "processed_on_time", 1, byCode, resolver);
    collect(letter7260, "appendix", null, "received_late", 2, byCode, resolver);
    collect(letter7260, "appendix", null, "overdue_in_processing", 3, byCode, resolver);
    collect(report20, "dossiers_cumulative", "province", "direct", 4, byCode, resolver);
    collect(report20, "dossiers_cumulative", "commune", "direct", 5, byCode, resolver);
    collect(report20, "dossiers_cumulative", "province", "online", 6, byCode, resolver);
    collect(report20, "dossiers_cumulative", "commune", "online", 7, byCode, resolver);
    collect(report20, "commune_coverage", null, "communes", 8, byCode, resolver);
    List<ProvinceCalibration> rows = new ArrayList<>();
    for (Province p : resolver.directory().provinces(Era.CURRENT)) {
      long[] v = byCode.get(p.code());
      if (v == null) {
        throw new IllegalStateException("no seed figures for current province " + p.label());
      }
      for (int i = 0; i < v.length; i++) {
        if (v[i] < 0) {
          throw new IllegalStateException("seed figure " + i + " missing for " + p.label());
        }
      }
      rows.add(new ProvinceCalibration(p.code(), p.name(), v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]));
    }
    rows.sort((a, b) -> a.code().compareTo(b.code()));
    return rows;
  }

  private static void require(ParsedDocument d, DocumentKind kind) {
    if (d.identity().kind() != kind) {
      throw new IllegalArgumentException("expected a " + kind.sqlName() + ", got " + d.identity().kind().sqlName());
    }
  }

  private static void collect(ParsedDocument d, String table, String level, String measure, int slot,
      Map<String, long[]> byCode, ProvinceResolver resolver) {
    int seen = 0;
    for (Observation o : d.observations(table, measure)) {
      if (level != null && !level.equals(o.level())) {
        continue;
      }
      Resolution r = resolver.resolve(o.provinceRaw(), o.periodEnd());
      if (!r.resolved() || r.province().era() != Era.CURRENT) {
        throw new IllegalStateException("'" + o.provinceRaw() + "' in " + table + " does not resolve to a current "
            + "province: " + r.reason());
      }
      long[] v = byCode.computeIfAbsent(r.code(), k -> filled(9));
      if (v[slot] >= 0) {
        throw new IllegalStateException("two rows for " + r.province().label() + " in " + table + "/" + measure);
      }
      v[slot] = o.value().longValueExact();
      seen++;
    }
    if (seen != 34) {
      throw new IllegalStateException(table + "/" + measure + (level == null ? "" : "/" + level) + ": " + seen
          + " province rows, expected 34");
    }
  }

  private static long[] filled(int n) {
    long[] v = new long[n];
    java.util.Arrays.fill(v, -1);
    return v;
  }

  /** Reads the seed whose content is of {@code kind} from {@code folder}. */
  public static ParsedDocument readSeed(Path folder, DocumentKind kind) throws IOException {
    try (var files = Files.list(folder)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        SourceDocument doc;
        try {
          doc = SourceDocument.of(p.toString(), Files.readAllBytes(p));
        } catch (SourceDocument.MalformedInputException e) {
          continue;
        }
        if (DocumentReader.recognise(doc) == kind) {
          return DocumentReader.read(doc);
        }
      }
    }
    throw new IllegalStateException("no " + kind.sqlName() + " among the seeds in " + folder);
  }

  /** Prints the calibration CSV derived from the seeds in folder {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args.length > 0 ? args[0] : "inputs/documents");
    List<ProvinceCalibration> rows = derive(readSeed(folder, DocumentKind.MONTHLY_RECEIPT_LETTER),
        readSeed(folder, DocumentKind.STEERING_DAILY_REPORT));
    System.out.println(ProvinceCalibration.HEADER);
    rows.forEach(r -> System.out.println(r.toCsv()));
  }
}
