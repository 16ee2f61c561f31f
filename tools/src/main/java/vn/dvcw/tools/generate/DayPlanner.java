package vn.dvcw.tools.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Plans all dossiers submitted on one day: draws each unit's counts, builds each dossier and schedules
 * its messages, and adds it to the truth. Units are split into slices of similar expected volume that
 * run on the worker pool; the slices' keys are merged into the schedule afterwards (their order does not
 * matter: each day's keys are sorted before writing).
 */
final class DayPlanner {
  private final DossierFactory factory;
  private final Delivery delivery;
  private final UnitCatalogue directory;
  private final ExecutorService pool;
  private final ThreadLocal<TruthTable> truth;
  private final List<int[]> formerSlices;
  private final List<int[]> currentSlices;

  /** Result of planning one slice. */
  record Slice(LongList days, LongList keys, long dossiers) {}

  DayPlanner(DossierFactory factory, Delivery delivery, UnitCatalogue directory, ExecutorService pool,
      ThreadLocal<TruthTable> truth, int slices) {
    this.factory = factory;
    this.delivery = delivery;
    this.directory = directory;
    this.pool = pool;
    this.truth = truth;
    this.formerSlices = slices(directory.units(false), slices);
    this.currentSlices = slices(directory.units(true), slices);
  }

  /** Plans day {@code day} and adds its messages to {@code schedule}; returns the number of dossiers. */
  long plan(long day, ArrivalSchedule schedule) {
    boolean current = DossierFactory.isCurrentEra(day);
    List<Unit> units = directory.units(current);
    List<Future<Slice>> futures = new ArrayList<>();
    for (int[] range : current ? currentSlices : formerSlices) {
      Callable<Slice> task = () -> planSlice(day, units, range[0], range[1]);
      futures.add(pool.submit(task));
    }
    long dossiers = 0;
    for (Future<Slice> f : futures) {
      Slice s;
      try {
        s = f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(e.getCause());
      }
      for (int i = 0; i < s.keys().size(); i++) {
        schedule.add(s.days().get(i), s.keys().get(i));
      }
      dossiers += s.dossiers();
    }
    return dossiers;
  }

  private Slice planSlice(long day, List<Unit> units, int from, int to) {
    LongList days = new LongList(1024);
    LongList keys = new LongList(1024);
    TruthTable table = truth.get();
    Dossier d = new Dossier();
    long dossiers = 0;
    long toDay = delivery.toDay();
    for (int ui = from; ui < to; ui++) {
      Unit u = units.get(ui);
      int n = factory.count(u, day);
      for (int seq = 1; seq <= n; seq++) {
        factory.build(d, day, u, seq);
        if (d.skipped) {
          continue;
        }
        delivery.schedule(d);
        if (d.messages == 0) {
          continue;
        }
        dossiers++;
        for (int m = 0; m < d.messages; m++) {
          long arrival = d.arrival[m];
          long arrivalDay = WorkTime.dayOf(arrival);
          if (arrivalDay > toDay) {
            throw new IllegalStateException("message scheduled after the last day");
          }
          int second = (int) (arrival - arrivalDay * WorkTime.DAY);
          days.add(arrivalDay);
          keys.add(ArrivalKey.pack(second, (int) (arrivalDay - day), u.index(), seq, d.kind[m], d.variant[m]));
        }
        table.add(d, factory.time(), toDay);
      }
    }
    return new Slice(days, keys, dossiers);
  }

  /** Contiguous unit ranges of about equal total share. */
  private static List<int[]> slices(List<Unit> units, int count) {
    double total = units.stream().mapToDouble(Unit::share).sum();
    List<int[]> out = new ArrayList<>();
    int start = 0;
    double acc = 0;
    for (int i = 0; i < units.size(); i++) {
      acc += units.get(i).share();
      if (acc >= total * (out.size() + 1) / count && i + 1 > start) {
        out.add(new int[] {start, i + 1});
        start = i + 1;
      }
    }
    if (start < units.size()) {
      out.add(new int[] {start, units.size()});
    }
    return out;
  }
}
