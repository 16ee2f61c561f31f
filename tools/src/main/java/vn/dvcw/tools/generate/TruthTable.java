package vn.dvcw.tools.generate;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import vn.dvcw.core.geo.Province;

/**
 * The generator's own truth, {@code truth/monthly.csv}: what a correct warehouse must find in the
 * files, noise excluded. One accumulator per worker thread; sums are merged at the end (order-free, so
 * deterministic).
 *
 * <p>A dossier's state is that of its real records delivered by the end of the last day, chosen by
 * {@link MessageKind#rank} (ties: the later arrival), exactly as a loader should pick it; extra copies
 * (duplicates, broken copies) are ignored. Rows: month of {@code NgayTiepNhan}, era by
 * {@code NgayTiepNhan} &lt; 2025-07-01, GSO province code of that era, unit level, channel. Measures
 * (definitions shared with the warehouse):
 *
 * <ul>
 *   <li>received: the state has {@code NgayTiepNhan} (status 1 and refused 3 have none);
 *   <li>online / direct / postal: received by {@code KenhThucHien} 2 / 1 / 3;
 *   <li>received_late: online and local date(NgayTiepNhan) &gt; nextWorkingDay(date(NgayNopHoSo));
 *   <li>finished: status 9 or 10 (its NgayKetThucXuLy is by the end of the last day);
 *       finished_on_time: NgayKetThucXuLy ≤ NgayHenTra or no NgayHenTra; finished_late: the rest;
 *   <li>overdue_open: not finished, status not 3/7/8, date(NgayHenTra) &lt; the last day;
 *   <li>paid_online: DuocThanhToanTrucTuyen 1 or 2; with_fee: a DanhSachLePhi entry with Gia ≠ 0;
 *       digitised: finished with a result document having a DuongDanTepTinKetQua.
 * </ul>
 */
final class TruthTable {
  static final String HEADER = "month,era,province_code,level,channel,received,online,direct,postal,received_late,"
      + "finished,finished_on_time,finished_late,overdue_open,paid_online,with_fee,digitised";
  static final int MEASURES = 12;
  private static final int PROVINCES = 63;
  private static final String[] CHANNELS = {"direct", "online", "postal"};

  private final int baseMonth;
  private final int months;
  private final long[] cells;

  TruthTable(LocalDate from, LocalDate to) {
    baseMonth = from.getYear() * 12 + from.getMonthValue() - 1;
    months = to.getYear() * 12 + to.getMonthValue() - 1 - baseMonth + 1;
    cells = new long[months * 2 * PROVINCES * 3 * 3 * MEASURES];
  }

  /** Adds one planned dossier. */
  void add(Dossier d, WorkTime time, long toDay) {
    int best = -1;
    int bestRank = -1;
    for (int i = 0; i < d.messages; i++) {
      int kind = d.kind[i];
      if (!MessageKind.isRecord(kind) || Injection.isCopy(d.variant[i])) {
        continue;
      }
      int rank = MessageKind.rank(d.status(kind));
      if (rank > bestRank || rank == bestRank && (d.arrival[i] > d.arrival[best]
          || d.arrival[i] == d.arrival[best] && kind > d.kind[best])) {
        best = i;
        bestRank = rank;
      }
    }
    if (best < 0) {
      return;
    }
    int kind = d.kind[best];
    int status = d.status(kind);
    long accepted = d.acceptedOn(kind);
    if (accepted < 0) {
      return;
    }
    LocalDate acceptDate = LocalDate.ofEpochDay(WorkTime.dayOf(accepted));
    int month = acceptDate.getYear() * 12 + acceptDate.getMonthValue() - 1 - baseMonth;
    int era = d.unit.current() ? 1 : 0;
    int channel = d.channel - 1;
    int base = ((((month * 2 + era) * PROVINCES + d.unit.provinceIndex()) * 3 + d.unit.level().ordinal()) * 3
        + channel) * MEASURES;
    cells[base]++;
    cells[base + 1 + (d.channel == 2 ? 0 : d.channel == 1 ? 1 : 2)]++;
    if (d.channel == 2 && WorkTime.dayOf(accepted) > time.nextWorkingDay(WorkTime.dayOf(d.submitted))) {
      cells[base + 4]++;
    }
    long due = d.due(kind);
    boolean finished = status == 9 || status == 10;
    if (finished) {
      cells[base + 5]++;
      if (due < 0 || d.finishedOn(kind) <= due) {
        cells[base + 6]++;
      } else {
        cells[base + 7]++;
      }
      if (d.electronicResult) {
        cells[base + 11]++;
      }
    } else if (status != 3 && status != 7 && status != 8 && due >= 0 && WorkTime.dayOf(due) < toDay) {
      cells[base + 8]++;
    }
    if (d.paidOnline == 1 || d.paidOnline == 2) {
      cells[base + 9]++;
    }
    if (d.fee > 0) {
      cells[base + 10]++;
    }
  }

  void addAll(TruthTable other) {
    for (int i = 0; i < cells.length; i++) {
      cells[i] += other.cells[i];
    }
  }

  /** Writes the CSV: rows with at least one received dossier, by month, era, province, level, channel. */
  void write(Writer out, List<Province> former, List<Province> current) throws IOException {
    out.write(HEADER);
    out.write('\n');
    StringBuilder line = new StringBuilder(160);
    for (int m = 0; m < months; m++) {
      YearMonth ym = YearMonth.of((baseMonth + m) / 12, (baseMonth + m) % 12 + 1);
      for (int era = 0; era < 2; era++) {
        List<Province> provinces = era == 0 ? former : current;
        for (int p = 0; p < provinces.size(); p++) {
          for (Level level : Level.values()) {
            for (int c = 0; c < 3; c++) {
              int base = ((((m * 2 + era) * PROVINCES + p) * 3 + level.ordinal()) * 3 + c) * MEASURES;
              if (cells[base] == 0) {
                continue;
              }
              line.setLength(0);
              line.append(ym).append(',').append(era == 0 ? "former" : "current").append(',')
                  .append(provinces.get(p).code()).append(',').append(level.sqlName()).append(',').append(CHANNELS[c]);
              for (int k = 0; k < MEASURES; k++) {
                line.append(',').append(cells[base + k]);
              }
              out.write(line.append('\n').toString());
            }
          }
        }
      }
    }
  }

  /** Total received (all rows). */
  long received() {
    long n = 0;
    for (int i = 0; i < cells.length; i += MEASURES) {
      n += cells[i];
    }
    return n;
  }
}
