package vn.dvcw.app;

import vn.dvcw.app.cli.DvcwCommand;

/** Entry point of {@code ./dvcw} and of the application jar under spark-submit. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (tests call this). */
  public static int run(String... args) {
    return DvcwCommand.commandLine().execute(args);
  }
}
