/**
 * {@code dvcw generate}: deterministic synthetic DVCQG dossier feeds (records and status events as
 * provincial systems push them) for both eras of the 1 July 2025 reorganisation, with injected noise
 * and the generator's own truth, for testing the ingestion.
 *
 * <h2>Where the contract is written down</h2>
 *
 * <ul>
 *   <li>Folder layout, manifest, ordering, state as of a day: {@link vn.dvcw.tools.generate.FeedGenerator}.
 *   <li>Record fields: {@link vn.dvcw.tools.generate.RecordRenderer}; event envelopes and event texts:
 *       {@link vn.dvcw.tools.generate.EventRenderer}.
 *   <li>Which messages a dossier sends and the precedence that picks its state:
 *       {@link vn.dvcw.tools.generate.MessageKind}.
 *   <li>Agency codes, unit names and the name-prefix → level table:
 *       {@link vn.dvcw.tools.generate.UnitCatalogue}.
 *   <li>Injected noise, its manifest names and the quarantine rule for each broken kind:
 *       {@link vn.dvcw.tools.generate.Injection}.
 *   <li>{@code truth/monthly.csv} and the metric definitions: {@link vn.dvcw.tools.generate.TruthTable}.
 * </ul>
 *
 * <h2>Where the numbers come from</h2>
 *
 * Seed figures (Công văn 7260/VPCP-KSTT, report 20-BCHN/CQTTBCĐ) are copied into
 * {@code generate/calibration.csv} ({@link vn.dvcw.tools.generate.CalibrationDerivation}, pinned by a
 * test); every other constant is in {@link vn.dvcw.tools.generate.FeedModel},
 * {@link vn.dvcw.tools.generate.DayVolume}, {@link vn.dvcw.tools.generate.DossierFactory},
 * {@link vn.dvcw.tools.generate.UnitCatalogue} and {@link vn.dvcw.tools.generate.ProcedureCatalogue},
 * each saying whether it is a seed figure or a choice.
 *
 * <h2>Known boundary effects</h2>
 *
 * The first month of a run, and July 2025 (the first month of the 34-province map, since no dossier
 * straddles the switch-over), have no carry-in of dossiers submitted earlier and accepted late: their
 * online share is ≈ 1 point and their late-acceptance share ≈ 10% below the seed; from the second month
 * the seed values are met. The truth file always describes exactly what the files hold.
 */
package vn.dvcw.tools.generate;
