package vn.dvcw.tools.generate;

/**
 * One handling unit (cơ quan, đơn vị xử lý) of one era: a province-level department, a district or a
 * commune, with its agency code, its name as sent in {@code DonViXuLy}, its share of the national
 * volume and its behaviour (online rate, delays), and pre-encoded JSON fragments.
 *
 * @param index position among the units of its era (part of every message key; &lt; 16384)
 * @param current true for the 34-province era (from 2025-07-01)
 * @param provinceCode GSO code of its province in its era ({@code province_former/current.csv})
 * @param provinceIndex position of that province in its era's list (file order)
 * @param birthProvinceCode a former-era GSO code of its area, for the birthplace digits of ID numbers
 * @param level province, district or commune
 * @param name the unit's name ({@code DonViXuLy})
 * @param agencyCode {@code XXX.YY.ZZ.Hnn}
 * @param share expected fraction of its era's national volume handled by this unit
 * @param onlineRate online rate before the former era's trend factor
 * @param lateAcceptance share of online dossiers accepted late (more than one working day)
 * @param overdueOpen share of accepted dossiers that stall past their due date
 * @param lateFinish share of accepted dossiers finished after their due date
 * @param procedures catalogue indices of the procedures it handles
 * @param procedureCumulative cumulative selection probabilities of {@code procedures}
 * @param officials its staff (receiver, processor, signer)
 */
record Unit(
    int index,
    boolean current,
    String provinceCode,
    int provinceIndex,
    int birthProvinceCode,
    Level level,
    String name,
    String agencyCode,
    double share,
    double onlineRate,
    double lateAcceptance,
    double overdueOpen,
    double lateFinish,
    int[] procedures,
    Cumulative procedureCumulative,
    Official[] officials,
    Json json) {

  /** Pre-encoded JSON: quoted name and department names, unquoted agency code. */
  record Json(byte[] name, byte[] agencyCode, byte[] receptionDepartment, byte[] processingDepartment) {}

  /** A fake official: quoted JSON name and title. */
  record Official(byte[] name, byte[] title) {}

  /** Picks a procedure index with {@code u} uniform in [0, 1). */
  int pickProcedure(double u) {
    return procedures[procedureCumulative.pick(u)];
  }
}
