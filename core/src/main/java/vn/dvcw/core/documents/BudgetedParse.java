package vn.dvcw.core.documents;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Parses one document within the limits: over-long lines are taken out first (quarantined, read as empty, so
 * line numbers stay those of the file), then the parse runs on a worker thread and is waited for only as long
 * as the budget.
 *
 * <p>The worker is a daemon thread of its own: a parse that overruns is interrupted and abandoned, and cannot
 * keep the JVM alive after the refresh ends (and so cannot keep the lakehouse lock, which the refresh releases
 * as it finishes). Every pattern the parsers use is linear, so this is the second line of defence, not the first.
 */
final class BudgetedParse {
  /** How much of an over-long line the quarantine keeps: enough to recognise it, never megabytes. */
  static final int SHOWN_CHARS = 200;

  private BudgetedParse() {}

  static ParsedDocument run(SourceDocument doc, DocumentLimits limits, Function<SourceDocument, ParsedDocument> parse) {
    List<Problem> longLines = new ArrayList<>();
    SourceDocument within = withoutLongLines(doc, limits.maxLineChars(), longLines);
    ParsedDocument parsed = withinBudget(within, limits, parse);
    longLines.forEach(parsed::add);
    return parsed;
  }

  /** The document with each line longer than {@code max} replaced by an empty line, one problem per such line. */
  static SourceDocument withoutLongLines(SourceDocument doc, int max, List<Problem> problems) {
    List<String> lines = new ArrayList<>(doc.lines());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.length() > max) {
        problems.add(new Problem(null, i + 1, line.substring(0, SHOWN_CHARS) + "… (" + line.length() + " characters)",
            "line " + (i + 1) + " is " + line.length() + " characters long, over the limit of " + max + " ("
                + DocumentLimits.MAX_LINE_CHARS_ENV + "): that line was not read, the rest of the document was"));
        lines.set(i, "");
      }
    }
    if (problems.isEmpty()) {
      return doc;
    }
    return new SourceDocument(doc.path(), doc.sha256(), String.join("\n", lines), List.copyOf(lines));
  }

  private static ParsedDocument withinBudget(SourceDocument doc, DocumentLimits limits,
      Function<SourceDocument, ParsedDocument> parse) {
    FutureTask<ParsedDocument> task = new FutureTask<>(() -> parse.apply(doc));
    Thread worker = new Thread(task, "dvcw-parse " + doc.fileName());
    worker.setDaemon(true);
    worker.start();
    try {
      return task.get(limits.parseBudget().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      return failed(doc, "parsing took longer than the budget of " + shown(limits.parseBudget()) + " ("
          + DocumentLimits.PARSE_BUDGET_ENV + "): abandoned, the document is quarantined and nothing of it loaded");
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while parsing " + doc.path(), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof OutOfMemoryError) {
        throw new DocumentOutOfMemoryException(doc, limits);
      }
      if (cause instanceof StackOverflowError) {
        return failed(doc, "could not be parsed: its text nests too deeply for the parser (stack overflow)");
      }
      return failed(doc, "could not be parsed: " + cause);
    }
  }

  private static String shown(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static ParsedDocument failed(SourceDocument doc, String reason) {
    ParsedDocument out = new ParsedDocument(doc, new DocumentIdentity(DocumentKind.UNKNOWN, null, null, null, null,
        null, null, null, "not parsed: " + reason));
    out.add(new Problem(null, null, null, reason));
    return out;
  }
}
