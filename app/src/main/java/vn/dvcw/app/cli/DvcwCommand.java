package vn.dvcw.app.cli;

import java.util.ServiceLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code dvcw}: the warehouse's one command line. Exit codes: 0 success; 1 failure; 2 bad usage or a
 * query Spark rejects; 3 refresh succeeded with new findings (quarantined inputs or reconciliation
 * mismatches).
 */
@Command(name = "dvcw", mixinStandardHelpOptions = true, version = "dvc-warehouse 0.1.0",
    description = "Warehouse of Vietnam's online public services and administrative-procedure dossiers.",
    subcommands = {RefreshCommand.class, SqlCommand.class, TablesCommand.class, RunsCommand.class,
        MaintainCommand.class, ReportCommand.class},
    footer = {"", "Exit codes: 0 success, 1 failure, 2 bad usage or query, 3 refresh with new findings.",
        "Lakehouse: --lakehouse URI, else $DVCW_LAKEHOUSE, else ./lakehouse."})
public final class DvcwCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The command line with the commands of this jar and those of any {@link ToolCommands} on the class path. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new DvcwCommand());
    for (ToolCommands tools : ServiceLoader.load(ToolCommands.class)) {
      tools.commands().forEach(cli::addSubcommand);
    }
    return cli.setExecutionExceptionHandler(new ErrorHandler());
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Turns an unexpected exception into one readable line and exit code 1. */
  public static final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
      cmd.getErr().println("dvcw " + cmd.getCommandName() + ": " + Errors.oneLine(ex));
      cmd.getErr().println("(set DVCW_DEBUG=1 for the stack trace)");
      if (System.getenv("DVCW_DEBUG") != null) {
        ex.printStackTrace(cmd.getErr());
      }
      return 1;
    }
  }
}
