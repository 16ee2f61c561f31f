package vn.dvcw.core.geo;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and validates the reference CSV files behind a {@link ProvinceDirectory}. */
final class ProvinceDirectoryLoader {

  static final String FORMER_FILE = "province_former.csv";
  static final String CURRENT_FILE = "province_current.csv";
  static final String LINEAGE_FILE = "province_lineage.csv";
  static final String STATUS_FILE = "province_status.csv";
  static final String ALIAS_FILE = "province_alias.csv";

  static final int FORMER_COUNT = 63;
  static final int CURRENT_COUNT = 34;
  /** Default start of the former map when the file has no valid_from (Hà Tây merged into Hà Nội). */
  static final LocalDate FORMER_DEFAULT_FROM = LocalDate.of(2008, 8, 1);

  private static final Pattern CODE = Pattern.compile("\\d{2}");
  /** "H56", or a full provincial agency code such as "000.00.00.H56". */
  static final Pattern DVCQG =
      Pattern.compile("(?:[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.)?(H\\d{2})");

  private final Function<String, InputStream> opener;

  /** {@code opener} returns the stream of a reference file by name, or null if it does not exist. */
  ProvinceDirectoryLoader(Function<String, InputStream> opener) {
    this.opener = opener;
  }

  ProvinceDirectory load() {
    Map<String, Province> former = provinces(Era.FORMER, FORMER_FILE, FORMER_COUNT);
    Map<String, Province> current = provinces(Era.CURRENT, CURRENT_FILE, CURRENT_COUNT);
    List<LineageLink> lineage = lineage(former, current);
    List<ProvinceStatus> status = status(former, current);
    List<ProvinceAlias> aliases = aliases(former, current);
    List<Province> all = new ArrayList<>(former.values());
    all.addAll(current.values());
    return new ProvinceDirectory(all, lineage, status, aliases);
  }

  private List<ReferenceCsv.Row> rows(String file, boolean required) {
    InputStream in = opener.apply(file);
    if (in == null) {
      if (required) {
        throw new IllegalStateException("reference file " + file + " not found");
      }
      return List.of();
    }
    return ReferenceCsv.read(in, file);
  }

  private Map<String, Province> provinces(Era era, String file, int expected) {
    LocalDate defaultFrom = era == Era.FORMER ? FORMER_DEFAULT_FROM : Era.REORGANISATION_DATE;
    LocalDate defaultTo = era == Era.FORMER ? Era.LAST_FORMER_DAY : null;
    Map<String, Province> byCode = new LinkedHashMap<>();
    Map<String, String> dvcqgOwners = new HashMap<>();
    for (ReferenceCsv.Row row : rows(file, true)) {
      String code = code(row, "code");
      String name = row.require("name");
      String dvcqg = dvcqg(row);
      LocalDate from = row.date("valid_from", defaultFrom);
      LocalDate to = row.date("valid_to", defaultTo);
      checkOrder(row, from, to);
      if (era == Era.FORMER && (to == null || to.isAfter(Era.LAST_FORMER_DAY))) {
        throw row.problem("a former province must end by " + Era.LAST_FORMER_DAY);
      }
      if (era == Era.CURRENT && from.isBefore(Era.REORGANISATION_DATE)) {
        throw row.problem("a current province cannot start before " + Era.REORGANISATION_DATE);
      }
      if (dvcqg != null && dvcqgOwners.putIfAbsent(dvcqg, code) != null) {
        throw row.problem("dvcqg_code " + dvcqg + " already used by code " + dvcqgOwners.get(dvcqg));
      }
      Province p = new Province(Province.key(era, code), era, code, dvcqg, name,
          ProvinceNames.ascii(name), row.require("unit_type"), from, to);
      if (byCode.putIfAbsent(code, p) != null) {
        throw row.problem("duplicate code " + code);
      }
    }
    if (byCode.size() != expected) {
      throw new IllegalStateException(
          file + " has " + byCode.size() + " provinces, expected " + expected);
    }
    return byCode;
  }

  private List<LineageLink> lineage(Map<String, Province> former, Map<String, Province> current) {
    Map<String, LineageLink> byFormer = new LinkedHashMap<>();
    for (ReferenceCsv.Row row : rows(LINEAGE_FILE, true)) {
      String formerCode = code(row, "former_code");
      String currentCode = code(row, "current_code");
      if (!former.containsKey(formerCode)) {
        throw row.problem("former_code " + formerCode + " is not in " + FORMER_FILE);
      }
      if (!current.containsKey(currentCode)) {
        throw row.problem("current_code " + currentCode + " is not in " + CURRENT_FILE);
      }
      LocalDate effective = row.date("effective_date", Era.REORGANISATION_DATE);
      LineageLink link = new LineageLink(formerCode, currentCode, effective);
      if (byFormer.putIfAbsent(formerCode, link) != null) {
        throw row.problem("former_code " + formerCode + " appears more than once");
      }
    }
    for (Province p : former.values()) {
      if (!byFormer.containsKey(p.code())) {
        throw new IllegalStateException(
            LINEAGE_FILE + " has no row for former province " + p.label());
      }
    }
    for (Province p : current.values()) {
      if (byFormer.values().stream().noneMatch(l -> l.currentCode().equals(p.code()))) {
        throw new IllegalStateException(
            LINEAGE_FILE + " has no former part for current province " + p.label());
      }
    }
    return List.copyOf(byFormer.values());
  }

  private List<ProvinceStatus> status(Map<String, Province> former, Map<String, Province> current) {
    List<ProvinceStatus> out = new ArrayList<>();
    for (ReferenceCsv.Row row : rows(STATUS_FILE, false)) {
      Era era = era(row);
      String code = code(row, "code");
      Province p = (era == Era.FORMER ? former : current).get(code);
      if (p == null) {
        throw row.problem("no " + era.sqlName() + " province with code " + code);
      }
      LocalDate from = row.date("valid_from", null);
      LocalDate to = row.date("valid_to", null);
      checkOrder(row, from, to);
      out.add(new ProvinceStatus(era, code, row.require("name"),
          row.get("unit_type") == null ? p.unitType() : row.get("unit_type"), from, to,
          row.get("source")));
    }
    return out;
  }

  private List<ProvinceAlias> aliases(Map<String, Province> former, Map<String, Province> current) {
    List<ProvinceAlias> out = new ArrayList<>();
    for (ReferenceCsv.Row row : rows(ALIAS_FILE, false)) {
      String alias = row.require("alias");
      if (ProvinceNames.key(alias).isEmpty()) {
        throw row.problem("alias has no letters or digits");
      }
      Era era = era(row);
      String code = code(row, "code");
      if (!(era == Era.FORMER ? former : current).containsKey(code)) {
        throw row.problem("no " + era.sqlName() + " province with code " + code);
      }
      LocalDate from = row.date("valid_from", null);
      LocalDate to = row.date("valid_to", null);
      checkOrder(row, from, to);
      out.add(new ProvinceAlias(alias, era, code, from, to, row.get("note")));
    }
    return out;
  }

  private static Era era(ReferenceCsv.Row row) {
    try {
      return Era.parse(row.require("era"));
    } catch (IllegalArgumentException e) {
      throw row.problem(e.getMessage());
    }
  }

  private static String code(ReferenceCsv.Row row, String column) {
    String code = row.require(column);
    if (!CODE.matcher(code).matches()) {
      throw row.problem(column + " must be two digits, got '" + code + "'");
    }
    return code;
  }

  private static String dvcqg(ReferenceCsv.Row row) {
    String v = row.get("dvcqg_code");
    if (v == null) {
      return null;
    }
    Matcher m = DVCQG.matcher(v.toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw row.problem("dvcqg_code must look like H56 or 000.00.00.H56, got '" + v + "'");
    }
    return m.group(1);
  }

  private static void checkOrder(ReferenceCsv.Row row, LocalDate from, LocalDate to) {
    if (from != null && to != null && to.isBefore(from)) {
      throw row.problem("valid_to " + to + " is before valid_from " + from);
    }
  }
}
