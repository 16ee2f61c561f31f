package vn.dvcw.notebooks.jshell;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Hands JShell the one execution control of an executor, so the executor can reach it afterwards. */
final class SnippetExecutionProvider implements ExecutionControlProvider {
  private final SnippetExecutionControl control;

  SnippetExecutionProvider(SnippetExecutionControl control) {
    this.control = control;
  }

  @Override
  public String name() {
    return "dvcw-local";
  }

  @Override
  public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
    return control;
  }
}
