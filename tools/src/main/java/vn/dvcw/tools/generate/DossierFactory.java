package vn.dvcw.tools.generate;

import java.util.SplittableRandom;

/**
 * Builds dossiers from their keys: how many a unit receives on a day, and the life of each one (channel,
 * procedure, submission, acceptance, due date, supplement, outcome); {@link Delivery} plans the messages
 * it sends. A dossier is a pure function of (run seed, submission day, unit, sequence), so the writer
 * can rebuild it from a message key instead of keeping it in memory.
 *
 * <h2>Life of a dossier (all choices unless a seed is named)</h2>
 *
 * <ul>
 *   <li>Channel: a unit-day's count is Poisson with mean = online mean + not-online mean, each from
 *       {@link DayVolume} (which has its own weekday pattern per channel) × the unit's share × its online
 *       rate (seed 20-BCHN by province and level; former era × {@link FeedModel#onlineFactor}); each
 *       dossier is online with probability online mean / total; not-online ones are postal with
 *       {@link FeedModel#POSTAL_OF_OFFLINE}, else in person.
 *   <li>Submission: in person during working hours (60% mornings); online at any hour, peaking 8-11 h and
 *       14-17 h with an evening bump. In person and postal dossiers are accepted 2-20 minutes after they
 *       are handed in.
 *   <li>Online acceptance: on time (same working day, or the next working day) or, with the unit's
 *       7260 late share, 1-6 working days after the next working day (so {@code received_late}).
 *       1.5% of online submissions are refused at intake instead (status 3, NgayTuChoi, no
 *       NgayTiepNhan).
 *   <li>No dossier straddles the switch-over: a former-era submission whose acceptance would fall on or
 *       after 2025-07-01 is not generated (the provincial portals closed on 1/7/2025; their last
 *       submissions are treated as cleared or moved to DVCQG). The sequence number it would have had stays
 *       unused.
 *   <li>Due date: acceptance + the procedure's statutory working hours ({@link WorkTime}).
 *   <li>Outcome: withdrawn 0.4%; stalled (open past due, never finished) with the unit's overdue share
 *       (seed 7260); finished late with its late-finish share; otherwise finished at a time drawn early in
 *       the allowed window. 4% get one supplement request; the clock stops for 1-10 working days and the
 *       due date moves by the paused working time (spec §9).
 *   <li>Return: at once (status 10 directly) for 85% online / 70% otherwise, else status 9 and a status 10
 *       record 1-5 working days later.
 * </ul>
 */
final class DossierFactory {
  private static final double[] HOUR_WEIGHTS = {0.3, 0.15, 0.1, 0.1, 0.1, 0.2, 0.6, 1.5, 3.0, 3.5, 3.5, 3.0, 2.0, 2.0,
      3.0, 3.2, 3.0, 2.5, 1.8, 2.0, 2.2, 2.0, 1.4, 0.8};
  private static final double[] HOUR_CUMULATIVE = cumulative(HOUR_WEIGHTS);

  private final long seed;
  private final WorkTime time;
  private final DayVolume volume;
  private final ProcedureCatalogue catalogue;

  DossierFactory(long seed, WorkTime time, DayVolume volume, ProcedureCatalogue catalogue) {
    this.seed = seed;
    this.time = time;
    this.volume = volume;
    this.catalogue = catalogue;
  }

  static boolean isCurrentEra(long day) {
    return day >= FeedModel.SWITCH_OVER_DAY;
  }

  static long unitId(Unit u) {
    return (u.current() ? 1L << 20 : 0) | u.index();
  }

  /** Online rate of a unit on a day (seed rate × former-era trend). */
  static double onlineRate(Unit u, long day) {
    return Math.min(0.99, u.onlineRate() * FeedModel.onlineFactor(day));
  }

  /** Expected online and not-online submissions of {@code u} on {@code day}. */
  private double expected(Unit u, long day, boolean online) {
    double rate = onlineRate(u, day);
    return online ? volume.perDay(day, true) * u.share() * rate : volume.perDay(day, false) * u.share() * (1 - rate);
  }

  /** Number of dossiers submitted to {@code u} on {@code day}: Poisson with the sum of both channels' means. */
  int count(Unit u, long day) {
    SplittableRandom r = Mix.random(seed, Mix.COUNTS, day, unitId(u));
    int n = Poisson.sample(r, expected(u, day, false) + expected(u, day, true));
    if (n > ArrivalKey.MAX_SEQ) {
      throw new IllegalStateException(u.name() + " would receive " + n
          + " dossiers in a day: more than the 5-digit MaHoSo sequence allows; use a smaller --scale");
    }
    return n;
  }

  /**
   * Builds the life of dossier ({@code originDay}, {@code u}, {@code seq}); sets {@code skipped} if it
   * straddles the switch-over. Whether it is online is drawn with probability online mean / total mean
   * (Poisson thinning: the same distribution as two independent counts).
   */
  void build(Dossier d, long originDay, Unit u, int seq) {
    SplittableRandom r = Mix.random(seed, Mix.PLAN, originDay, unitId(u), seq);
    double on = expected(u, originDay, true);
    double off = expected(u, originDay, false);
    boolean online = r.nextDouble() * (on + off) < on;
    d.reset(originDay, u, seq);
    d.channel = online ? 2 : r.nextDouble() < FeedModel.POSTAL_OF_OFFLINE ? 3 : 1;
    Procedure p = catalogue.all().get(u.pickProcedure(r.nextDouble()));
    d.procedure = p;
    long dayStart = originDay * WorkTime.DAY;
    if (online) {
      d.submitted = dayStart + onlineSecondOfDay(r);
      boolean refused = r.nextDouble() < FeedModel.REFUSED_OF_ONLINE;
      d.lateAccepted = !refused && r.nextDouble() < u.lateAcceptance();
      long lastOnTimeDay = time.nextWorkingDay(originDay);
      long when;
      if (d.lateAccepted) {
        int k = 1;
        while (k < 6 && r.nextDouble() < 0.5) {
          k++;
        }
        when = WorkTime.at(time.plusWorkingDays(lastOnTimeDay, k), r.nextInt(WorkTime.WORK_SECONDS_PER_DAY));
      } else if (r.nextDouble() < 0.7) {
        when = time.plusWorkingSeconds(d.submitted, 600 + r.nextInt(3 * 3600));
      } else {
        when = WorkTime.at(lastOnTimeDay, r.nextInt(WorkTime.WORK_SECONDS_PER_DAY));
      }
      if (refused) {
        d.refused = when;
        d.finalStatus = 3;
      } else {
        d.accepted = when;
      }
    } else {
      boolean workingDay = time.isWorking(originDay);
      int w = !workingDay || r.nextDouble() < 0.6 ? r.nextInt(WorkTime.MORNING_SECONDS)
          : WorkTime.MORNING_SECONDS + r.nextInt(WorkTime.WORK_SECONDS_PER_DAY - WorkTime.MORNING_SECONDS);
      d.submitted = WorkTime.at(originDay, w);
      d.accepted = d.submitted + 120 + r.nextInt(1080);
    }
    long decided = d.isRefused() ? d.refused : d.accepted;
    if (!u.current() && WorkTime.dayOf(decided) >= FeedModel.SWITCH_OVER_DAY) {
      d.skipped = true;
      return;
    }
    if (online) {
      double p1 = d.lateAccepted || d.isRefused() ? FeedModel.SUBMITTED_RECORD_LATE
          : FeedModel.SUBMITTED_RECORD_ON_TIME;
      d.submittedRecord = WorkTime.dayOf(decided) > originDay && r.nextDouble() < p1;
    }
    if (!d.isRefused()) {
      life(d, r, u, p);
    }
    flags(d, r, p);
  }

  private void life(Dossier d, SplittableRandom r, Unit u, Procedure p) {
    long legal = p.hasDeadline() ? p.legalHours() * 3600L : -1;
    d.due = legal >= 0 ? time.plusWorkingSeconds(d.accepted, legal) : -1;
    long span = legal >= 0 ? legal : 5L * WorkTime.WORK_SECONDS_PER_DAY;
    double u1 = r.nextDouble();
    boolean withdrawn = u1 < FeedModel.WITHDRAWN;
    boolean stalled = !withdrawn && legal >= 0 && u1 < FeedModel.WITHDRAWN + u.overdueOpen();
    boolean supplement = !withdrawn && r.nextDouble() < FeedModel.SUPPLEMENT;
    boolean late = r.nextDouble() < u.lateFinish();
    if (withdrawn) {
      d.withdrawn = time.plusWorkingSeconds(d.accepted, 1800 + r.nextInt((int) Math.max(3600, span / 2)));
      d.finalStatus = 7;
    }
    if (supplement) {
      double frac = 0.2 + 0.4 * r.nextDouble();
      d.supplementRequested = time.plusWorkingSeconds(d.accepted, Math.max(900, (long) (span * frac)));
      int pause = 1 + r.nextInt(10);
      long back = time.plusWorkingDays(time.snapDay(d.supplementRequested), pause);
      d.supplementReceived = WorkTime.at(back, r.nextInt(WorkTime.WORK_SECONDS_PER_DAY));
      if (d.due >= 0) {
        d.dueAfterSupplement = time.plusWorkingSeconds(d.due,
            time.workingSecondsBetween(d.supplementRequested, d.supplementReceived));
      }
    }
    if (!withdrawn && !stalled) {
      long start = d.clockStart();
      long due = d.currentDue();
      if (due < 0) {
        d.finished = time.plusWorkingSeconds(start, 1800 + r.nextInt(5 * WorkTime.WORK_SECONDS_PER_DAY));
      } else if (late) {
        d.finished = time.plusWorkingSeconds(due, 60 + r.nextInt(10 * WorkTime.WORK_SECONDS_PER_DAY));
      } else {
        long remaining = time.workingSecondsBetween(start, due);
        long s = Math.max(600, (long) (remaining * Math.pow(r.nextDouble(), 1.6)));
        d.finished = time.plusWorkingSeconds(start, Math.min(s, remaining));
      }
      boolean atOnce = r.nextDouble() < (d.channel == 2 ? FeedModel.RETURNED_AT_ONCE_ONLINE
          : FeedModel.RETURNED_AT_ONCE_OFFLINE);
      if (atOnce) {
        d.finalStatus = 10;
        d.returned = Math.min(d.finished + r.nextInt(1800), WorkTime.endOfDay(WorkTime.dayOf(d.finished)));
      } else {
        d.finalStatus = 9;
        long day = time.plusWorkingDays(time.workingDayOnOrAfter(WorkTime.dayOf(d.finished)), 1 + r.nextInt(5));
        d.returned = WorkTime.at(day, r.nextInt(WorkTime.WORK_SECONDS_PER_DAY));
      }
    }
    long firstLater = Long.MAX_VALUE;
    for (long t : new long[] {d.supplementRequested, d.finished, d.withdrawn}) {
      if (t >= 0) {
        firstLater = Math.min(firstLater, t);
      }
    }
    long acceptDay = WorkTime.dayOf(d.accepted);
    boolean sameDayLater = firstLater != Long.MAX_VALUE && WorkTime.dayOf(firstLater) == acceptDay;
    long nextMorning = WorkTime.at(time.nextWorkingDay(acceptDay), r.nextInt(2 * 3600));
    if (sameDayLater || r.nextDouble() < 0.5 || nextMorning >= firstLater) {
      d.transferInAcceptGroup = true;
      long t = d.accepted + (sameDayLater ? 30 + r.nextInt(270) : 60 + r.nextInt(1800));
      t = Math.min(t, WorkTime.endOfDay(acceptDay));
      d.transfer = firstLater == Long.MAX_VALUE ? t : Math.min(t, firstLater);
    } else {
      d.transfer = nextMorning;
      d.processingRecord = r.nextDouble() < FeedModel.PROCESSING_RECORD;
    }
    if (stalled && !supplement) {
      d.processingRecord = true; // a stalled dossier shows "4" (Đang xử lý) past its due date
    }
  }

  private void flags(Dossier d, SplittableRandom r, Procedure p) {
    boolean online = d.channel == 2;
    long day = d.originDay;
    if (p.feeVnd() > 0) {
      d.feeUnits = 1 + r.nextInt(p.feeUnitsMax());
      d.fee = p.feeVnd() * d.feeUnits;
      if (r.nextDouble() < FeedModel.paidOnline(day, online)) {
        d.paidOnline = r.nextDouble() < FeedModel.PAYMENT_PLATFORM_DVCQG ? 1 : 2;
      }
    } else {
      d.fee = r.nextDouble() < FeedModel.ZERO_FEE_ENTRY ? 0 : -1;
    }
    d.electronicResult = r.nextDouble() < FeedModel.electronicResult(day);
    d.resultDelivery = r.nextDouble() < (d.channel == 3 ? FeedModel.RESULT_BY_POST_POSTAL
        : FeedModel.RESULT_BY_POST_OTHER) ? 1 : 0;
    d.submittedWhere = online && r.nextDouble() < FeedModel.submittedOnNationalPortal(day) ? 1 : 2;
    d.digitisedInput = r.nextDouble() < (online ? FeedModel.DIGITISED_INPUT_ONLINE : FeedModel.DIGITISED_INPUT_OFFLINE);
    d.vneid = online && r.nextDouble() < FeedModel.vneidAuthenticated(day);
  }

  /** Fills the personal data of a built dossier (its own random stream). */
  void fillContent(Dossier d) {
    if (!d.contentReady) {
      d.person.fill(Mix.random(seed, Mix.CONTENT, d.originDay, unitId(d.unit), d.seq), d);
      d.contentReady = true;
    }
  }

  private static int onlineSecondOfDay(SplittableRandom r) {
    double u = r.nextDouble();
    int h = 0;
    while (h < 23 && HOUR_CUMULATIVE[h] < u) {
      h++;
    }
    return h * 3600 + r.nextInt(3600);
  }

  private static double[] cumulative(double[] w) {
    double sum = 0;
    for (double x : w) {
      sum += x;
    }
    double[] c = new double[w.length];
    double acc = 0;
    for (int i = 0; i < w.length; i++) {
      acc += w[i] / sum;
      c[i] = acc;
    }
    c[c.length - 1] = 1;
    return c;
  }

  WorkTime time() {
    return time;
  }
}
