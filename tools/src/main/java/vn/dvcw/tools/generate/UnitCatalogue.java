package vn.dvcw.tools.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import vn.dvcw.core.geo.Era;
import vn.dvcw.core.geo.Province;
import vn.dvcw.core.geo.ProvinceDirectory;

/**
 * The handling units of both eras with their agency codes, names and volume shares. The directory is
 * the same for every run (it is seeded by a constant, not by {@code --seed}), so the ingestion side can
 * build one {@code dim_agency} from any generated feed.
 *
 * <h2>Unit name → level (what {@code DonViXuLy} tells)</h2>
 *
 * <table>
 *   <caption>Name prefixes of {@code DonViXuLy}; the first matching row decides</caption>
 *   <tr><th>Name starts with</th><th>Level</th><th>Era</th><th>Example</th></tr>
 *   <tr><td>{@code UBND tỉnh }, {@code UBND thành phố }</td><td>province</td><td>both</td>
 *       <td>UBND tỉnh Thanh Hóa, UBND thành phố Hà Nội (only centrally-run cities use "thành phố")</td></tr>
 *   <tr><td>{@code UBND huyện }, {@code UBND quận }, {@code UBND thị xã }</td><td>district</td>
 *       <td>former only</td><td>UBND huyện Yên Định</td></tr>
 *   <tr><td>{@code UBND xã }, {@code UBND phường }, {@code UBND thị trấn }, {@code UBND đặc khu }</td>
 *       <td>commune</td><td>thị trấn: former only; đặc khu: current only</td><td>UBND phường Tân Lập</td></tr>
 *   <tr><td>anything else: {@code Sở …}, {@code Công an tỉnh|thành phố …},
 *       {@code Văn phòng Đăng ký đất đai …}</td><td>province</td><td>both</td>
 *       <td>Sở Tư pháp tỉnh Nghệ An, Công an thành phố Hải Phòng</td></tr>
 * </table>
 *
 * <p>Provincial cities and towns of the former map (thành phố thuộc tỉnh) are not generated as districts,
 * so that "UBND thành phố" always means a province; commune-level and district-level names do not say
 * which province they are in (take the province from the agency code).
 *
 * <h2>Agency codes ({@code XXX.YY.ZZ.Hnn}, spec §5.2)</h2>
 *
 * {@code Hnn} is the province's {@code dvcqg_code} of the era. Province people's committee
 * {@code 000.00.00.Hnn}; departments {@code 000.00.kk.Hnn} (kk 01-16, fixed per department kind in
 * {@link #DEPARTMENTS}); former districts {@code 000.00.dd.Hnn} (dd = 21 + district number) and their
 * communes {@code 000.cc.dd.Hnn} (cc 01-99 within the district, the pattern of TD's
 * {@code 000.17.22.H56}); current communes {@code 000.cc.bb.Hnn} with bb = 90 + commune number / 99 and
 * cc = 1 + commune number mod 99 (the codes given to communes by QĐ 09/2025/QĐ-TTg are unknown, spec
 * §11; this keeps the four-group pattern). Codes are unique within an era; the same code can name a
 * unit in both eras (e.g. {@code 000.00.00.H56}, UBND tỉnh Thanh Hóa).
 *
 * <h2>Volumes</h2>
 *
 * A current province's share of the national volume is its share of all dossiers of 20-BCHN Phụ lục 8
 * III; the province/commune split is that table's. A former province gets its successor's share times
 * its share of the successor's 2023 population ({@code former_population.csv}): dossiers follow
 * residents, and population is the one per-province statistic known for all 63 (the seeds have no
 * pre-merger dossier counts per former province). Former-era levels: province-level units
 * {@link FeedModel#FORMER_PROVINCE_LEVEL_FACTOR} × the 2025 province share, the rest split evenly
 * between districts and communes (choice: district procedures moved to both communes and the province
 * on 1/7/2025). Department shares follow their procedures' weights; communes and districts get a
 * fixed log-normal size (σ 0.5), so some are busy and some quiet.
 */
final class UnitCatalogue {
  /** Constant seed of the unit directory (names, sizes, officials). */
  static final long DIRECTORY_SEED = 20250701L;

  /** Department kinds: key, name prefix, processing department; the code number is index + 1. */
  static final String[][] DEPARTMENTS = {
      {"tuphap", "Sở Tư pháp", "Phòng Hành chính tư pháp"},
      {"khdt", "Sở Kế hoạch và Đầu tư", "Phòng Đăng ký kinh doanh"},
      {"taichinh", "Sở Tài chính", "Phòng Đăng ký kinh doanh"},
      {"xaydung", "Sở Xây dựng", "Phòng Quản lý hoạt động xây dựng"},
      {"gtvt", "Sở Giao thông vận tải", "Phòng Quản lý phương tiện và người lái"},
      {"yte", "Sở Y tế", "Phòng Nghiệp vụ Y"},
      {"gddt", "Sở Giáo dục và Đào tạo", "Phòng Quản lý chất lượng"},
      {"ldtbxh", "Sở Lao động - Thương binh và Xã hội", "Phòng Việc làm - An toàn lao động"},
      {"noivu", "Sở Nội vụ", "Phòng Lao động - Việc làm"},
      {"tnmt", "Sở Tài nguyên và Môi trường", "Phòng Tài nguyên nước"},
      {"nnmt", "Sở Nông nghiệp và Môi trường", "Phòng Tài nguyên nước"},
      {"vpdkdd", "Văn phòng Đăng ký đất đai", "Phòng Đăng ký và Cấp giấy chứng nhận"},
      {"congan", "Công an", "Phòng Quản lý xuất nhập cảnh"},
      {"congthuong", "Sở Công Thương", "Phòng Quản lý thương mại"},
      {"vhttdl", "Sở Văn hóa, Thể thao và Du lịch", "Phòng Quản lý du lịch"},
      {"khcn", "Sở Khoa học và Công nghệ", "Phòng Quản lý chuyên ngành"}};

  /** The 13 special zones (đặc khu) of the current map, by current province code. */
  static final Map<String, List<String>> SPECIAL_ZONES = Map.of(
      "22", List.of("Vân Đồn", "Cô Tô"),
      "31", List.of("Cát Hải", "Bạch Long Vĩ"),
      "44", List.of("Cồn Cỏ"),
      "48", List.of("Hoàng Sa"),
      "51", List.of("Lý Sơn"),
      "56", List.of("Trường Sa"),
      "68", List.of("Phú Quý"),
      "79", List.of("Côn Đảo"),
      "91", List.of("Phú Quốc", "Kiên Hải", "Thổ Châu"));

  private static final int MAX_UNITS = 1 << ArrivalKey.UNIT_BITS;

  private final List<Unit> former;
  private final List<Unit> current;
  private final List<Province> formerProvinces;
  private final List<Province> currentProvinces;

  private UnitCatalogue(List<Unit> former, List<Unit> current, List<Province> formerProvinces,
      List<Province> currentProvinces) {
    this.former = former;
    this.current = current;
    this.formerProvinces = formerProvinces;
    this.currentProvinces = currentProvinces;
  }

  List<Unit> units(boolean currentEra) {
    return currentEra ? current : former;
  }

  List<Province> provinces(boolean currentEra) {
    return currentEra ? currentProvinces : formerProvinces;
  }

  static UnitCatalogue build(ProvinceDirectory dir, Calibration cal, ProcedureCatalogue catalogue) {
    List<Province> cur = dir.provinces(Era.CURRENT);
    List<Province> fmr = dir.provinces(Era.FORMER);
    double totalAll = 0;
    for (Province p : cur) {
      totalAll += cal.current(p.code()).totalDossiers();
    }
    List<Unit> currentUnits = new ArrayList<>();
    for (Province p : cur) {
      ProvinceCalibration c = cal.current(p.code());
      double share = c.totalDossiers() / totalAll;
      Behaviour b = Behaviour.of(c, 1);
      List<Province> parts = dir.formerPartsOf(p.code());
      Builder builder = new Builder(true, p, cur.indexOf(p), parts.get(0).code(), currentUnits, catalogue, b);
      builder.departments(share * c.provinceLevelShare(), c.onlineRateProvinceLevel());
      builder.currentCommunes((int) c.communes(), share * (1 - c.provinceLevelShare()), c.onlineRateCommuneLevel(),
          SPECIAL_ZONES.getOrDefault(p.code(), List.of()), parts);
    }
    List<Unit> formerUnits = new ArrayList<>();
    for (Province q : fmr) {
      String succ = dir.currentCodeOf(q.code()).orElseThrow();
      ProvinceCalibration c = cal.current(succ);
      int groupPopulation = 0;
      for (Province part : dir.formerPartsOf(succ)) {
        groupPopulation += cal.population(part.code());
      }
      double popShare = (double) cal.population(q.code()) / groupPopulation;
      double share = c.totalDossiers() / totalAll * popShare;
      double provinceLevel = FeedModel.FORMER_PROVINCE_LEVEL_FACTOR * c.provinceLevelShare();
      Behaviour b = Behaviour.of(c, FeedModel.FORMER_DELAY_FACTOR);
      Builder builder = new Builder(false, q, fmr.indexOf(q), q.code(), formerUnits, catalogue, b);
      builder.departments(share * provinceLevel, c.onlineRateProvinceLevel());
      int communes = (int) Math.max(10, Math.round(FeedModel.FORMER_COMMUNES_PER_CURRENT * c.communes() * popShare));
      int districts = (int) Math.max(2, Math.round(communes / FeedModel.COMMUNES_PER_DISTRICT));
      builder.formerDistrictsAndCommunes(districts, communes, share * (1 - provinceLevel) / 2,
          share * (1 - provinceLevel) / 2, (c.onlineRateProvinceLevel() + c.onlineRateCommuneLevel()) / 2,
          c.onlineRateCommuneLevel());
    }
    if (formerUnits.size() >= MAX_UNITS || currentUnits.size() >= MAX_UNITS) {
      throw new IllegalStateException("too many units for the message key");
    }
    return new UnitCatalogue(List.copyOf(formerUnits), List.copyOf(currentUnits), fmr, cur);
  }

  /** Delay behaviour of a province (7260 shares, scaled for the former era). */
  record Behaviour(double lateAcceptance, double overdueOpen, double lateFinish) {
    static Behaviour of(ProvinceCalibration c, double factor) {
      double overdue = Math.min(FeedModel.MAX_OVERDUE_OPEN, c.overdueOpenShare());
      double lateFinish = FeedModel.LATE_FINISH_OF_REMAINDER * Math.max(0, 1 - c.onTimeShare() - overdue);
      return new Behaviour(c.lateAcceptanceShare() * factor, overdue * factor, lateFinish * factor);
    }
  }

  /** Builds the units of one province. */
  private static final class Builder {
    final boolean currentEra;
    final Province province;
    final int provinceIndex;
    final String idCode;
    final List<Unit> out;
    final ProcedureCatalogue catalogue;
    final Behaviour behaviour;
    final boolean city;
    final String title;
    final SplittableRandom random;
    final List<String> placeNames;
    int nextName;

    Builder(boolean currentEra, Province province, int provinceIndex, String idCode, List<Unit> out,
        ProcedureCatalogue catalogue, Behaviour behaviour) {
      this.currentEra = currentEra;
      this.province = province;
      this.provinceIndex = provinceIndex;
      this.idCode = idCode;
      this.out = out;
      this.catalogue = catalogue;
      this.behaviour = behaviour;
      this.city = !province.unitType().equals("tỉnh");
      this.title = (city ? "thành phố " : "tỉnh ") + province.name();
      this.random = Mix.random(DIRECTORY_SEED, Mix.UNITS, currentEra ? 1 : 0, Long.parseLong(province.code()));
      this.placeNames = shuffledPlaceNames(random);
    }

    void departments(double levelShare, double onlineRate) {
      List<Procedure> all = catalogue.at(currentEra, Level.PROVINCE, null);
      double total = all.stream().mapToDouble(Procedure::weight).sum();
      List<String> keys = new ArrayList<>();
      keys.add("ubnd");
      for (String[] d : DEPARTMENTS) {
        keys.add(d[0]);
      }
      for (String key : keys) {
        List<Procedure> procs = catalogue.at(currentEra, Level.PROVINCE, key);
        if (procs.isEmpty()) {
          continue;
        }
        double w = procs.stream().mapToDouble(Procedure::weight).sum();
        int number = 0;
        String name;
        String processing;
        String signer;
        if (key.equals("ubnd")) {
          name = "UBND " + title;
          processing = "Văn phòng UBND " + title;
          signer = "Phó Chủ tịch UBND " + title;
        } else {
          int k = departmentIndex(key);
          number = k + 1;
          String prefix = DEPARTMENTS[k][1];
          name = prefix + " " + title;
          processing = DEPARTMENTS[k][2];
          signer = key.equals("congan") ? "Phó Giám đốc Công an " + title
              : key.equals("vpdkdd") ? "Phó Giám đốc" : "Phó Giám đốc Sở";
        }
        String code = String.format("000.00.%02d.%s", number, province.dvcqgCode());
        add(Level.PROVINCE, name, code, levelShare * w / total, onlineRate, procs, processing, "Chuyên viên", signer);
      }
    }

    void currentCommunes(int n, double levelShare, double onlineRate, List<String> zones, List<Province> parts) {
      List<Procedure> procs = catalogue.at(true, Level.COMMUNE, null);
      double[] sizes = sizes(n);
      for (int i = 0; i < zones.size() && i < n; i++) {
        sizes[i] = zones.get(i).equals("Hoàng Sa") ? 0 : sizes[i] * 0.2;
      }
      double sum = java.util.Arrays.stream(sizes).sum();
      for (int i = 0; i < n; i++) {
        String kind;
        String place;
        if (i < zones.size()) {
          kind = "đặc khu";
          place = zones.get(i);
        } else {
          kind = random.nextDouble() < (city ? 0.5 : 0.17) ? "phường" : "xã";
          place = nextPlace();
        }
        String code = String.format("000.%02d.%02d.%s", 1 + i % 99, 90 + i / 99, province.dvcqgCode());
        add(Level.COMMUNE, "UBND " + kind + " " + place, code, levelShare * sizes[i] / sum, onlineRate, procs,
            "Văn phòng HĐND và UBND", "Công chức Tư pháp - Hộ tịch", "Phó Chủ tịch UBND " + kind);
      }
    }

    void formerDistrictsAndCommunes(int districts, int communes, double districtShare, double communeShare,
        double districtRate, double communeRate) {
      List<Procedure> districtProcs = catalogue.at(false, Level.DISTRICT, null);
      List<Procedure> communeProcs = catalogue.at(false, Level.COMMUNE, null);
      double[] dSizes = sizes(districts);
      double dSum = java.util.Arrays.stream(dSizes).sum();
      for (int j = 0; j < districts; j++) {
        double u = random.nextDouble();
        String kind = city ? (u < 0.45 ? "quận" : u < 0.95 ? "huyện" : "thị xã") : (u < 0.88 ? "huyện" : "thị xã");
        String code = String.format("000.00.%02d.%s", 21 + j, province.dvcqgCode());
        add(Level.DISTRICT, "UBND " + kind + " " + nextPlace(), code, districtShare * dSizes[j] / dSum, districtRate,
            districtProcs, "Văn phòng HĐND và UBND", "Chuyên viên", "Phó Chủ tịch UBND " + kind);
      }
      double[] cSizes = sizes(communes);
      double cSum = java.util.Arrays.stream(cSizes).sum();
      for (int i = 0; i < communes; i++) {
        double u = random.nextDouble();
        String kind = city ? (u < 0.40 ? "phường" : u < 0.95 ? "xã" : "thị trấn")
            : (u < 0.12 ? "phường" : u < 0.92 ? "xã" : "thị trấn");
        int district = i % districts;
        int number = i / districts + 1;
        if (number > 99 || 21 + district > 99) {
          throw new IllegalStateException("too many communes per district in " + province.label());
        }
        String code = String.format("000.%02d.%02d.%s", number, 21 + district, province.dvcqgCode());
        add(Level.COMMUNE, "UBND " + kind + " " + nextPlace(), code, communeShare * cSizes[i] / cSum, communeRate,
            communeProcs, "Văn phòng HĐND và UBND", "Công chức Tư pháp - Hộ tịch", "Phó Chủ tịch UBND " + kind);
      }
    }

    private void add(Level level, String name, String code, double share, double onlineRate, List<Procedure> procs,
        String processing, String processorTitle, String signerTitle) {
      int[] idx = new int[procs.size()];
      double[] cum = new double[procs.size()];
      double total = procs.stream().mapToDouble(Procedure::weight).sum();
      double acc = 0;
      for (int i = 0; i < idx.length; i++) {
        idx[i] = procs.get(i).index();
        acc += procs.get(i).weight() / total;
        cum[i] = acc;
      }
      cum[cum.length - 1] = 1.0;
      String receiverTitle = currentEra ? "Công chức Trung tâm Phục vụ hành chính công" : "Công chức Bộ phận Một cửa";
      Unit.Official[] officials = {official(receiverTitle), official(processorTitle), official(signerTitle)};
      String reception = currentEra ? "Trung tâm Phục vụ hành chính công" : "Bộ phận Tiếp nhận và Trả kết quả";
      Unit.Json json = new Unit.Json(JsonSink.quoted(name), JsonSink.bytes(code), JsonSink.quoted(reception),
          JsonSink.quoted(processing));
      out.add(new Unit(out.size(), currentEra, province.code(), provinceIndex, Integer.parseInt(idCode), level, name,
          code, share,
          Math.max(0.01, Math.min(0.99, onlineRate)), behaviour.lateAcceptance(), behaviour.overdueOpen(),
          behaviour.lateFinish(), idx, new Cumulative(cum), officials, json));
    }

    private Unit.Official official(String title) {
      boolean male = random.nextBoolean();
      String name = VietnameseNames.FAMILY.words[VietnameseNames.FAMILY.pick(random)] + " "
          + (male ? VietnameseNames.MIDDLE_MALE : VietnameseNames.MIDDLE_FEMALE).words[
              (male ? VietnameseNames.MIDDLE_MALE : VietnameseNames.MIDDLE_FEMALE).pick(random)] + " "
          + (male ? VietnameseNames.GIVEN_MALE : VietnameseNames.GIVEN_FEMALE).words[
              (male ? VietnameseNames.GIVEN_MALE : VietnameseNames.GIVEN_FEMALE).pick(random)];
      return new Unit.Official(JsonSink.quoted(name), JsonSink.quoted(title));
    }

    private double[] sizes(int n) {
      double[] s = new double[n];
      for (int i = 0; i < n; i++) {
        s[i] = Math.exp(0.5 * Poisson.gaussian(random));
      }
      return s;
    }

    private String nextPlace() {
      if (nextName >= placeNames.size()) {
        throw new IllegalStateException("out of place names in " + province.label());
      }
      return placeNames.get(nextName++);
    }
  }

  private static int departmentIndex(String key) {
    for (int i = 0; i < DEPARTMENTS.length; i++) {
      if (DEPARTMENTS[i][0].equals(key)) {
        return i;
      }
    }
    throw new IllegalStateException("unknown department key '" + key + "' in procedures.psv");
  }

  private static List<String> shuffledPlaceNames(SplittableRandom r) {
    List<String> names = new ArrayList<>();
    for (String a : VietnameseNames.PLACE_FIRST) {
      for (String b : VietnameseNames.PLACE_SECOND) {
        if (!a.equals(b)) {
          names.add(a + " " + b);
        }
      }
    }
    for (int i = names.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      String t = names.get(i);
      names.set(i, names.get(j));
      names.set(j, t);
    }
    return names;
  }
}
