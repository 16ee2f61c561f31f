package vn.dvcw.core.feed;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dvcw.core.geo.Era;
import vn.dvcw.core.geo.Province;
import vn.dvcw.core.geo.ProvinceDirectory;

/**
 * Who handled a dossier: its agency code's province, for the era of the dossier, and the level of the unit.
 *
 * <p><b>Province.</b> Agency codes (mã định danh, QĐ 20/2020/QĐ-TTg) end in a level-1 group {@code Hnn}, the
 * province's DVCQG code (feed spec §5.2). The same {@code Hnn} means a former province before 2025-07-01 and the
 * current province that kept the code after it (e.g. H60: Tuyên Quang, then Tuyên Quang merged with Hà Giang),
 * so the era of the dossier's receipt date decides. The agency code is taken from the {@code MaHoSo} prefix when
 * it has one ({@code 000.00.06.H56-231027-0361}), else from the envelope's {@code madonvi}.
 *
 * <p><b>Level.</b> The message carries no level; {@code DonViXuLy} is the unit's name and its first words tell
 * it (our convention, documented in the feed spec's silence on levels):
 * <table>
 *   <caption>unit name prefixes (accents and case ignored)</caption>
 *   <tr><td>UBND xã, UBND phường, UBND thị trấn, UBND đặc khu (also "Ủy ban nhân dân …")</td><td>commune</td></tr>
 *   <tr><td>UBND huyện, UBND quận, UBND thị xã, UBND thành phố X where X is not a province</td><td>district</td></tr>
 *   <tr><td>UBND tỉnh, UBND thành phố X where X is a province, Sở, Công an, Văn phòng, Ban, Chi cục,
 *       Trung tâm, Cục, Bảo hiểm xã hội, Kho bạc</td><td>province</td></tr>
 *   <tr><td>anything else, or empty</td><td>unknown</td></tr>
 * </table>
 * District-level units exist only before 2025-07-01 (districts were abolished with the reorganisation).
 */
public final class AgencyDirectory implements Serializable {
  static final Pattern AGENCY = Pattern.compile("^(\\d{3}\\.\\d{2}\\.\\d{2}\\.([A-Z])(\\d{2}))$");
  static final Pattern MA_HO_SO = Pattern.compile("^(\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2})-(\\d{6})-(\\d{4,5})$");

  private final Map<String, Province> former = new HashMap<>();
  private final Map<String, Province> current = new HashMap<>();
  private final Set<String> provinceNames = new HashSet<>();
  /** Levels already worked out, by unit name: a feed names a few thousand units in millions of records. */
  private transient Map<String, String> levels;
  private static final int MAX_REMEMBERED_LEVELS = 100_000;

  public AgencyDirectory(ProvinceDirectory provinces) {
    for (Province p : provinces.provinces()) {
      if (p.dvcqgCode() != null) {
        (p.era() == Era.FORMER ? former : current).put(p.dvcqgCode(), p);
      }
      provinceNames.add(fold(p.name()));
    }
  }

  /** The agency code at the start of a dossier number, or null when the number has another format. */
  public static String agencyOfDossierNumber(String maHoSo) {
    Matcher m = maHoSo == null ? null : MA_HO_SO.matcher(maHoSo);
    return m != null && m.matches() ? m.group(1) : null;
  }

  /** The province of an agency code in an era; empty when the code is not a provincial one of that era. */
  public java.util.Optional<Province> province(String agencyCode, Era era) {
    Matcher m = agencyCode == null ? null : AGENCY.matcher(agencyCode);
    if (m == null || !m.matches() || !m.group(2).equals("H")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.ofNullable((era == Era.FORMER ? former : current).get("H" + m.group(3)));
  }

  /** Why an agency code has no province, for the quarantine. */
  public String whyNoProvince(String agencyCode, Era era) {
    Matcher m = agencyCode == null ? null : AGENCY.matcher(agencyCode);
    if (agencyCode == null || agencyCode.isBlank()) {
      return "no agency code: MaHoSo does not start with one and the envelope has no madonvi";
    }
    if (!m.matches()) {
      return "agency code '" + agencyCode + "' does not have the form 000.00.00.H00";
    }
    if (m.group(2).equals("G")) {
      return "agency code " + agencyCode + " is a ministry's (G" + m.group(3) + "): the warehouse covers provincial dossiers";
    }
    return "agency code " + agencyCode + ": " + m.group(2) + m.group(3) + " is not the DVCQG code of a "
        + era.sqlName() + " province" + (era == Era.FORMER ? " (before 2025-07-01)" : " (from 2025-07-01)");
  }

  /** The level of a unit from its name: province, district, commune or unknown. */
  public String level(String unitName) {
    if (unitName == null) {
      return levelOf(null);
    }
    Map<String, String> known = levels;
    if (known == null) {
      known = levels = new java.util.concurrent.ConcurrentHashMap<>();
    }
    String level = known.get(unitName);
    if (level == null) {
      level = levelOf(unitName);
      if (known.size() < MAX_REMEMBERED_LEVELS) {
        known.put(unitName, level);
      }
    }
    return level;
  }

  private String levelOf(String unitName) {
    String n = fold(unitName == null ? "" : unitName).replace("uy ban nhan dan ", "ubnd ");
    if (n.startsWith("ubnd xa ") || n.startsWith("ubnd phuong ") || n.startsWith("ubnd thi tran ")
        || n.startsWith("ubnd dac khu ")) {
      return "commune";
    }
    if (n.startsWith("ubnd thanh pho ")) {
      return provinceNames.contains(n.substring("ubnd thanh pho ".length())) ? "province" : "district";
    }
    if (n.startsWith("ubnd huyen ") || n.startsWith("ubnd quan ") || n.startsWith("ubnd thi xa ")) {
      return "district";
    }
    for (String p : new String[] {"ubnd tinh ", "so ", "cong an ", "van phong ", "ban ", "chi cuc ", "trung tam ",
        "cuc ", "bao hiem xa hoi ", "kho bac "}) {
      if (n.startsWith(p)) {
        return "province";
      }
    }
    return "unknown";
  }

  /** Lower case, no accents, đ → d, single spaces. */
  static String fold(String s) {
    String d = Normalizer.normalize(s.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "").replace('đ', 'd');
    return d.replaceAll("\\s+", " ");
  }
}
