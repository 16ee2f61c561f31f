package vn.dvcw.tools.generate;

/**
 * One synthetic dossier: its identity, its life (times in local seconds, -1 for "never"), its flags,
 * its messages, and, filled only when it is rendered, its personal data. Mutable and reused: a worker
 * thread rebuilds dossiers from their keys into a few instances rather than allocating per message.
 *
 * <p>What each record says is defined here once ({@link #status}, {@link #due}, …), and both the
 * renderer and the truth table read it, so the truth is what the files say.
 */
final class Dossier {
  // identity
  long originDay;
  Unit unit;
  int seq;

  // life
  boolean skipped;
  int channel;
  Procedure procedure;
  long submitted;
  long accepted;
  long refused;
  boolean lateAccepted;
  long due;
  long dueAfterSupplement;
  long transfer;
  boolean transferInAcceptGroup;
  boolean processingRecord;
  long supplementRequested;
  long supplementReceived;
  long finished;
  long returned;
  long withdrawn;
  /** 9 or 10 when finished, 7 withdrawn, 3 refused, 0 stalled (never finished). */
  int finalStatus;
  boolean submittedRecord;

  // flags
  int paidOnline;
  /** Total fee in VND; 0 = a fee entry with Gia "0"; -1 = no fee entry. */
  long fee;
  int feeUnits;
  boolean electronicResult;
  int resultDelivery;
  int submittedWhere;
  boolean digitisedInput;
  boolean vneid;

  // messages, in event order
  int messages;
  final int[] kind = new int[64];
  final long[] eventTime = new long[64];
  final long[] arrival = new long[64];
  final int[] variant = new int[64];

  // personal data (see FakePersonalData)
  boolean contentReady;
  final FakePersonalData person = new FakePersonalData();

  void reset(long originDay, Unit unit, int seq) {
    this.originDay = originDay;
    this.unit = unit;
    this.seq = seq;
    skipped = false;
    channel = 0;
    procedure = null;
    submitted = accepted = refused = due = dueAfterSupplement = transfer = -1;
    supplementRequested = supplementReceived = finished = returned = withdrawn = -1;
    lateAccepted = transferInAcceptGroup = processingRecord = submittedRecord = false;
    finalStatus = 0;
    paidOnline = 0;
    fee = -1;
    feeUnits = 0;
    electronicResult = false;
    resultDelivery = 0;
    submittedWhere = 2;
    digitisedInput = false;
    vneid = false;
    messages = 0;
    contentReady = false;
  }

  boolean hasSupplement() {
    return supplementRequested >= 0;
  }

  boolean isRefused() {
    return refused >= 0;
  }

  /** The due date after supplements (the one on final records). */
  long currentDue() {
    return dueAfterSupplement >= 0 ? dueAfterSupplement : due;
  }

  /** Start of the processing clock after supplements. */
  long clockStart() {
    return supplementReceived >= 0 ? supplementReceived : accepted;
  }

  /** {@code TrangThaiHoSo} of a record of {@code kind}. */
  int status(int kind) {
    return switch (kind) {
      case MessageKind.SUBMITTED -> 1;
      case MessageKind.ACCEPTED -> 2;
      case MessageKind.PROCESSING, MessageKind.SUPP_RESUBMIT -> 4;
      case MessageKind.SUPP_REQUEST -> 5;
      case MessageKind.FINAL -> finalStatus;
      case MessageKind.RETURNED -> 10;
      default -> throw new IllegalArgumentException("not a record kind: " + kind);
    };
  }

  /** {@code NgayTiepNhan} of a record (-1 = ""). */
  long acceptedOn(int kind) {
    return kind == MessageKind.SUBMITTED || isRefused() ? -1 : accepted;
  }

  /** {@code NgayHenTra} of a record (-1 = ""). */
  long due(int kind) {
    return switch (kind) {
      case MessageKind.SUBMITTED -> -1;
      case MessageKind.ACCEPTED, MessageKind.PROCESSING, MessageKind.SUPP_REQUEST -> due;
      case MessageKind.FINAL -> isRefused() ? -1 : currentDue();
      default -> currentDue();
    };
  }

  /** {@code NgayKetThucXuLy} of a record (-1 = ""). */
  long finishedOn(int kind) {
    return (kind == MessageKind.FINAL && finished >= 0) || kind == MessageKind.RETURNED ? finished : -1;
  }

  /** {@code NgayTra} of a record (-1 = ""). */
  long returnedOn(int kind) {
    return (kind == MessageKind.FINAL && finalStatus == 10) || kind == MessageKind.RETURNED ? returned : -1;
  }

  /** True if the record lists the result documents. */
  boolean hasResult(int kind) {
    return finishedOn(kind) >= 0;
  }

  /** 0 none, 1 request only, 2 request and resubmission, in {@code DanhSachHoSoBoSung}. */
  int supplementStage(int kind) {
    if (!hasSupplement()) {
      return 0;
    }
    return switch (kind) {
      case MessageKind.SUPP_REQUEST -> 1;
      case MessageKind.SUPP_RESUBMIT, MessageKind.FINAL, MessageKind.RETURNED -> 2;
      default -> 0;
    };
  }

  /** The time a record or event group is about (its arrival is a little later). */
  long eventTimeOf(int kind) {
    return switch (kind) {
      case MessageKind.SUBMITTED -> submitted;
      case MessageKind.ACCEPTED -> accepted;
      case MessageKind.EVT_ACCEPTED -> transferInAcceptGroup ? transfer : accepted;
      case MessageKind.PROCESSING, MessageKind.EVT_PROCESSING -> transfer;
      case MessageKind.SUPP_REQUEST, MessageKind.EVT_SUPP_REQUEST -> supplementRequested;
      case MessageKind.SUPP_RESUBMIT, MessageKind.EVT_SUPP_RESUBMIT -> supplementReceived;
      case MessageKind.FINAL, MessageKind.EVT_FINAL -> isRefused() ? refused
          : finalStatus == 7 ? withdrawn : finalStatus == 10 ? returned : finished;
      case MessageKind.RETURNED, MessageKind.EVT_RETURNED -> returned;
      default -> throw new IllegalArgumentException("kind " + kind);
    };
  }

  int addMessage(int kind, long event, long arrival, int variant) {
    int i = messages++;
    this.kind[i] = kind;
    this.eventTime[i] = event;
    this.arrival[i] = arrival;
    this.variant[i] = variant;
    return i;
  }
}
