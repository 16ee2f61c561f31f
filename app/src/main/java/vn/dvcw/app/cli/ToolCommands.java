package vn.dvcw.app.cli;

import java.util.List;

/**
 * Commands that live outside the application jar, found on the class path with {@link java.util.ServiceLoader}.
 *
 * <p>The synthetic-data tools ({@code dvcw generate}, {@code dvcw bench}) are a module of their own so that the
 * generator and DuckDB never ship to a cluster in {@code dvcw-app.jar}; from a checkout, {@code ./dvcw} puts that
 * module on its class path and the commands appear beside the others.
 */
public interface ToolCommands {
  /** Picocli command objects (classes annotated with {@code @Command}) to add as subcommands of {@code dvcw}. */
  List<Object> commands();
}
