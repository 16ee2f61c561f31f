package vn.dvcw.core.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Hand-written DVCQG messages for feed tests: every value a string, times yyyyMMddHHmmss local, as on the wire. */
public final class FeedFixture {
  private static final ObjectMapper JSON = new ObjectMapper();

  // Personal data planted in the fixture: the PII test looks for each of these outside bronze.
  public static final String OWNER = "Nguyễn Thị Hoa";
  public static final String ID_NUMBER = "038190001234";
  public static final String PHONE = "0912345678";
  public static final String EMAIL = "hoa.nguyen@example.vn";
  public static final String HANDLER = "Lê Văn Tám";
  public static final String ACCOUNT = "TECHID-77ab91";
  public static final List<String> PERSONAL = List.of(OWNER, ID_NUMBER, PHONE, EMAIL, HANDLER, ACCOUNT);

  private FeedFixture() {}

  /** A dossier record; {@code fields} override or add to the defaults (an online Thanh Hóa dossier). */
  public static String record(String maHoSo, Object... fields) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("MaHoSo", maHoSo);
    m.put("MaTTHC", "1.001776.000.00.00.H56");
    m.put("TenTTHC", "Đăng ký khai sinh");
    m.put("MaLinhVuc", "G09-TP01");
    m.put("TenLinhVuc", "Hộ tịch");
    m.put("KenhThucHien", "2");
    m.put("ChuHoSo", OWNER);
    m.put("SoGiayToChuHoSo", ID_NUMBER);
    m.put("LoaiDoiTuong", "1");
    m.put("MaDoiTuong", ACCOUNT);
    m.put("Email", EMAIL);
    m.put("SoDienThoai", PHONE);
    m.put("TrichYeuHoSo", "Đăng ký khai sinh cho con của " + OWNER);
    m.put("NgayNopHoSo", "");
    m.put("NgayTiepNhan", "");
    m.put("NgayHenTra", "");
    m.put("TrangThaiHoSo", "2");
    m.put("NgayTra", "");
    m.put("HinhThuc", "0");
    m.put("NgayKetThucXuLy", "");
    m.put("DonViXuLy", "Sở Tư pháp tỉnh Thanh Hóa");
    m.put("NoiNopHoSo", "1");
    m.put("HoSoCoThanhPhanSoHoa", "1");
    m.put("TaiKhoanDuocXacThucVoiVNeID", "1");
    m.put("DuocThanhToanTrucTuyen", "0");
    m.put("NgayTuChoi", "");
    m.put("DinhDanhCHS", List.of(Map.of("LoaiDinhDanh", "1", "SoDinhDanh", ID_NUMBER)));
    m.put("TaiLieuNop", List.of(Map.of("TepDinhKemId", "f1", "TenTepDinhKem", "to-khai.pdf", "IsDeleted", "0",
        "DuocSoHoa", "1", "DuocLayTuKhoDMQG", "0")));
    m.put("DanhSachLePhi", List.of());
    m.put("DanhSachGiayToKetQua", List.of());
    for (int i = 0; i < fields.length; i += 2) {
      m.put((String) fields[i], fields[i + 1]);
    }
    return json(m);
  }

  /** A status event. */
  public static Map<String, Object> event(String maHoSo, String at, String status, String action) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("MaHoSo", maHoSo);
    m.put("NguoiXuLy", HANDLER);
    m.put("ChucDanh", "Chuyên viên");
    m.put("ThoiDiemXuLy", at);
    m.put("PhongBanXuLy", "Bộ phận một cửa");
    m.put("NoiDungXuLy", action);
    m.put("TrangThai", status);
    m.put("NgayBatDau", "");
    m.put("NgayKetThucTheoQuyDinh", "");
    return m;
  }

  /** An envelope of status events, as one JSON text. */
  public static String envelope(String madonvi, List<Map<String, Object>> events) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("session", "token");
    m.put("madonvi", madonvi);
    m.put("service", "CapNhatTienDoHoSoMC");
    m.put("isUpdating", "False");
    m.put("data", events);
    return json(m);
  }

  public static List<Map<String, String>> electronicResult() {
    return List.of(Map.of("TenGiayTo", "Giấy khai sinh", "GiayToId", "r1", "MaGiayToKetQua", "KQ01",
        "DuongDanTepTinKetQua", "https://dvc.example.vn/kq/r1.pdf"));
  }

  public static List<Map<String, String>> fee(String gia) {
    return List.of(Map.of("TenPhiLePhi", "Lệ phí", "MaPhiLePhi", "LP1", "HinhThucThu", "1", "Gia", gia,
        "LoaiPhiLePhi", "1"));
  }

  public static void writeLines(Path file, List<String> lines) throws IOException {
    Files.createDirectories(file.getParent());
    String text = String.join("\n", lines) + "\n";
    if (file.toString().endsWith(".gz")) {
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    } else {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
