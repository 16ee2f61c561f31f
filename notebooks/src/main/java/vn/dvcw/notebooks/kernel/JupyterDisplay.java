package vn.dvcw.notebooks.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import vn.dvcw.notebooks.display.Display;
import vn.dvcw.notebooks.display.RichOutput;

/** Sends rich outputs to the notebook as Jupyter display_data messages. */
final class JupyterDisplay implements Display {
  private final BaseKernel kernel;

  JupyterDisplay(BaseKernel kernel) {
    this.kernel = kernel;
  }

  @Override
  public void show(RichOutput output) {
    kernel.display(toDisplayData(output));
  }

  static DisplayData toDisplayData(RichOutput output) {
    DisplayData data = new DisplayData(output.plainText());
    data.putData(output.mimeType(), output.data());
    return data;
  }
}
