package vn.dvcw.tools.generate;

import java.time.LocalDate;
import vn.dvcw.core.geo.Era;

/**
 * The behavioural constants of the generator, each with where it comes from. "Seed" means a figure of
 * the seed documents (through {@code calibration.csv}); "choice" means a plausible value picked for
 * realism where no source gives one; the tests check the seed-derived ones.
 */
final class FeedModel {
  private FeedModel() {}

  /**
   * Dossiers received nationally per year at scale 1. Seed: 20-BCHN III counts 7,930,179 dossiers from
   * 01/7 to 17:00 on 09/8/2025, 28 working days and a bit, i.e. ≈ 280,000 per working day, ≈ 70 million
   * over the ≈ 250 working days of a year.
   */
  static final double DOSSIERS_PER_YEAR = 70_000_000d;

  /** First day of the 34-province map (Resolution 202/2025/QH15). */
  static final LocalDate SWITCH_OVER = Era.REORGANISATION_DATE;
  static final long SWITCH_OVER_DAY = SWITCH_OVER.toEpochDay();
  static final long TREND_START_DAY = LocalDate.of(2024, 1, 1).toEpochDay();
  static final long LAST_FORMER_DAY = SWITCH_OVER_DAY - 1;

  /**
   * Former era online rate = the successor province's 20-BCHN rate (by level) × this factor, rising
   * linearly from {@link #ONLINE_FACTOR_START} on 2024-01-01 to {@link #ONLINE_FACTOR_END} on
   * 2025-06-30; from 2025-07-01 the factor is 1 (the seed rates). Choice (no seed gives a national
   * online rate before July 2025): nationally this gives ≈ 46% in January 2024 rising to ≈ 61% in June
   * 2025, then a step to the seed's 72.7% when the provincial portals closed on 1/7/2025 (Công văn
   * 5085/VPCP-KSTT).
   */
  static final double ONLINE_FACTOR_START = 0.65;
  static final double ONLINE_FACTOR_END = 0.85;

  /**
   * Before 2025-07-01 the late-acceptance, overdue and late-finish shares are the successor province's
   * July 2025 shares (7260) times this factor. Choice: 7260 describes the first, disrupted month of
   * two-level government; earlier processing is assumed steadier.
   */
  static final double FORMER_DELAY_FACTOR = 0.6;

  /**
   * Share of the not-on-time remainder of 7260 (1 − on time − overdue open) that finished late; the
   * rest is read as dossiers not yet due at the letter's cut-off. Choice.
   */
  static final double LATE_FINISH_OF_REMAINDER = 0.3;

  /** Cap on the stalled (overdue, never finished) share. Thanh Hóa's 16% and Hà Nội's 22% stay under it. */
  static final double MAX_OVERDUE_OPEN = 0.25;

  /** Former-era share of province-level units = this × the 2025 province-level share. Choice. */
  static final double FORMER_PROVINCE_LEVEL_FACTOR = 0.7;

  /**
   * Former-era commune-level units per current commune: about 10,035 communes, wards and townships
   * before the 2025 reorganisation against 3,321 after (20-BCHN Phụ lục 4), i.e. ≈ 3.02.
   */
  static final double FORMER_COMMUNES_PER_CURRENT = 3.02;

  /** Former-era communes per district (≈ 10,035 communes in ≈ 700 district-level units). */
  static final double COMMUNES_PER_DISTRICT = 14.2;

  /** Postal (BCCI) share of non-online dossiers: "a few %" of all. Choice. */
  static final double POSTAL_OF_OFFLINE = 0.08;

  /** Online dossiers refused at intake (status 3). Choice. */
  static final double REFUSED_OF_ONLINE = 0.015;

  /** Accepted dossiers withdrawn by the citizen (status 7). Choice. */
  static final double WITHDRAWN = 0.004;

  /** Accepted dossiers with one supplement request (status 5). Choice. */
  static final double SUPPLEMENT = 0.04;

  /**
   * Of the online dossiers decided (accepted or refused) on a later day than submitted, the share that
   * first sends a status-1 record at submission: 30% of those accepted on time, 90% of those accepted
   * late or refused (a system that has not accepted a dossier for days has synced it meanwhile). Choice.
   */
  static final double SUBMITTED_RECORD_ON_TIME = 0.3;
  static final double SUBMITTED_RECORD_LATE = 0.9;

  /** Finished dossiers whose result is handed back at once (status 10 directly). Choice. */
  static final double RETURNED_AT_ONCE_ONLINE = 0.85;
  static final double RETURNED_AT_ONCE_OFFLINE = 0.7;

  /** Results sent back by post (HinhThuc 1): nearly all postal dossiers, a few others. Choice. */
  static final double RESULT_BY_POST_POSTAL = 0.9;
  static final double RESULT_BY_POST_OTHER = 0.03;

  /** Online dossiers with digitised components (HoSoCoThanhPhanSoHoa 1) vs in-person ones. Choice. */
  static final double DIGITISED_INPUT_ONLINE = 0.8;
  static final double DIGITISED_INPUT_OFFLINE = 0.35;

  /** Dossiers whose processing starts on a later day that also send a status-4 record then. Choice. */
  static final double PROCESSING_RECORD = 0.3;

  /** Free procedures that still list a fee entry with Gia "0" (instead of an empty list). Choice. */
  static final double ZERO_FEE_ENTRY = 0.3;

  /** Of online payments, share through the DVCQG payment platform (1) rather than a provincial one (2). */
  static final double PAYMENT_PLATFORM_DVCQG = 0.6;

  /** Online rate trend factor on {@code day} (1 from the switch-over). */
  static double onlineFactor(long day) {
    if (day >= SWITCH_OVER_DAY) {
      return 1;
    }
    return ONLINE_FACTOR_START + (ONLINE_FACTOR_END - ONLINE_FACTOR_START) * progress(day);
  }

  /**
   * Share of finished dossiers with an electronic result (a {@code DuongDanTepTinKetQua}): 70% in
   * early 2024 rising to 85% by June 2025, 90% after (within the 80-95% asked for; the KPI is ≥ 90%).
   */
  static double electronicResult(long day) {
    return day >= SWITCH_OVER_DAY ? 0.90 : 0.70 + 0.15 * progress(day);
  }

  /**
   * Probability that a dossier with a fee is paid online, by channel: online 35% → 55% (former era),
   * 62% after; in person 8% → 12% (QR payment at the counter). Nationally about 20% of dossiers with
   * fees in 2024 and 45-50% in late 2025 (target 30%, NQ 76/NQ-CP; asked 30-50% in 2025). Choice.
   */
  static double paidOnline(long day, boolean online) {
    if (online) {
      return day >= SWITCH_OVER_DAY ? 0.62 : 0.35 + 0.20 * progress(day);
    }
    return day >= SWITCH_OVER_DAY ? 0.12 : 0.08;
  }

  /** Online applicants whose account is VNeID-authenticated: 50% → 80%, then 92%. Choice. */
  static double vneidAuthenticated(long day) {
    return day >= SWITCH_OVER_DAY ? 0.92 : 0.50 + 0.30 * progress(day);
  }

  /**
   * Online dossiers submitted on the DVCQG portal (NoiNopHoSo 1) rather than the provincial portal:
   * 25% → 45% while provincial portals existed, 97% after they closed on 1/7/2025. Choice.
   */
  static double submittedOnNationalPortal(long day) {
    return day >= SWITCH_OVER_DAY ? 0.97 : 0.25 + 0.20 * progress(day);
  }

  /** 0 on 2024-01-01 → 1 on 2025-06-30, clamped. */
  static double progress(long day) {
    double p = (double) (day - TREND_START_DAY) / (LAST_FORMER_DAY - TREND_START_DAY);
    return Math.max(0, Math.min(1, p));
  }
}
