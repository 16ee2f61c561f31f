package vn.dvcw.core.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * The text of a refused feed message as the quarantine shows it: every value masked except those of fields known
 * to hold no personal data (an allow-list: codes, times, statuses, counts, amounts, public names of procedures and
 * units). A field the list does not know, however it is spelt, is masked: a sender adding {@code DiaChiChuHoSo}
 * or sending an ID number as a JSON number must not reach the quarantine.
 *
 * <p>The message is read with a JSON parser, so keys are compared after decoding ({@code "\u0043huHoSo"} is
 * {@code ChuHoSo}) and values of every type (number, boolean, nested object) are judged by their key. A container
 * under a key not on the list is masked whole. When the text stops being JSON (a broken or truncated line), what
 * was parsed before that point is masked as above and the rest conservatively: every run of characters between
 * JSON punctuation is masked unless it is a field name the feed defines, a JSON literal or a number of at most
 * two digits (a status code cannot name anyone; an ID number, phone or date can).
 */
public final class QuarantineMask {
  private QuarantineMask() {}

  public static final String MASK = "<redacted>";
  /** The longest text kept: the quarantine is for reading, the message itself stays in bronze. */
  static final int MAX_CHARS = 4000;

  /** Scalar fields whose values are safe to show (feed spec §1-§6): codes, times, statuses, counts, amounts. */
  static final Set<String> SAFE_VALUES = Set.of(
      // envelope (not "session": a credential)
      "service", "madonvi", "isUpdating", "_synthetic", "synthetic",
      // dossier record: the dossier's number and procedure, codes, times; DonViXuLy is a public unit's name
      "MaHoSo", "MaHoSoKhac", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "KenhThucHien", "LoaiDoiTuong",
      "TrangThaiHoSo", "HinhThuc", "NoiNopHoSo", "HoSoCoThanhPhanSoHoa", "TaiKhoanDuocXacThucVoiVNeID",
      "DuocThanhToanTrucTuyen", "NgayNopHoSo", "NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "NgayTra",
      "NgayTuChoi", "DonViXuLy", "ThoiGianGiaiQuyet",
      // status event (not NguoiXuLy, ChucDanh, NoiDungXuLy: a handler, a title that names one, free text)
      "ThoiDiemXuLy", "TrangThai", "NgayBatDau", "NgayKetThucTheoQuyDinh", "PhongBanXuLy",
      // submitted files (not their names or links)
      "TepDinhKemId", "IsDeleted", "MaThanhPhanHoSo", "DuocSoHoa", "DuocTaiSuDung", "DuocLayTuKhoDMQG",
      "MaKetQuaThayThe",
      // fees
      "TenPhiLePhi", "MaPhiLePhi", "HinhThucThu", "Gia", "LoaiPhiLePhi",
      // supplement rounds (not who asked, who received, or what for)
      "HoSoBoSungId", "NgayBoSung", "NgayTiepNhanBoSung", "TrangThaiBoSung", "NgayHenTraTruoc", "NgayHenTraMoi",
      // result documents (not their names or links)
      "GiayToId", "MaGiayToKetQua",
      // owner ID type (not the number), linked databases
      "LoaiDinhDanh", "MaCSDL");

  /** Container fields whose items are judged field by field; any other container is masked whole. */
  static final Set<String> SAFE_CONTAINERS = Set.of("data", "TaiLieuNop", "DanhSachLePhi", "DanhSachHoSoBoSung",
      "DanhSachGiayToBoSung", "DanhSachLePhiBoSung", "DanhSachGiayToKetQua", "DinhDanhCHS", "DSKetNoiCSDL");

  // No brackets added on close: after a parse error the rest of the text follows what was written.
  private static final JsonFactory JSON = JsonFactory.builder()
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
      .build();

  /** {@code raw} with every value not known to be safe masked, at most {@value #MAX_CHARS} characters. */
  public static String mask(String raw) {
    if (raw == null) {
      return null;
    }
    StringWriter out = new StringWriter(Math.min(raw.length(), MAX_CHARS) + 16);
    int tail = maskJson(raw, out);
    String masked = out.toString();
    if (tail < raw.length()) {
      masked = masked + maskText(raw.substring(tail));
    }
    return masked.length() > MAX_CHARS ? masked.substring(0, MAX_CHARS) + "…" : masked;
  }

  /** Writes the masked JSON of {@code raw} while it parses; returns where parsing stopped (its length if never). */
  private static int maskJson(String raw, StringWriter out) {
    // One frame per open container: whether everything under it is masked.
    Deque<Boolean> masked = new ArrayDeque<>();
    JsonParser p = null;
    JsonGenerator g = null;
    boolean afterName = false;
    long written = 0; // the end, in raw, of the last token written
    try {
      p = JSON.createParser(raw);
      g = JSON.createGenerator(out);
      for (JsonToken t; (t = p.nextToken()) != null; ) {
        if (out.getBuffer().length() > MAX_CHARS * 2) {
          g.flush();
          return raw.length(); // enough to show; the rest is cut anyway
        }
        // Strings are read lazily: read this one now, so a break inside it is found before anything is written.
        if (t == JsonToken.VALUE_STRING) {
          p.finishToken();
        }
        boolean under = !masked.isEmpty() && masked.peek();
        // For a value, and for a container that is a value, the name of its field (null in an array or at the root).
        String field = isObjectMember(p) ? p.currentName() : null;
        switch (t) {
          case START_OBJECT, START_ARRAY -> {
            masked.push(under || field != null && !SAFE_CONTAINERS.contains(field));
            if (t == JsonToken.START_OBJECT) {
              g.writeStartObject();
            } else {
              g.writeStartArray();
            }
          }
          case END_OBJECT, END_ARRAY -> {
            masked.pop();
            if (t == JsonToken.END_OBJECT) {
              g.writeEndObject();
            } else {
              g.writeEndArray();
            }
          }
          case FIELD_NAME -> {
            g.writeFieldName(isName(p.currentName()) ? p.currentName() : MASK);
            afterName = true;
            continue;
          }
          case VALUE_NULL -> g.writeNull();
          default -> {
            if (!under && field != null && SAFE_VALUES.contains(field)) {
              g.copyCurrentEvent(p);
            } else {
              g.writeString(MASK);
            }
          }
        }
        afterName = false;
        written = p.currentLocation().getCharOffset();
      }
      g.flush();
      return raw.length();
    } catch (IOException e) {
      try {
        if (g != null) {
          g.flush();
        }
        if (afterName) {
          out.write(':'); // the generator writes it with the value, which is in the rest
        }
      } catch (IOException ignored) {
        // what was written stays
      }
      // After a field name the rest starts with its value (Jackson has read past the colon); otherwise right after
      // the last token written.
      long at = p == null ? 0 : afterName ? p.currentTokenLocation().getCharOffset() : written;
      return (int) Math.max(0, Math.min(raw.length(), at < 0 ? 0 : at));
    } finally {
      closeQuietly(g);
    }
  }

  /** Whether the parser's current value is the value of an object's field (not an array item or the root). */
  private static boolean isObjectMember(JsonParser p) {
    var ctx = p.getParsingContext();
    if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
      ctx = ctx.getParent();
    }
    return ctx != null && ctx.inObject();
  }

  /** Conservative masking of text that is not (or no longer) JSON. */
  static String maskText(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 16);
    int i = 0;
    while (i < text.length() && out.length() <= MAX_CHARS) {
      char c = text.charAt(i);
      if (isPunctuation(c)) {
        out.append(c);
        i++;
        continue;
      }
      int j = i;
      while (j < text.length() && !isPunctuation(text.charAt(j))) {
        j++;
      }
      String run = text.substring(i, j);
      String word = run.strip();
      if (word.isEmpty() || isSafeWord(word)) {
        out.append(run);
      } else {
        int lead = run.indexOf(word);
        out.append(run, 0, lead).append(MASK).append(run, lead + word.length(), run.length());
      }
      i = j;
    }
    return out.toString();
  }

  private static boolean isPunctuation(char c) {
    return c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ',' || c == '"';
  }

  private static boolean isSafeWord(String w) {
    if (w.equals("true") || w.equals("false") || w.equals("null") || SAFE_VALUES.contains(w)
        || SAFE_CONTAINERS.contains(w) || PersonalData.FIELDS.contains(w)) {
      return true;
    }
    return w.length() <= 2 && w.chars().allMatch(ch -> ch >= '0' && ch <= '9');
  }

  /** A key shown as it is: a plain identifier (a field name); anything else could be data and is masked. */
  private static boolean isName(String key) {
    if (key.isEmpty() || key.length() > 64) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || i > 0 && c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  private static void closeQuietly(JsonGenerator g) {
    if (g != null) {
      try {
        g.close();
      } catch (IOException | RuntimeException ignored) {
        // a generator left mid-structure by a parse error may refuse to close; its text was flushed
      }
    }
  }
}
