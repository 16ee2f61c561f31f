package vn.dvcw.notebooks.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.dvcw.notebooks.Dvcw;
import vn.dvcw.notebooks.display.Display;
import vn.dvcw.notebooks.display.ErrorMessages;
import vn.dvcw.notebooks.display.RichOutput;
import vn.dvcw.notebooks.jshell.CellException;
import vn.dvcw.notebooks.jshell.SnippetExecutor;

/**
 * The kernel's pieces with a real local Spark and JShell, without Jupyter. The session is created inside a
 * JShell snippet, as the kernel does, so Spark's executor sees classes defined in cells only if the
 * executor sets the snippet loader as context class loader.
 */
@Tag("spark")
class KernelWithSparkTest {
  private static SnippetExecutor executor;
  private static WarehouseKernel kernel;
  private static final List<RichOutput> shown = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startKernel() {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ClassLoader application = Thread.currentThread().getContextClassLoader();
    executor = new SnippetExecutor(classPath, List.of(
        """
        import org.apache.spark.sql.*;
        import org.apache.spark.api.java.function.*;
        import vn.dvcw.notebooks.*;
        import static vn.dvcw.notebooks.Globals.*;
        """,
        """
        SparkSession session = SparkSession.builder().master("local[1]").appName("kernel-test")
            .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "1")
            .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
        Globals.use(Dvcw.using(session));
        """));
    // JShell's loader delegate makes its loader the constructing thread's context class loader, as a side
    // effect. Undo it: the session below must start with the application loader around it, so that only
    // the executor's own wrapper can make cell classes visible to Spark (as for a kernel thread that
    // existed before JShell did).
    Thread.currentThread().setContextClassLoader(application);
    kernel = new WarehouseKernel(executor);
    Dvcw.useDisplay(Display.collecting(shown::add));
    executor.start();
    assertSame(application, Thread.currentThread().getContextClassLoader(), "the wrapper restores the loader");
  }

  @AfterAll
  static void stop() {
    Dvcw.closeCurrent();
    executor.close();
  }

  @Test
  void lambdaWrittenInACellRunsInSparkTasks() {
    Object sum = executor.eval("""
        spark.range(5)
            .map((MapFunction<Long, Long>) x -> x * 2, Encoders.LONG())
            .reduce((ReduceFunction<Long>) Long::sum)
        """);
    assertEquals(20L, sum);
  }

  @Test
  void classDefinedInOneCellIsUsedByTasksInTheNext() {
    executor.eval("record Share(long part, long whole) implements java.io.Serializable {"
        + " double rate() { return (double) part / whole; } }");
    Object rates = executor.eval("""
        spark.range(1, 4)
            .map((MapFunction<Long, String>) x -> String.valueOf(new Share(x, 4).rate()), Encoders.STRING())
            .collectAsList()
        """);
    assertEquals(List.of("0.25", "0.5", "0.75"), rates);
  }

  @Test
  void variablesLiveAcrossCellsAndDeclarationsShowNothing() {
    assertNull(executor.eval("var kept = spark.range(7);"));
    assertEquals(7L, executor.eval("kept.count()"));
  }

  @Test
  void theNotebooksNamesSurviveAnImportThatMakesJShellReloadDeclarations() {
    executor.eval("var mine = Dvcw.current();");
    executor.eval("import vn.dvcw.charts.*;");
    boolean reported = executor.resetVariables().contains("mine");
    assertEquals(3L, executor.eval("spark.range(3).count()"));
    assertEquals(Boolean.TRUE, executor.eval("dvcw == Dvcw.current()"));
    // Whatever JShell reset, the executor said so: a JShell variable is null exactly when it was reported.
    assertEquals(reported, executor.eval("mine == null"));
  }

  @Test
  void sqlCellShowsTheTableAndKeepsTheDataFrameForTheNextCell() {
    shown.clear();
    Object value = kernel.evalRaw("%%sql evens --limit 2\nSELECT id FROM range(10) WHERE id % 2 = 0;");
    assertNull(value);
    assertEquals(1, shown.size());
    assertEquals(RichOutput.HTML, shown.get(0).mimeType());
    assertTrue(shown.get(0).data().contains("5 rows, showing the first 2"));
    assertEquals(2, shown.get(0).data().split("<tr><td", -1).length - 1);
    assertEquals(5L, executor.eval("evens.count()"));
  }

  @Test
  void sqlCellsAndDvcwSqlAreReadOnly() {
    CellError drop = assertThrows(CellError.class, () -> kernel.evalRaw("%%sql\nDROP TABLE silver.report_observation"));
    assertTrue(drop.error().message().startsWith("refused: DROP TABLE changes silver.report_observation"),
        drop.error().message());
    CellError shadow = assertThrows(CellError.class,
        () -> kernel.evalRaw("dvcw.sql(\"SELECT count(*) FROM text.`/etc/shadow`\")"));
    assertTrue(shadow.error().message().startsWith("refused: reading files by path (text.`/etc/shadow`)"),
        shadow.error().message());
    assertEquals(3L, executor.eval("dvcw.sql(\"SELECT * FROM range(3)\").count()"));
    String target = System.getProperty("java.io.tmpdir") + "/dvcw-kernel-write-" + System.nanoTime();
    CellError write = assertThrows(CellError.class,
        () -> kernel.evalRaw("spark.range(3).write().format(\"parquet\").save(\"" + target + "\")"));
    assertTrue(write.error().message().startsWith("refused: DataFrame write"), write.error().message());
    assertFalse(new java.io.File(target).exists(), "nothing written");
    // Temporary views are the notebooks' own names: they still work.
    assertNull(executor.eval("spark.range(2).createOrReplaceTempView(\"two\");"));
    assertEquals(2L, executor.eval("dvcw.sql(\"SELECT * FROM two\").count()"));
  }

  @Test
  void aDataFrameAsTheLastValueIsRenderedAsHtml() {
    Object value = kernel.evalRaw("spark.sql(\"SELECT CAST(1.50 AS DECIMAL(5,2)) AS d, CAST(NULL AS INT) AS n\")");
    DisplayData data = assertInstanceOf(DisplayData.class, value);
    String html = (String) data.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML);
    assertTrue(html.contains(">1.50</td>"));
    assertTrue(html.contains("<i>NULL</i>"));
    assertTrue(html.contains("1 row"));
  }

  @Test
  void compileErrorsPointAtTheCellLine() {
    CellException e = assertThrows(CellException.class, () -> executor.eval("int a = 1;\nString s = notDefinedAnywhere;"));
    assertEquals(CellException.Kind.COMPILE, e.kind());
    assertTrue(e.getMessage().startsWith("Cell line 2: cannot find symbol"), e.getMessage());
    assertTrue(e.getMessage().contains("String s = notDefinedAnywhere;"));
  }

  @Test
  void sparkErrorsReachTheCellShortAndWithTheirRealType() {
    CellException e = assertThrows(CellException.class, () -> executor.eval("spark.sql(\"SELECT * FROM no_such_view\")"));
    assertInstanceOf(AnalysisException.class, e.getCause());
    CellError shortError = assertThrows(CellError.class, () -> kernel.evalRaw("spark.sql(\"SELECT * FROM no_such_view\")"));
    ErrorMessages.ShortError s = shortError.error();
    assertEquals("AnalysisException", s.name());
    assertTrue(s.message().startsWith("[TABLE_OR_VIEW_NOT_FOUND]"), s.message());
    assertFalse(s.message().contains("UnresolvedRelation"), s.message());
    List<String> lines = kernel.formatError(shortError);
    assertTrue(lines.get(0).contains("AnalysisException: [TABLE_OR_VIEW_NOT_FOUND]"), lines.get(0));
    assertTrue(lines.size() <= 4, String.join("\n", lines));
    assertTrue(lines.get(lines.size() - 1).contains("kernel's log"));
  }

  @Test
  void aFailedTaskIsReportedAsItsOwnError() {
    CellError e = assertThrows(CellError.class, () -> kernel.evalRaw(
        "spark.range(3).map((MapFunction<Long, Long>) x -> 1 / (x - x), Encoders.LONG()).collectAsList()"));
    assertEquals("ArithmeticException", e.error().name());
    assertEquals("/ by zero", e.error().message());
  }

  @Test
  void interruptCancelsTheRunningSparkJob() {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread cell = new Thread(() -> {
      try {
        // About 1000 seconds of work, unless cancelled.
        kernel.evalRaw("spark.range(0, 100000, 1, 1).map((MapFunction<Long, Long>) x -> { Thread.sleep(10); "
            + "return x; }, Encoders.LONG()).count()");
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      cell.start();
      SparkSession spark = Dvcw.current().spark();
      while (spark.sparkContext().statusTracker().getActiveJobIds().length == 0) {
        Thread.sleep(50);
      }
      kernel.interrupt();
      cell.join();
    });
    CellError e = assertInstanceOf(CellError.class, failure.get());
    assertEquals("SparkException", e.error().name(), e.getMessage());
    assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
    assertEquals(0, Dvcw.current().spark().sparkContext().statusTracker().getActiveJobIds().length);
  }

  @Test
  void interruptStopsACellThatWaitsOutsideSpark() {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread cell = new Thread(() -> {
      try {
        kernel.evalRaw("Thread.sleep(600_000);");
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      cell.start();
      Thread.sleep(1500);
      kernel.interrupt();
      cell.join();
    });
    CellError e = assertInstanceOf(CellError.class, failure.get());
    assertEquals("InterruptedException", e.error().name());
  }
}
