package vn.dvcw.tools.generate;

import java.text.Normalizer;
import java.util.SplittableRandom;

/**
 * Word lists for fake but realistic Vietnamese personal names and place names, with their JSON bytes
 * and ASCII folds (for e-mail addresses) pre-computed.
 *
 * <p>Family-name shares follow the commonly cited distribution (Nguyễn about 38%, Trần 11%, Lê 9.5%,
 * Phạm 7%, Hoàng/Huỳnh 7%, Phan 4.5%, Vũ/Võ 5.4%, Đặng 2.1%, Bùi 2%, Đỗ 1.4%, Hồ 1.3%, Ngô 1.3%, the rest
 * rarer; e.g. Wikipedia "Vietnamese name", citing Lê Trung Hoa); middle and given names are common ones,
 * by sex (Văn/Thị are the classic middle names). Place-name syllables are frequent components of
 * commune and district names (Tân, Phú, Hòa, An …); combinations are generated, so a generated commune
 * name may or may not exist somewhere.
 */
final class VietnameseNames {
  private VietnameseNames() {}

  static final Words FAMILY = new Words(new String[] {
      "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
      "Dương", "Lý", "Đinh", "Trịnh", "Đoàn", "Lương", "Mai", "Trương", "Cao", "Tạ", "Hà", "Lâm", "Chu", "Thái",
      "Triệu", "Tô", "Kiều", "Quách"},
      new double[] {38, 11, 9.5, 7.1, 4.1, 3.1, 4.5, 2.8, 2.6, 2.1, 2, 1.4, 1.3, 1.3, 1, 0.5, 0.6, 0.5, 0.5, 0.4,
          0.4, 0.6, 0.3, 0.2, 0.5, 0.3, 0.2, 0.2, 0.2, 0.2, 0.1, 0.1});

  static final Words MIDDLE_MALE = new Words(new String[] {
      "Văn", "Đức", "Minh", "Quốc", "Hữu", "Thành", "Công", "Xuân", "Hoàng", "Gia", "Anh", "Trọng", "Đình", "Ngọc",
      "Thanh", "Tuấn", "Quang", "Bảo", "Duy", "Mạnh"},
      new double[] {30, 8, 8, 5, 6, 5, 4, 3, 3, 4, 3, 3, 4, 2, 3, 2, 3, 3, 2, 2});

  static final Words MIDDLE_FEMALE = new Words(new String[] {
      "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Phương", "Hoài", "Kim", "Bích", "Mai", "Khánh", "Bảo", "Diệu",
      "Hồng", "Thùy", "Quỳnh", "Lan", "Ánh", "Hải", "Như"},
      new double[] {35, 8, 5, 5, 4, 4, 2, 3, 2, 3, 3, 3, 2, 3, 3, 3, 2, 2, 2, 3});

  static final Words GIVEN_MALE = Words.uniform(
      "An", "Anh", "Bảo", "Bình", "Cường", "Dũng", "Duy", "Dương", "Đạt", "Đức", "Giang", "Hải", "Hào", "Hiếu",
      "Hòa", "Hoàng", "Hùng", "Huy", "Khang", "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Lộc", "Mạnh", "Minh",
      "Nam", "Nghĩa", "Nhân", "Phát", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài", "Tâm", "Thắng", "Thành",
      "Thiện", "Thịnh", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ", "Khôi");

  static final Words GIVEN_FEMALE = Words.uniform(
      "An", "Anh", "Chi", "Diệp", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Huyền",
      "Hương", "Lan", "Linh", "Loan", "Ly", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Nhi", "Oanh",
      "Phương", "Quyên", "Tâm", "Thảo", "Thu", "Thúy", "Thư", "Trang", "Trâm", "Uyên", "Vân", "Vy", "Yến",
      "Hồng", "Huệ", "Lệ", "Nhàn", "Quỳnh", "Tuyết", "Xuân");

  /** First syllables of place names. */
  static final String[] PLACE_FIRST = {
      "Tân", "Phú", "Hòa", "An", "Bình", "Thanh", "Xuân", "Đông", "Tây", "Nam", "Bắc", "Vĩnh", "Long", "Minh",
      "Hưng", "Thái", "Quang", "Hồng", "Đức", "Phước", "Thạnh", "Mỹ", "Trung", "Kim", "Ngọc", "Cẩm", "Sơn",
      "Hải", "Lạc", "Thuận", "Yên", "Gia", "Hoàng", "Kỳ", "Quỳnh", "Diễn", "Nghĩa", "Tam", "Vạn", "Hiệp",
      "Tường", "Lâm", "Cát", "Hà", "Đại", "Phong", "Thọ", "Tiên", "Hương", "Hợp"};

  /** Second syllables of place names. */
  static final String[] PLACE_SECOND = {
      "Lập", "Lộc", "Bình", "Hòa", "Phú", "Thành", "Lợi", "Hưng", "Thịnh", "An", "Điền", "Sơn", "Tiến",
      "Phong", "Xuân", "Mỹ", "Thuận", "Khánh", "Hải", "Trung", "Tân", "Đông", "Long", "Yên", "Hiệp", "Phước",
      "Thạnh", "Quang", "Hà", "Lâm", "Nghĩa", "Định", "Cường", "Thắng", "Vinh", "Tường", "Kiên", "Hội",
      "Châu", "Hợp"};

  /** Business lines for company names. */
  static final String[] TRADE = {
      "Thương mại Dịch vụ", "Xây dựng", "Đầu tư Phát triển", "Sản xuất Thương mại", "Vận tải", "Công nghệ",
      "Nông nghiệp", "Thực phẩm", "Du lịch", "Tư vấn Thiết kế", "Kỹ thuật", "Xuất nhập khẩu"};

  static Words middles(boolean male) {
    return male ? MIDDLE_MALE : MIDDLE_FEMALE;
  }

  static Words givens(boolean male) {
    return male ? GIVEN_MALE : GIVEN_FEMALE;
  }

  /** ASCII fold: strips diacritics, đ → d, lower case. */
  static String fold(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return n.replace('đ', 'd').replace('Đ', 'D').toLowerCase(java.util.Locale.ROOT).replace(" ", "");
  }

  /** A weighted word list with pre-encoded JSON (escaped, unquoted) and ASCII-folded bytes. */
  static final class Words {
    final String[] words;
    final byte[][] json;
    final byte[][] ascii;
    private final Cumulative picker;

    Words(String[] words, double[] weights) {
      if (words.length != weights.length) {
        throw new IllegalArgumentException("words and weights differ in length");
      }
      this.words = words;
      json = new byte[words.length][];
      ascii = new byte[words.length][];
      double[] cumulative = new double[words.length];
      double sum = 0;
      for (int i = 0; i < words.length; i++) {
        json[i] = JsonSink.escaped(words[i]);
        ascii[i] = JsonSink.bytes(fold(words[i]));
        sum += weights[i];
        cumulative[i] = sum;
      }
      for (int i = 0; i < words.length; i++) {
        cumulative[i] /= sum;
      }
      picker = new Cumulative(cumulative);
    }

    static Words uniform(String... words) {
      double[] w = new double[words.length];
      java.util.Arrays.fill(w, 1);
      return new Words(words, w);
    }

    int pick(SplittableRandom r) {
      return picker.pick(r.nextDouble());
    }
  }
}
