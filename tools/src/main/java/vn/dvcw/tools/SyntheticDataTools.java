package vn.dvcw.tools;

import java.util.List;
import vn.dvcw.app.cli.ToolCommands;

/** Registers {@code dvcw generate} and {@code dvcw bench} (META-INF/services) when this module is on the class path. */
public final class SyntheticDataTools implements ToolCommands {
  @Override
  public List<Object> commands() {
    return List.of(new GenerateCommand(), new BenchCommand());
  }
}
