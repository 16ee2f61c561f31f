package vn.dvcw.tools;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.dvcw.tools.generate.FeedGenerator;
import vn.dvcw.tools.generate.GenerateOptions;
import vn.dvcw.tools.generate.GenerationSummary;

/**
 * {@code dvcw generate}: writes synthetic DVCQG dossier-feed files (records and status events as the
 * provinces push them, with injected noise) and the generator's truth table. No Spark: it runs in
 * seconds. The file contract is documented on {@link FeedGenerator}.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Write synthetic DVCQG dossier feeds (both eras of the 1/7/2025 reorganisation) for testing",
        "the ingestion: DIR/feed/YYYY-MM/dvcqg-YYYY-MM-DD-{dossiers,events}.jsonl.gz, DIR/truth/monthly.csv,",
        "DIR/manifest.json. Same arguments, same bytes. Every record is marked \"_synthetic\":\"1\".",
        "Exit 0: written. Exit 2: bad arguments or a non-empty DIR without --force. Exit 1: failure."})
public final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day, ISO (e.g. 2024-01-01)")
  LocalDate from;

  @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day, inclusive, ISO")
  LocalDate to;

  @Option(names = "--scale", defaultValue = "0.001", paramLabel = "X",
      description = "1 = national size (about 70 million dossiers a year); default 0.001 (about 70,000 a year)")
  double scale;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Random seed (default 1)")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (empty or new)")
  Path out;

  @Option(names = "--force", description = "Write into a non-empty DIR, replacing a previous run's output")
  boolean force;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all processors)")
  Integer threads;

  @Override
  public Integer call() throws IOException {
    GenerateOptions options;
    try {
      options = new GenerateOptions(from, to, scale, seed, out, force,
          threads != null ? threads : Runtime.getRuntime().availableProcessors());
    } catch (IllegalArgumentException e) {
      System.err.println("dvcw generate: " + e.getMessage());
      return 2;
    }
    GenerationSummary s;
    try {
      s = new FeedGenerator(options, System.out::println).run();
    } catch (IllegalArgumentException e) {
      System.err.println("dvcw generate: " + e.getMessage());
      return 2;
    }
    System.out.printf("generated %,d dossiers: %,d files, %,d records, %,d bytes in %.1f s (%,.0f dossiers/s) -> %s%n",
        s.dossiers(), s.files(), s.records(), s.bytes(), s.seconds(), s.dossiersPerSecond(), out);
    return 0;
  }
}
