package vn.dvcw.tools.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.dvcw.core.documents.DocumentKind;

/**
 * {@code generate/calibration.csv} is exactly what the seed documents say: parsed with the warehouse's
 * own {@link vn.dvcw.core.documents.DocumentReader}, so the resource cannot drift from the seeds.
 */
@Tag("fast")
class GeneratorCalibrationResourceTest {
  static final Path SEEDS = Path.of("..", "inputs", "documents").toAbsolutePath().normalize();

  @Test
  void resourceEqualsTheSeeds() throws IOException {
    List<ProvinceCalibration> fromSeeds = CalibrationDerivation.derive(
        CalibrationDerivation.readSeed(SEEDS, DocumentKind.MONTHLY_RECEIPT_LETTER),
        CalibrationDerivation.readSeed(SEEDS, DocumentKind.STEERING_DAILY_REPORT));
    assertEquals(fromSeeds, Calibration.resourceRows());
  }

  @Test
  void resourceTotalsMatchThePrintedTotals() {
    List<ProvinceCalibration> rows = Calibration.resourceRows();
    assertEquals(34, rows.size());
    assertEquals(1_777_005, rows.stream().mapToLong(ProvinceCalibration::julyOnlineReceived).sum());
    assertEquals(37_731, rows.stream().mapToLong(ProvinceCalibration::julyReceivedLate).sum());
    assertEquals(87_939, rows.stream().mapToLong(ProvinceCalibration::julyOverdueOpen).sum());
    assertEquals(7_930_179, rows.stream().mapToLong(ProvinceCalibration::totalDossiers).sum());
    assertEquals(5_766_983, rows.stream().mapToLong(r -> r.onlineProvince() + r.onlineCommune()).sum());
    assertEquals(3_321, rows.stream().mapToLong(ProvinceCalibration::communes).sum());
    ProvinceCalibration sonLa = rows.stream().filter(r -> r.code().equals("14")).findFirst().orElseThrow();
    assertEquals(0.3334, sonLa.onlineRateAll(), 0.00005);
  }
}
