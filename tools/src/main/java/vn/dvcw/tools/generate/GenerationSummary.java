package vn.dvcw.tools.generate;

import java.util.Map;

/**
 * What a run wrote (also in {@code manifest.json}, except the time).
 *
 * @param dossiers dossiers with at least one message in the files
 * @param files files written under {@code feed/}
 * @param records lines written (dossier records + event envelopes, injected copies included)
 * @param dossierRecords lines in the {@code dossiers} files
 * @param eventLines lines in the {@code events} files
 * @param events events inside the event envelopes
 * @param bytes bytes of the {@code feed/} files
 * @param injected injected noise by kind (manifest names)
 * @param seconds wall-clock duration (printed, never written to a file)
 */
public record GenerationSummary(long dossiers, long files, long records, long dossierRecords, long eventLines,
    long events, long bytes, Map<String, Long> injected, double seconds) {

  /** Dossiers per second of wall-clock time. */
  public double dossiersPerSecond() {
    return seconds > 0 ? dossiers / seconds : 0;
  }
}
