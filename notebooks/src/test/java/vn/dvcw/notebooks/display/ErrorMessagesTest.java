package vn.dvcw.notebooks.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.dvcw.notebooks.jshell.CellException;

@Tag("fast")
class ErrorMessagesTest {

  @Test
  void sparkPlansAreCutAfterTheSentence() {
    String spark = "[TABLE_OR_VIEW_NOT_FOUND] The table or view `analytics`.`nope` cannot be found. Verify the "
        + "spelling.\nIf you did not qualify the name with a schema, verify the current_schema() output.; line 1 pos 14;\n"
        + "'Project [*]\n+- 'UnresolvedRelation [analytics, nope], [], false\n";
    ErrorMessages.ShortError e = ErrorMessages.shorten(new IllegalStateException(spark));
    assertEquals("IllegalStateException", e.name());
    assertTrue(e.message().startsWith("[TABLE_OR_VIEW_NOT_FOUND]"));
    assertTrue(e.message().endsWith("line 1 pos 14;"));
    assertFalse(e.message().contains("UnresolvedRelation"));
    assertEquals(2, e.message().lines().count());
  }

  @Test
  void parseErrorsKeepTheQueryAndItsCaret() {
    String parse = "\n[PARSE_SYNTAX_ERROR] Syntax error at or near 'FORM'.(line 1, pos 9)\n\n== SQL ==\n"
        + "SELECT * FORM x\n---------^^^\n";
    String msg = ErrorMessages.shorten(new RuntimeException(parse)).message();
    assertTrue(msg.startsWith("[PARSE_SYNTAX_ERROR]"));
    assertTrue(msg.contains("SELECT * FORM x\n---------^^^"));
  }

  @Test
  void failedTasksReportTheTasksOwnError() {
    SparkException job = new SparkException("Job aborted due to stage failure: Task 0 in stage 1.0 failed 1 times, "
        + "most recent failure: Lost task 0.0: java.lang.ArithmeticException: / by zero\n\tat REPL.x(x.java:1)",
        new ArithmeticException("/ by zero"));
    CellException cell = new CellException(CellException.Kind.RUNTIME, job.toString(),
        new InvocationTargetException(job));
    ErrorMessages.ShortError e = ErrorMessages.shorten(cell);
    assertEquals("ArithmeticException", e.name());
    assertEquals("/ by zero", e.message());
    assertEquals("ArithmeticException: / by zero", e.lines().get(0));
  }

  @Test
  void compileErrorsKeepTheirOwnWording() {
    ErrorMessages.ShortError e = ErrorMessages.shorten(new CellException(CellException.Kind.COMPILE,
        "Cell line 2: cannot find symbol\n  symbol: variable foo\n    foo\n    ^", null));
    assertEquals("CompileError", e.name());
    assertEquals(4, e.lines().size());
  }

  @Test
  void longMessagesAreCappedAndSayWhereTheRestIs() {
    String longMessage = "x".repeat(1000) + "\n" + "line\n".repeat(40);
    ErrorMessages.ShortError e = ErrorMessages.shorten(new RuntimeException(longMessage));
    assertEquals(ErrorMessages.MAX_LINES + 1, e.message().lines().count());
    assertTrue(e.message().lines().findFirst().orElseThrow().length() <= ErrorMessages.MAX_LINE_LENGTH + 1);
    assertTrue(e.message().endsWith("(29 more lines in the kernel log)"));
  }

  @Test
  void aMissingMessageIsSaidSo() {
    assertEquals("(no message)", ErrorMessages.shorten(new NullPointerException()).message());
  }
}
