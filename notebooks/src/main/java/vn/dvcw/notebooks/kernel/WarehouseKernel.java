package vn.dvcw.notebooks.kernel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.knowm.xchart.internal.chartpart.Chart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcw.notebooks.Dvcw;
import vn.dvcw.notebooks.display.ChartImages;
import vn.dvcw.notebooks.display.ErrorMessages;
import vn.dvcw.notebooks.display.ResultTables;
import vn.dvcw.notebooks.display.RichOutput;
import vn.dvcw.notebooks.jshell.SnippetExecutor;
import vn.dvcw.notebooks.magic.SqlCell;

/**
 * The thin layer between the base library's Jupyter protocol ({@link BaseKernel}) and our pieces: cells go
 * to the {@link SnippetExecutor} (after {@code %%sql} is turned into Java), last values that are
 * DataFrames or charts come back as HTML or PNG, errors as a few readable lines.
 */
final class WarehouseKernel extends BaseKernel {
  private static final Logger LOG = LoggerFactory.getLogger(WarehouseKernel.class);
  private static final String RED = "\u001b[0;31m";
  private static final String DIM = "\u001b[2m";
  private static final String RESET = "\u001b[0m";

  private final SnippetExecutor executor;

  WarehouseKernel(SnippetExecutor executor) {
    super("dvcw-java", "0.1.0",
        new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jshell", "java", "java",
            "script"),
        List.of(new HelpLink("Spark SQL reference", "https://spark.apache.org/docs/3.5.6/sql-ref.html")),
        null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(), null, new MagicsRegistry(),
        false, new StringStyler.Builder().build());
    this.executor = executor;
  }

  /** Starts JShell and the warehouse session in the background while the user reads the first cells. */
  void warmUp() {
    Thread t = new Thread(() -> {
      try {
        executor.start();
      } catch (RuntimeException e) {
        LOG.warn("start-up failed; the first cell will report it", e);
      }
    }, "dvcw-kernel-warm-up");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public Object evalRaw(String source) {
    try {
      Optional<SqlCell> sql = SqlCell.parse(source);
      Object value = executor.eval(sql.map(SqlCell::toSnippet).orElse(source));
      // A %%sql cell has shown its table already; its value is the declaration of the result variable.
      return sql.isPresent() ? null : executor.withSnippetLoader(() -> rich(value));
    } catch (Exception e) {
      LOG.warn("cell failed", e); // the full trace, for the server's console; the cell gets the short form
      throw new CellError(ErrorMessages.shorten(e));
    }
  }

  /** A cell's last value as the notebook should show it: tables and charts rich, the rest as text. */
  private static Object rich(Object value) {
    RichOutput out = null;
    if (value instanceof Dataset<?> df) {
      out = ResultTables.of(df.toDF(), SqlCell.DEFAULT_LIMIT);
    } else if (value instanceof Chart<?, ?> chart) {
      out = ChartImages.png(chart);
    } else if (value instanceof RichOutput r) {
      out = r;
    }
    return out == null ? value : JupyterDisplay.toDisplayData(out);
  }

  @Override
  public List<String> formatError(Throwable e) {
    if (e instanceof CellError cell) {
      List<String> lines = new java.util.ArrayList<>(cell.error().lines());
      lines.set(0, RED + lines.get(0) + RESET);
      // Code the user can read in the cell needs no trace; a failure at run time may.
      if (!java.util.Set.of("CompileError", "IncompleteCode", "NotDefined").contains(cell.error().name())) {
        lines.add(DIM + "(the full stack trace is in the kernel's log, on the Jupyter server's console)" + RESET);
      }
      return lines;
    }
    return List.of(RED + e + RESET);
  }

  @Override
  public void interrupt() {
    // Cancel Spark's jobs when there are any: the cell then fails with Spark's "cancelled" error, and the
    // job really stops. Interrupting the cell's thread instead would leave the job running in Spark.
    Dvcw dvcw = Dvcw.currentOrNull();
    try {
      if (dvcw != null && dvcw.hasRunningJobs()) {
        dvcw.cancelRunningJobs();
        return;
      }
    } catch (RuntimeException e) {
      LOG.warn("could not cancel Spark jobs", e);
    }
    executor.interrupt();
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    if (SqlCell.isCellMagic(code)) {
      return null;
    }
    SnippetExecutor.Completions c = executor.complete(code, at);
    return c.candidates().isEmpty() ? null : new ReplacementOptions(c.candidates(), c.start(), c.end());
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    if (SqlCell.isCellMagic(code)) {
      return null;
    }
    List<String> signatures = executor.signatures(code, at);
    return signatures.isEmpty() ? null : new DisplayData(String.join("\n", signatures));
  }

  @Override
  public String isComplete(String code) {
    if (SqlCell.isCellMagic(code)) {
      return IS_COMPLETE_YES;
    }
    return switch (executor.completeness(code)) {
      case COMPLETE -> IS_COMPLETE_YES;
      case INCOMPLETE -> "    ";
      case INVALID -> IS_COMPLETE_BAD;
      case UNKNOWN -> IS_COMPLETE_MAYBE;
    };
  }

  @Override
  public void onShutdown(boolean isRestarting) {
    try {
      Dvcw.closeCurrent();
      executor.close();
    } finally {
      super.onShutdown(isRestarting);
    }
  }
}
