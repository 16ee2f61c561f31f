package vn.dvcw.notebooks;

import org.apache.spark.sql.SparkSession;

/**
 * The names every notebook starts with, {@code spark} and {@code dvcw}, as static fields the kernel imports
 * statically ({@code import static vn.dvcw.notebooks.Globals.*}).
 *
 * <p>Why not JShell variables: with execution inside the kernel's JVM, JShell cannot redefine a snippet's
 * class, so when a later cell's import makes it recompile the snippet that declared a variable, it loads
 * a new class and the variable starts again as null. A cell with {@code import vn.dvcw.charts.*;}
 * did exactly that to {@code var dvcw}. Static fields of this class are outside JShell's reach.
 */
public final class Globals {
  private Globals() {}

  public static Dvcw dvcw;
  public static SparkSession spark;

  /** Opens the warehouse (see {@link Dvcw#open()}) and sets both names. */
  public static void open() {
    use(Dvcw.open());
  }

  public static void use(Dvcw opened) {
    dvcw = opened;
    spark = opened.spark();
  }
}
