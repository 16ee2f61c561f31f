package vn.dvcw.tools.generate;

import java.util.SplittableRandom;

/**
 * Plans when each message of a built dossier arrives, and the injected noise ({@link Injection}): its
 * own random stream per dossier, so noise never changes a dossier's life. Messages whose event lies
 * after the last generated day are not sent; delays never carry a message past it.
 */
final class Delivery {
  private final long seed;
  private final long toDay;
  private final long toEnd;

  Delivery(long seed, long toDay) {
    this.seed = seed;
    this.toDay = toDay;
    this.toEnd = WorkTime.endOfDay(toDay);
  }

  /** The last generated day. */
  long toDay() {
    return toDay;
  }

  /**
   * Plans the delivery of a built dossier: its real messages up to the last generated day (each
   * arriving seconds to minutes after its event, never after the end of that day), then the injected
   * delays and extra copies ({@link Injection}).
   */
  void schedule(Dossier d) {
    SplittableRandom r = Mix.random(seed, Mix.INJECT, d.originDay, DossierFactory.unitId(d.unit), d.seq);
    d.messages = 0;
    if (d.submittedRecord) {
      add(d, r, MessageKind.SUBMITTED);
    }
    if (d.isRefused()) {
      add(d, r, MessageKind.FINAL);
      add(d, r, MessageKind.EVT_FINAL);
    } else {
      add(d, r, MessageKind.ACCEPTED);
      add(d, r, MessageKind.EVT_ACCEPTED);
      if (d.processingRecord) {
        add(d, r, MessageKind.PROCESSING);
      }
      if (!d.transferInAcceptGroup) {
        add(d, r, MessageKind.EVT_PROCESSING);
      }
      if (d.hasSupplement()) {
        add(d, r, MessageKind.SUPP_REQUEST);
        add(d, r, MessageKind.EVT_SUPP_REQUEST);
        add(d, r, MessageKind.SUPP_RESUBMIT);
        add(d, r, MessageKind.EVT_SUPP_RESUBMIT);
      }
      if (d.finalStatus != 0) {
        add(d, r, MessageKind.FINAL);
        add(d, r, MessageKind.EVT_FINAL);
      }
      if (d.finalStatus == 9) {
        add(d, r, MessageKind.RETURNED);
        add(d, r, MessageKind.EVT_RETURNED);
      }
    }
    injectDelays(d, r);
    injectCopies(d, r);
  }

  /**
   * Adds a real message: a record arrives 5 s-10 min after its event, an event envelope 1-60 s after the
   * record sent with it (the provincial system pushes the record, then its events); never before the
   * dossier's previous message of the same file (so a dossier's own messages keep their causal order)
   * and never after the end of its event's day; past the last day nothing is sent.
   */
  private void add(Dossier d, SplittableRandom r, int kind) {
    long t = d.eventTimeOf(kind);
    boolean record = MessageKind.isRecord(kind);
    int lag = record ? 5 + r.nextInt(595) : 5 + r.nextInt(60);
    int afterRecord = 1 + r.nextInt(60);
    if (t > toEnd) {
      return;
    }
    long arrival = t + lag;
    for (int i = 0; i < d.messages; i++) {
      boolean sameFile = MessageKind.isRecord(d.kind[i]) == record;
      if (sameFile) {
        arrival = Math.max(arrival, d.arrival[i] + 1);
      } else if (!record && d.eventTime[i] <= t) {
        arrival = Math.max(arrival, d.arrival[i] + afterRecord);
      }
    }
    d.addMessage(kind, t, Math.min(arrival, WorkTime.endOfDay(WorkTime.dayOf(t))), Injection.NORMAL);
  }

  private int find(Dossier d, int kind) {
    for (int i = 0; i < d.messages; i++) {
      if (d.kind[i] == kind && d.variant[i] == Injection.NORMAL) {
        return i;
      }
    }
    return -1;
  }

  /** A time on a day k days after {@code base} (clamped to the last day), strictly after {@code after}; -1 if none. */
  private long later(SplittableRandom r, long base, int k, long after) {
    long day = Math.min(WorkTime.dayOf(base) + k, toDay);
    long t = day * WorkTime.DAY + 8 * 3600 + r.nextInt(13 * 3600);
    if (t <= after) {
      t = Math.min(after + 1 + r.nextInt(600), WorkTime.endOfDay(day));
    }
    return t > after && WorkTime.dayOf(t) == day ? t : -1;
  }

  private void injectDelays(Dossier d, SplittableRandom r) {
    int fin = find(d, MessageKind.FINAL);
    if (fin >= 0 && (d.finalStatus == 9 || d.finalStatus == 10) && r.nextDouble() < Injection.P_LATE_UPDATE) {
      long t = later(r, d.eventTime[fin], 2 + r.nextInt(9), d.arrival[fin]);
      if (t >= 0 && WorkTime.dayOf(t) > WorkTime.dayOf(d.eventTime[fin])) {
        d.arrival[fin] = t;
        d.variant[fin] = Injection.LATE_UPDATE;
      }
    }
    if (fin >= 0 && !d.isRefused()) {
      int mid = find(d, MessageKind.SUPP_RESUBMIT);
      if (mid < 0) {
        mid = find(d, MessageKind.PROCESSING);
      }
      if (mid >= 0 && r.nextDouble() < Injection.P_OUT_OF_ORDER) {
        long t = later(r, d.arrival[fin], 1 + r.nextInt(3), d.arrival[fin]);
        if (t >= 0) {
          d.arrival[mid] = t;
          d.variant[mid] = Injection.OUT_OF_ORDER;
        }
      }
    }
    int acc = find(d, MessageKind.ACCEPTED);
    int evt = find(d, MessageKind.EVT_ACCEPTED);
    if (acc >= 0 && evt >= 0 && r.nextDouble() < Injection.P_EVENTS_BEFORE_CREATE) {
      long t = later(r, d.arrival[acc], 1 + r.nextInt(5), d.arrival[evt]);
      if (t >= 0 && WorkTime.dayOf(t) > WorkTime.dayOf(d.arrival[evt])) {
        d.arrival[acc] = t;
        d.variant[acc] = Injection.EVENTS_BEFORE_CREATE;
      }
    }
  }

  private void injectCopies(Dossier d, SplittableRandom r) {
    int real = d.messages;
    for (int i = 0; i < real; i++) {
      if (d.variant[i] != Injection.NORMAL) {
        continue;
      }
      double x = r.nextDouble();
      long a = d.arrival[i];
      boolean record = MessageKind.isRecord(d.kind[i]);
      if (x < Injection.P_DUPLICATE_SAME_DAY) {
        long t = Math.min(a + 1 + r.nextInt(3600), WorkTime.endOfDay(WorkTime.dayOf(a)));
        d.addMessage(d.kind[i], d.eventTime[i], t, Injection.DUPLICATE_SAME_DAY);
      } else if (x < Injection.P_DUPLICATE_SAME_DAY + Injection.P_DUPLICATE_LATER_DAY) {
        long day = Math.min(WorkTime.dayOf(a) + 1 + r.nextInt(5), toDay);
        long t = Math.max(a + 1, day * WorkTime.DAY + r.nextInt(WorkTime.DAY));
        t = Math.min(t, WorkTime.endOfDay(day));
        d.addMessage(d.kind[i], d.eventTime[i], t,
            WorkTime.dayOf(t) > WorkTime.dayOf(a) ? Injection.DUPLICATE_LATER_DAY : Injection.DUPLICATE_SAME_DAY);
      } else {
        double y = x - Injection.P_DUPLICATE_SAME_DAY - Injection.P_DUPLICATE_LATER_DAY;
        int broken = -1;
        if (record && y < 6 * Injection.P_BROKEN_EACH) {
          broken = Injection.TRUNCATED_JSON + (int) (y / Injection.P_BROKEN_EACH);
          int status = d.status(d.kind[i]);
          if (broken == Injection.MISSING_NGAYTIEPNHAN && (status == 1 || status == 3)) {
            broken = Injection.EMPTY_MAHOSO;
          }
        } else if (!record && y < Injection.P_BROKEN_EACH) {
          broken = Injection.TRUNCATED_JSON;
        }
        if (broken >= 0) {
          long t = Math.min(a + 1 + r.nextInt(600), WorkTime.endOfDay(WorkTime.dayOf(a)));
          d.addMessage(d.kind[i], d.eventTime[i], t, broken);
        }
      }
    }
  }
}
