package vn.dvcw.tools.generate;

/**
 * Turns message keys back into JSON lines: decodes the key, rebuilds the dossier (a small per-thread
 * cache avoids rebuilding it for each of its messages of the day) and writes the record or event line.
 * One instance per worker thread; not thread-safe.
 */
final class MessageRenderer {
  /** Dossiers kept rebuilt: a dossier's record and its events arrive minutes apart (≈ 5,000 dossiers at scale 1). */
  private static final int CACHE = 8192;
  private final DossierFactory factory;
  private final UnitCatalogue directory;
  private final Dossier[] cache = new Dossier[CACHE];
  private final long[] cacheId = new long[CACHE];
  private final JsonSink records = new JsonSink(2 << 20);
  private final JsonSink envelopes = new JsonSink(2 << 20);
  private long lastEvents;

  MessageRenderer(DossierFactory factory, UnitCatalogue directory) {
    this.factory = factory;
    this.directory = directory;
    java.util.Arrays.fill(cacheId, -1);
  }

  /** Renders keys[from, to) of day {@code arrivalDay}: {records bytes, event envelope bytes}. */
  byte[][] renderBlock(long[] keys, int from, int to, long arrivalDay) {
    records.reset();
    envelopes.reset();
    long events = 0;
    for (int i = from; i < to; i++) {
      long key = keys[i];
      events += render(key, arrivalDay, MessageKind.isRecord(ArrivalKey.kind(key)) ? records : envelopes);
    }
    lastEvents = events;
    return new byte[][] {records.toBytes(), envelopes.toBytes()};
  }

  /** Events written by the last {@link #renderBlock}. */
  long lastEventCount() {
    return lastEvents;
  }

  /** Appends the line of message {@code key} arriving on {@code arrivalDay}; returns its number of events. */
  int render(long key, long arrivalDay, JsonSink out) {
    long origin = arrivalDay - ArrivalKey.lag(key);
    Unit unit = directory.units(DossierFactory.isCurrentEra(origin)).get(ArrivalKey.unit(key));
    int seq = ArrivalKey.seq(key);
    Dossier d = dossier(origin, unit, seq);
    factory.fillContent(d);
    int kind = ArrivalKey.kind(key);
    int variant = ArrivalKey.variant(key);
    if (MessageKind.isRecord(kind)) {
      RecordRenderer.write(out, d, kind, variant, factory.time());
      return 0;
    }
    EventRenderer.write(out, d, kind, variant, factory.time());
    return eventsIn(d, kind);
  }

  /** The built dossier of a key, from the cache or rebuilt. */
  Dossier dossier(long origin, Unit unit, int seq) {
    long id = (origin << 32) | ((long) unit.index() << ArrivalKey.SEQ_BITS) | seq;
    int slot = (int) (Mix.mix64(id) & (CACHE - 1));
    Dossier d = cache[slot];
    if (d == null) {
      d = new Dossier();
      cache[slot] = d;
    }
    if (cacheId[slot] != id) {
      factory.build(d, origin, unit, seq);
      cacheId[slot] = id;
    }
    return d;
  }

  private static int eventsIn(Dossier d, int kind) {
    if (kind == MessageKind.EVT_ACCEPTED) {
      return d.transferInAcceptGroup ? 2 : 1;
    }
    if (kind == MessageKind.EVT_FINAL && !d.isRefused() && d.finalStatus == 10) {
      return 2;
    }
    return 1;
  }
}
