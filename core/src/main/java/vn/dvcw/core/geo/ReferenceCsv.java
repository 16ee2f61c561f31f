package vn.dvcw.core.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.dvcw.core.CsvCells;

/**
 * A small UTF-8 CSV file with a header row (RFC 4180 quoting, BOM tolerated, blank and
 * all-empty lines skipped).
 * Columns are looked up by header name, so extra columns are ignored and missing ones read as empty.
 */
final class ReferenceCsv {

  /** One data row with its 1-based line number, for error messages. */
  static final class Row {
    private final String file;
    private final int line;
    private final Map<String, String> values;

    Row(String file, int line, Map<String, String> values) {
      this.file = file;
      this.line = line;
      this.values = values;
    }

    /** Returns the trimmed NFC value of {@code column}, or null if the column is absent or empty. */
    String get(String column) {
      String v = values.get(column);
      if (v == null || v.isBlank()) {
        return null;
      }
      return ProvinceNames.nfc(v.strip());
    }

    /** Returns the value of {@code column}, failing if it is absent or empty. */
    String require(String column) {
      String v = get(column);
      if (v == null) {
        throw problem("missing value in column '" + column + "'");
      }
      return v;
    }

    /** Returns the ISO date in {@code column}, or {@code fallback} if the cell is empty. */
    LocalDate date(String column, LocalDate fallback) {
      String v = get(column);
      if (v == null) {
        return fallback;
      }
      try {
        return LocalDate.parse(v);
      } catch (DateTimeParseException e) {
        throw problem("column '" + column + "' is not an ISO date: '" + v + "'");
      }
    }

    /** Returns an exception naming this row. */
    IllegalStateException problem(String message) {
      return new IllegalStateException(file + " line " + line + " " + values + ": " + message);
    }
  }

  private ReferenceCsv() {}

  /** Reads every data row of {@code in} (closing it); {@code file} is used in messages. */
  static List<Row> read(InputStream in, String file) {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<Row> rows = new ArrayList<>();
      List<String> header = null;
      String text;
      int lineNo = 0;
      while ((text = reader.readLine()) != null) {
        lineNo++;
        int startLine = lineNo;
        while (CsvCells.hasOpenQuote(text)) {
          String more = reader.readLine();
          if (more == null) {
            throw new IllegalStateException(file + " line " + startLine + ": unterminated quote");
          }
          lineNo++;
          text = text + "\n" + more;
        }
        if (header == null) {
          header = new ArrayList<>();
          for (String h : CsvCells.split(text.replace("\uFEFF", ""))) {
            header.add(h.strip().toLowerCase());
          }
          continue;
        }
        if (text.isBlank()) {
          continue;
        }
        List<String> cells = CsvCells.split(text);
        if (cells.stream().allMatch(String::isBlank)) {
          continue; // a spreadsheet's ",,,," line
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < header.size() && i < cells.size(); i++) {
          values.put(header.get(i), cells.get(i));
        }
        rows.add(new Row(file, startLine, values));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
