package vn.dvcw.tools.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The procedures the generator files dossiers under, read from {@code /generate/procedures.psv}
 * (pipe-separated: names contain commas).
 *
 * <p>Sources and status of the columns. Codes {@code 1.001193} (khai sinh), {@code 1.000689},
 * {@code 1.000894}, {@code 1.000656}, {@code 1.004873}, {@code 1.004884}, {@code 2.000635},
 * {@code 2.000815}, {@code 2.000884}, {@code 2.000528}, {@code 2.000806}, {@code 1.001776},
 * {@code 1.001699}, {@code 1.001731}, {@code 1.011607}, {@code 2.000720}, {@code 1.001570},
 * {@code 1.001266}, {@code 1.013225}, {@code 1.012753}, {@code 1.014199}, {@code 3.000182} are paired with
 * these names in public code that asserts them against a copy of the DVCQG catalogue (a 2026 chatbot test
 * set, code index id 71365265373; {@code 1.001193} also in 69866865044); the other codes have
 * the national format (spec §5.1) but their pairing is illustrative. {@code MaLinhVuc} values follow
 * the spec's {@code <ministry>-<field>} pattern; only {@code G03-GD10} (Giáo dục Trung học) is a seen
 * value, the rest are invented. Levels follow the 2025 decentralisation: district procedures
 * (household business, house building permits, first land certificates, foreign-element civil status,
 * lower-secondary admission) move to communes from 1/7/2025; driving-licence exchange moves from the
 * transport department to the provincial police, business registration from the planning to the finance
 * department, labour from the labour to the home-affairs department (department mergers of 1/3/2025;
 * the generator switches names with the era on 1/7/2025). Statutory times, fees and weights are
 * plausible values chosen for realism, not quotations; one land-information procedure is given no
 * deadline so that dossiers without {@code NgayHenTra} occur.
 */
final class ProcedureCatalogue {
  private final List<Procedure> procedures;

  private ProcedureCatalogue(List<Procedure> procedures) {
    this.procedures = List.copyOf(procedures);
  }

  static ProcedureCatalogue load() {
    try (InputStream in = ProcedureCatalogue.class.getResourceAsStream("/generate/procedures.psv")) {
      if (in == null) {
        throw new IllegalStateException("resource /generate/procedures.psv missing");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<Procedure> list = new ArrayList<>();
      String header = r.readLine();
      if (header == null || !header.startsWith("code|")) {
        throw new IllegalStateException("procedures.psv: bad header");
      }
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String[] c = line.split("\\|", -1);
        if (c.length != 15) {
          throw new IllegalStateException("procedures.psv: 15 columns expected: " + line);
        }
        int i = list.size();
        String feeCode = "LP." + c[0];
        Procedure.Json json = new Procedure.Json(JsonSink.quoted(c[0]), JsonSink.quoted(c[1]), JsonSink.quoted(c[2]),
            JsonSink.quoted(c[3]), JsonSink.quoted(c[11]), JsonSink.quoted(feeCode), JsonSink.quoted(c[12]),
            JsonSink.quoted("KQ." + c[0]), JsonSink.escaped(c[1]),
            JsonSink.escaped(Character.toLowerCase(c[1].charAt(0)) + c[1].substring(1)));
        list.add(new Procedure(i, c[0], c[1], c[2], c[3], Level.parse(c[4]), Level.parse(c[5]), c[6], c[7],
            Integer.parseInt(c[8]), Long.parseLong(c[9]), Integer.parseInt(c[10]), c[11], c[12], c[13].equals("b"),
            Double.parseDouble(c[14]), Procedure.summaryKind(c[1]), json));
      }
      return new ProcedureCatalogue(list);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Procedure> all() {
    return procedures;
  }

  /** Procedures handled at {@code level} in the era, by units of kind {@code unitKey} (null = any). */
  List<Procedure> at(boolean currentEra, Level level, String unitKey) {
    List<Procedure> out = new ArrayList<>();
    for (Procedure p : procedures) {
      if (p.level(currentEra) == level && (unitKey == null || unitKey.equals(p.unitKey(currentEra)))) {
        out.add(p);
      }
    }
    return out;
  }
}
