package vn.dvcw.tools.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Arguments of one generation run.
 *
 * @param from first submission/arrival day (inclusive)
 * @param to last day (inclusive); nothing arrives after it and the truth is as of its end
 * @param scale 1 = a national-size year (≈ 70 M dossiers); must be in (0, {@link #MAX_SCALE}]
 * @param seed run seed: the same arguments give byte-identical output
 * @param out output folder
 * @param force allow a non-empty folder (the generator's own outputs in it are replaced)
 * @param threads worker threads (≥ 1); the output does not depend on it
 */
public record GenerateOptions(LocalDate from, LocalDate to, double scale, long seed, Path out, boolean force,
    int threads) {

  /**
   * Largest scale: at 10 × national volume the busiest unit (a land registration office of Hồ Chí Minh
   * City) nears the 99,999 dossiers a day that a 5-digit MaHoSo sequence allows.
   */
  public static final double MAX_SCALE = 10;

  public GenerateOptions {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(out, "out");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    }
    if (!(scale > 0) || scale > MAX_SCALE) {
      throw new IllegalArgumentException("--scale must be > 0 and at most " + MAX_SCALE + " (got " + scale + ")");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
  }

  /** Options with one worker thread per available processor. */
  public static GenerateOptions of(LocalDate from, LocalDate to, double scale, long seed, Path out, boolean force) {
    return new GenerateOptions(from, to, scale, seed, out, force, Runtime.getRuntime().availableProcessors());
  }
}
