package vn.dvcw.serve;

import java.util.List;
import vn.dvcw.app.cli.ToolCommands;

/** Registers {@code dvcw serve} (META-INF/services) when this module is on the class path. */
public final class ServeTools implements ToolCommands {
  @Override
  public List<Object> commands() {
    return List.of(new ServeCommand());
  }
}
