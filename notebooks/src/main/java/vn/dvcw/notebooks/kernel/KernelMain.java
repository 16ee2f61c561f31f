package vn.dvcw.notebooks.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.slf4j.LoggerFactory;
import vn.dvcw.notebooks.Dvcw;
import vn.dvcw.notebooks.jshell.SnippetExecutor;

/**
 * Starts the kernel: {@code java @conf/java17.args @kernel.args vn.dvcw.notebooks.kernel.KernelMain CONNECTION_FILE},
 * as Jupyter runs it from kernel.json.
 */
public final class KernelMain {
  private KernelMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
      System.err.println("usage: KernelMain CONNECTION_FILE (Jupyter passes it; see kernel.json)");
      System.exit(2);
    }
    ParentWatchdog.start();
    // Start logging now, so its console appender holds the kernel's real stderr: cells swap System.err for
    // their own stream, and log lines must not land in a cell.
    LoggerFactory.getLogger(KernelMain.class).debug("kernel starting");

    KernelConnectionProperties connection = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
    // Snippets run in this JVM, so they compile against its class path (kernel-lib/* as expanded by java).
    SnippetExecutor executor = new SnippetExecutor(System.getProperty("java.class.path"), StartupSnippets.all());
    WarehouseKernel kernel = new WarehouseKernel(executor);
    Dvcw.useDisplay(new JupyterDisplay(kernel));
    kernel.onStartup();

    JupyterConnection jupyter = new JupyterConnection(connection);
    kernel.becomeHandlerForConnection(jupyter);
    jupyter.connect();
    kernel.warmUp();
    jupyter.waitUntilClose();
    // Spark leaves non-daemon threads behind; the kernel's life ends with the connection.
    System.exit(0);
  }
}
