package vn.dvcw.notebooks.kernel;

import java.util.List;

/** What every notebook has before its first cell: the usual imports, {@code dvcw} and {@code spark}. */
final class StartupSnippets {
  private StartupSnippets() {}

  static List<String> all() {
    return List.of(
        """
        import java.util.*;
        import org.apache.spark.sql.*;
        import org.apache.spark.api.java.function.*;
        import static org.apache.spark.sql.functions.*;
        import org.knowm.xchart.*;
        import vn.dvcw.notebooks.*;
        """,
        // Static fields, not JShell variables: see Globals. Opened inside JShell on purpose: the SparkContext
        // must start with the snippet loader as context class loader, or its executor cannot see classes
        // (lambdas) defined in cells.
        """
        import static vn.dvcw.notebooks.Globals.*;
        Globals.open();
        """);
  }
}
