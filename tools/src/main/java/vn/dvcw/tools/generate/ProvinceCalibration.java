package vn.dvcw.tools.generate;

import java.util.List;

/**
 * The seed figures of one current (34-map) province that the generator is calibrated on: one row of
 * {@code generate/calibration.csv}. Every number is copied from a seed document, none is derived, so
 * the file can be checked against the documents digit by digit ({@link CalibrationDerivation}).
 *
 * @param code two-digit GSO code of the current province ({@code province_current.csv})
 * @param name its name without the unit-type prefix
 * @param julyOnlineReceived Công văn 7260/VPCP-KSTT appendix: online dossiers received from DVCQG and
 *     processed, 1-31/7/2025 ("Tổng số hồ sơ tiếp nhận, giải quyết")
 * @param julyProcessedOnTime 7260: of those, processed on time
 * @param julyReceivedLate 7260: online dossiers accepted late (more than one working day after
 *     submission, Art. 17-18 Decree 118/2025); "-" is 0
 * @param julyOverdueOpen 7260: dossiers received in July still in processing past their due date
 * @param directProvince report 20-BCHN/CQTTBCĐ Phụ lục 8 III (01/7-09/8/2025): in-person dossiers at
 *     province-level units
 * @param directCommune 20-BCHN III: in-person dossiers at commune-level units
 * @param onlineProvince 20-BCHN III: online dossiers at province-level units
 * @param onlineCommune 20-BCHN III: online dossiers at commune-level units
 * @param communes 20-BCHN Phụ lục 4 (commune coverage): number of communes of the province
 */
public record ProvinceCalibration(
    String code,
    String name,
    long julyOnlineReceived,
    long julyProcessedOnTime,
    long julyReceivedLate,
    long julyOverdueOpen,
    long directProvince,
    long directCommune,
    long onlineProvince,
    long onlineCommune,
    long communes) {

  /** The CSV header, in column order. */
  public static final String HEADER = "province_code,province_name,july_online_received,july_processed_on_time,"
      + "july_received_late,july_overdue_open,direct_province,direct_commune,online_province,online_commune,communes";

  /** Parses one data line of the CSV (no quoting: names contain no commas). */
  public static ProvinceCalibration parse(String line) {
    String[] c = line.split(",", -1);
    if (c.length != 11) {
      throw new IllegalArgumentException("calibration row needs 11 columns: " + line);
    }
    return new ProvinceCalibration(c[0], c[1], Long.parseLong(c[2]), Long.parseLong(c[3]), Long.parseLong(c[4]),
        Long.parseLong(c[5]), Long.parseLong(c[6]), Long.parseLong(c[7]), Long.parseLong(c[8]),
        Long.parseLong(c[9]), Long.parseLong(c[10]));
  }

  /** This row as a CSV line. */
  public String toCsv() {
    return String.join(",", List.of(code, name, Long.toString(julyOnlineReceived), Long.toString(julyProcessedOnTime),
        Long.toString(julyReceivedLate), Long.toString(julyOverdueOpen), Long.toString(directProvince),
        Long.toString(directCommune), Long.toString(onlineProvince), Long.toString(onlineCommune),
        Long.toString(communes)));
  }

  /** All dossiers of 20-BCHN III, both levels and channels: the province's relative volume. */
  public long totalDossiers() {
    return directProvince + directCommune + onlineProvince + onlineCommune;
  }

  /** Share of the province's dossiers handled by province-level units (20-BCHN III). */
  public double provinceLevelShare() {
    return (double) (directProvince + onlineProvince) / totalDossiers();
  }

  /** Online rate of province-level units (20-BCHN III). */
  public double onlineRateProvinceLevel() {
    return rate(onlineProvince, directProvince);
  }

  /** Online rate of commune-level units (20-BCHN III). */
  public double onlineRateCommuneLevel() {
    return rate(onlineCommune, directCommune);
  }

  /** Online rate of all units (20-BCHN III, the "Tổng" column). */
  public double onlineRateAll() {
    return rate(onlineProvince + onlineCommune, directProvince + directCommune);
  }

  /** Share of July's online DVCQG dossiers accepted late (7260). */
  public double lateAcceptanceShare() {
    return julyOnlineReceived == 0 ? 0 : (double) julyReceivedLate / julyOnlineReceived;
  }

  /** Share of July's online DVCQG dossiers overdue and still open (7260). */
  public double overdueOpenShare() {
    return julyOnlineReceived == 0 ? 0 : (double) julyOverdueOpen / julyOnlineReceived;
  }

  /** Share of July's online DVCQG dossiers processed on time (7260). */
  public double onTimeShare() {
    return julyOnlineReceived == 0 ? 1 : (double) julyProcessedOnTime / julyOnlineReceived;
  }

  private static double rate(long online, long direct) {
    long total = online + direct;
    return total == 0 ? 0 : (double) online / total;
  }
}
