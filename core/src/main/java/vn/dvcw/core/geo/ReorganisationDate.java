package vn.dvcw.core.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import vn.dvcw.core.CsvCells;

/**
 * The day the 34-province map took effect, read from the reference data ({@code effective_date} of
 * {@code /reference/province_lineage.csv}, Resolution 202/2025/QH15) so that code, SQL models (which read
 * {@code ref.province_lineage}) and charts share one definition. Every lineage link must carry the same date.
 */
final class ReorganisationDate {
  static final String RESOURCE = "/reference/province_lineage.csv";

  private ReorganisationDate() {}

  static LocalDate fromReferenceData() {
    try (InputStream in = ReorganisationDate.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing reference file " + RESOURCE + " on the class path");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> header = CsvCells.split(lines.readLine());
      int column = header.indexOf("effective_date");
      if (column < 0) {
        throw new IllegalStateException(RESOURCE + " has no effective_date column");
      }
      TreeSet<LocalDate> dates = new TreeSet<>();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isBlank()) {
          dates.add(LocalDate.parse(CsvCells.split(line).get(column).strip()));
        }
      }
      if (dates.size() != 1) {
        throw new IllegalStateException(RESOURCE + " must give one effective date for every link, found " + dates);
      }
      return dates.first();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
