package vn.dvcw.notebooks.jshell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Evaluates notebook cells as JShell snippets in this JVM (see {@link SnippetExecutionControl}).
 *
 * <p>JShell starts once, on the first call of {@link #start()} (the kernel calls it in the background as
 * soon as it is up, and every cell calls it too): methods are synchronised, so the first cell waits for the
 * start-up snippets instead of racing them. A start-up failure is reported by every cell, not swallowed.
 */
public final class SnippetExecutor implements AutoCloseable {
  private final String classPath;
  private final List<String> startupSnippets;
  private final SnippetExecutionControl control = new SnippetExecutionControl();
  private JShell shell;
  private SourceCodeAnalysis analysis;
  private RuntimeException startupFailure;
  private final Set<String> resetVariables = new java.util.TreeSet<>();

  /**
   * @param classPath the class path snippets compile against (the kernel's own: they run in its JVM)
   * @param startupSnippets code run once before the first cell, e.g. imports and the warehouse session
   */
  public SnippetExecutor(String classPath, List<String> startupSnippets) {
    this.classPath = classPath;
    this.startupSnippets = List.copyOf(startupSnippets);
  }

  /** Starts JShell and runs the start-up snippets, once; later calls return at once or rethrow its failure. */
  public synchronized void start() {
    if (shell == null) {
      shell = JShell.builder()
          .executionEngine(new SnippetExecutionProvider(control), Map.of())
          .compilerOptions("--class-path", classPath)
          .build();
      analysis = shell.sourceCodeAnalysis();
      try {
        for (String snippet : startupSnippets) {
          evalCell(snippet);
        }
      } catch (RuntimeException e) {
        startupFailure = e;
      }
    }
    if (startupFailure != null) {
      throw startupFailure;
    }
  }

  public synchronized boolean started() {
    return shell != null;
  }

  /**
   * Evaluates a cell: every statement and declaration in it, in order.
   *
   * @return the value of the cell's last snippet if that is an expression, else null
   * @throws CellException if a snippet does not compile, is incomplete, or throws
   */
  public synchronized Object eval(String cell) {
    start();
    return evalCell(cell);
  }

  private Object evalCell(String cell) {
    resetVariables.clear();
    try {
      return evalSnippets(cell);
    } finally {
      if (!resetVariables.isEmpty()) {
        // JShell recompiled earlier declarations (typically after an import) and, running in this JVM, had to
        // load them as new classes: their variables start again from null. Say so rather than fail later.
        System.err.println("Note: this cell made JShell reload the declaration of " + String.join(", ", resetVariables)
            + "; their values are reset: run the cells that set them again.");
      }
    }
  }

  /** Names of variables whose earlier values the last cell reset. */
  public synchronized Set<String> resetVariables() {
    return Set.copyOf(resetVariables);
  }

  private Object evalSnippets(String cell) {
    Object value = null;
    String remaining = cell;
    SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
    while (info.completeness().isComplete()) {
      int start = snippetStart(cell, cell.length() - remaining.length(), info.source());
      value = evalSnippet(cell, start, info.source());
      remaining = info.remaining();
      info = analysis.analyzeCompletion(remaining);
    }
    if (info.completeness() != Completeness.EMPTY) {
      throw new CellException(CellException.Kind.INCOMPLETE,
          "Incomplete code at cell line " + lineOf(cell, cell.length() - remaining.length() + leadingSpace(remaining))
              + ": " + firstLine(remaining.strip()) + " (a missing ';', ')' or '}'?)", null);
    }
    return value;
  }

  private Object evalSnippet(String cell, int start, String source) {
    control.reset();
    List<SnippetEvent> events = shell.eval(source);
    Object value = null;
    for (SnippetEvent event : events) {
      if (event.causeSnippet() != null) {
        // A dependent snippet updated as a consequence, not the one just typed.
        if (event.snippet() instanceof VarSnippet v && event.status().isActive()) {
          resetVariables.add(v.name());
        }
        continue;
      }
      Snippet snippet = event.snippet();
      if (event.status() == Snippet.Status.REJECTED) {
        throw new CellException(CellException.Kind.COMPILE, compileMessage(cell, start, snippet), null);
      }
      if (event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
        throw new CellException(CellException.Kind.UNRESOLVED,
            "Cell line " + lineOf(cell, start) + ": needs " + unresolved(snippet) + ", not defined yet", null);
      }
      JShellException thrown = event.exception();
      if (thrown != null) {
        throw runtimeFailure(cell, start, thrown);
      }
      value = isExpression(snippet) ? control.lastValue() : null;
    }
    return value;
  }

  private CellException runtimeFailure(String cell, int start, JShellException thrown) {
    if (thrown instanceof UnresolvedReferenceException unresolved) {
      return new CellException(CellException.Kind.UNRESOLVED, "Cell line " + lineOf(cell, start) + ": "
          + unresolved.getSnippet().toString().lines().findFirst().orElse("") + " needs "
          + unresolved(unresolved.getSnippet()) + ", not defined yet", null);
    }
    Throwable real = control.lastFailure();
    if (real != null) {
      return new CellException(CellException.Kind.RUNTIME, real.toString(), real);
    }
    String name = thrown instanceof EvalException ee ? ee.getExceptionClassName() : thrown.getClass().getName();
    return new CellException(CellException.Kind.RUNTIME, name + ": " + thrown.getMessage(), thrown);
  }

  private String unresolved(Snippet snippet) {
    if (snippet instanceof jdk.jshell.DeclarationSnippet declaration) {
      return shell.unresolvedDependencies(declaration).collect(Collectors.joining(", "));
    }
    return "a definition";
  }

  private String compileMessage(String cell, int start, Snippet snippet) {
    List<String> lines = new ArrayList<>();
    for (Diag diag : shell.diagnostics(snippet).filter(Diag::isError).limit(3).toList()) {
      int at = start + (int) Math.max(0, diag.getPosition());
      int line = lineOf(cell, at);
      String[] cellLines = cell.split("\n", -1);
      String text = line - 1 < cellLines.length ? cellLines[line - 1] : "";
      int column = at - (cell.lastIndexOf('\n', Math.max(0, at - 1)) + 1);
      List<String> message = diag.getMessage(Locale.ROOT).lines()
          .filter(l -> !l.strip().startsWith("location:")).toList();
      lines.add("Cell line " + line + ": " + String.join("\n  ", message));
      lines.add("    " + text);
      lines.add("    " + " ".repeat(Math.max(0, Math.min(column, text.length()))) + "^");
    }
    return lines.isEmpty() ? "The code does not compile" : String.join("\n", lines);
  }

  private static boolean isExpression(Snippet snippet) {
    return switch (snippet.subKind()) {
      case OTHER_EXPRESSION_SUBKIND, TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND -> true;
      default -> false;
    };
  }

  /**
   * Runs kernel code (rendering a DataFrame, a SQL cell) with the snippet loader as context class loader,
   * for the same reason snippets get it: the DataFrame may carry cell-defined classes.
   */
  public <T> T withSnippetLoader(Callable<T> work) throws Exception {
    ClassLoader loader = control.snippetLoader();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    if (loader != null) {
      thread.setContextClassLoader(loader);
    }
    try {
      return work.call();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** Completion candidates at the cursor, and the start of the text they replace. */
  public record Completions(int start, int end, List<String> candidates) {}

  public synchronized Completions complete(String code, int cursor) {
    if (shell == null) {
      return new Completions(cursor, cursor, List.of());
    }
    int[] anchor = {cursor};
    List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(code, cursor, anchor);
    Set<String> ordered = new LinkedHashSet<>();
    suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
        .forEach(s -> ordered.add(s.continuation()));
    suggestions.forEach(s -> ordered.add(s.continuation()));
    return new Completions(anchor[0], cursor, List.copyOf(ordered));
  }

  /** Signatures of the method or type at the cursor, for the notebook's tooltip. */
  public synchronized List<String> signatures(String code, int cursor) {
    if (shell == null) {
      return List.of();
    }
    return analysis.documentation(code, cursor, false).stream()
        .map(SourceCodeAnalysis.Documentation::signature).distinct().toList();
  }

  /** Whether a cell is complete as typed: COMPLETE, INCOMPLETE (keep typing) or INVALID. */
  public enum Completion { COMPLETE, INCOMPLETE, INVALID, UNKNOWN }

  public synchronized Completion completeness(String code) {
    if (shell == null) {
      return Completion.UNKNOWN;
    }
    SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(code);
    while (info.completeness().isComplete()) {
      info = analysis.analyzeCompletion(info.remaining());
    }
    return switch (info.completeness()) {
      case EMPTY -> Completion.COMPLETE;
      case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> Completion.INCOMPLETE;
      case UNKNOWN -> Completion.INVALID;
      default -> Completion.UNKNOWN;
    };
  }

  /** Interrupts the running snippet's thread (not synchronised: it is called while a cell runs). */
  public void interrupt() {
    control.interruptRunning();
  }

  @Override
  public synchronized void close() {
    if (shell != null) {
      shell.close();
    }
  }

  private static int snippetStart(String cell, int consumed, String source) {
    String probe = source.endsWith(";") ? source.substring(0, source.length() - 1) : source;
    int idx = probe.isEmpty() ? -1 : cell.indexOf(probe, consumed);
    return idx >= 0 ? idx : consumed + leadingSpace(cell.substring(consumed));
  }

  private static int leadingSpace(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  static int lineOf(String cell, int offset) {
    int line = 1;
    for (int i = 0; i < Math.min(offset, cell.length()); i++) {
      if (cell.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String first = nl < 0 ? s : s.substring(0, nl);
    return first.length() > 80 ? first.substring(0, 80) + "…" : first;
  }
}
