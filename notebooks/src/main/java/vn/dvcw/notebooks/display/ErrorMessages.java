package vn.dvcw.notebooks.display;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import vn.dvcw.notebooks.jshell.CellException;

/**
 * Turns an exception into what an analyst needs in the cell: the error's name and a few lines of its
 * message, without the stack trace or Spark's logical plan (the full trace goes to the kernel's log).
 */
public final class ErrorMessages {
  private ErrorMessages() {}

  static final int MAX_LINES = 12;
  static final int MAX_LINE_LENGTH = 300;

  /** A short error: a name such as "AnalysisException" and a message of at most {@value #MAX_LINES} lines. */
  public record ShortError(String name, String message) {
    /** The lines Jupyter shows: the name and first message line, then the rest of the message. */
    public List<String> lines() {
      List<String> out = new ArrayList<>();
      List<String> msg = message.lines().toList();
      out.add(name + (msg.isEmpty() ? "" : ": " + msg.get(0)));
      out.addAll(msg.subList(Math.min(1, msg.size()), msg.size()));
      return out;
    }
  }

  public static ShortError shorten(Throwable t) {
    if (t instanceof CellException cell && cell.getCause() == null) {
      String name = switch (cell.kind()) {
        case COMPILE -> "CompileError";
        case INCOMPLETE -> "IncompleteCode";
        case UNRESOLVED -> "NotDefined";
        case RUNTIME -> "Error";
      };
      return new ShortError(name, cap(cell.getMessage()));
    }
    Throwable e = innermostUseful(t);
    return new ShortError(publicName(e.getClass()), cap(readable(e.getMessage())));
  }

  /** The documented name of an error: Spark 3.5 throws ExtendedAnalysisException for AnalysisException. */
  static String publicName(Class<?> type) {
    Class<?> c = type;
    while (c.getSimpleName().startsWith("Extended") && c.getSuperclass() != null
        && Throwable.class.isAssignableFrom(c.getSuperclass())) {
      c = c.getSuperclass();
    }
    return c.getSimpleName();
  }

  /** Skips wrappers that only say "something inside failed": reflection, futures, Spark's job abort. */
  static Throwable innermostUseful(Throwable t) {
    Throwable e = t;
    for (int depth = 0; depth < 20 && e.getCause() != null && e.getCause() != e; depth++) {
      boolean wrapper = e instanceof CellException
          || e instanceof InvocationTargetException
          || e instanceof UndeclaredThrowableException
          || e instanceof ExecutionException
          || e instanceof CompletionException
          // A failed task reaches the driver as "Job aborted due to stage failure: ..." around the real error.
          || e.getClass().getName().equals("org.apache.spark.SparkException");
      if (!wrapper) {
        break;
      }
      e = e.getCause();
    }
    return e;
  }

  /** The message without Spark's logical plan or stack lines, and without blank lines around it. */
  static String readable(String message) {
    if (message == null || message.isBlank()) {
      return "(no message)";
    }
    List<String> kept = new ArrayList<>();
    for (String line : message.strip().split("\\R")) {
      if (isPlanOrStack(line)) {
        break;
      }
      kept.add(line.stripTrailing());
    }
    return kept.isEmpty() ? message.strip().lines().findFirst().orElse("") : String.join("\n", kept).strip();
  }

  private static boolean isPlanOrStack(String line) {
    String s = line.stripLeading();
    return line.startsWith("'") || s.startsWith("+- ") || s.startsWith(":- ") || s.startsWith(":  ")
        || s.startsWith("at ") && line.startsWith("\t") || s.startsWith("== Physical Plan")
        || s.startsWith("== Analyzed Logical Plan") || s.startsWith("== Parsed Logical Plan");
  }

  private static String cap(String message) {
    List<String> lines = message.lines().limit(MAX_LINES).map(l -> l.length() > MAX_LINE_LENGTH
        ? l.substring(0, MAX_LINE_LENGTH) + "…" : l).toList();
    long total = message.lines().count();
    String out = String.join("\n", lines);
    return total > MAX_LINES ? out + "\n… (" + (total - MAX_LINES) + " more lines in the kernel log)" : out;
  }
}
