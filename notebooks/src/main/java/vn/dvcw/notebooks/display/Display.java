package vn.dvcw.notebooks.display;

import java.util.function.Consumer;

/**
 * Where a cell's rich outputs go. In the kernel: Jupyter display_data messages. Elsewhere (tests, plain
 * JShell): standard output as text, so the same facade works without Jupyter.
 */
@FunctionalInterface
public interface Display {
  void show(RichOutput output);

  /** Prints the plain-text form: the fallback when no notebook front-end is attached. */
  static Display plainText() {
    return output -> System.out.println(output.plainText());
  }

  /** Collects outputs, for tests. */
  static Display collecting(Consumer<RichOutput> sink) {
    return sink::accept;
  }
}
