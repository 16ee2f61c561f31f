package vn.dvcw.notebooks.jshell;

import java.lang.reflect.Method;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;

/**
 * Runs JShell snippets in this JVM, on the caller's thread, so their objects (a SparkSession, DataFrames)
 * stay alive between cells and are the kernel's own objects.
 *
 * <p>Around each snippet the thread's context class loader is JShell's snippet loader. Spark resolves
 * user classes through the context class loader: the local executor takes it as the parent of its task
 * class loader when the SparkContext starts, and deserialises closures with it. With the application
 * loader instead, a lambda written in a cell fails in a task with a {@code SerializedLambda}
 * ClassCastException, because the cell's class is invisible there.
 *
 * <p>It also keeps the last snippet's real value and real exception: JShell itself only passes strings.
 */
final class SnippetExecutionControl extends DirectExecutionControl {
  private volatile ClassLoader snippetLoader;
  private volatile Thread running;
  private Object lastValue;
  private Throwable lastFailure;

  @Override
  protected String invoke(Method doitMethod) throws Exception {
    ClassLoader loader = doitMethod.getDeclaringClass().getClassLoader();
    snippetLoader = loader;
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    running = thread;
    try {
      Object value = doitMethod.invoke(null);
      lastValue = value;
      return valueString(value);
    } finally {
      running = null;
      thread.setContextClassLoader(previous);
      // An interrupt aimed at this snippet must not leak into the kernel's message loop.
      Thread.interrupted();
    }
  }

  @Override
  protected String throwConvertedInvocationException(Throwable cause)
      throws ExecutionControl.RunException, ExecutionControl.InternalException {
    lastFailure = cause;
    return super.throwConvertedInvocationException(cause);
  }

  /** Forgets the previous snippet's value and failure; call before each evaluation. */
  void reset() {
    lastValue = null;
    lastFailure = null;
  }

  Object lastValue() {
    return lastValue;
  }

  Throwable lastFailure() {
    return lastFailure;
  }

  /** The loader of the snippets' classes, or null before the first snippet ran. */
  ClassLoader snippetLoader() {
    return snippetLoader;
  }

  /** Interrupts the thread running a snippet, if one is; blocking calls in it (sleep, waits) end. */
  void interruptRunning() {
    Thread t = running;
    if (t != null) {
      t.interrupt();
    }
  }
}
