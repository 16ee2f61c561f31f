package vn.dvcw.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import scala.runtime.AbstractFunction0;
import scala.runtime.BoxedUnit;
import vn.dvcw.storage.LakehouseLocation;
import vn.dvcw.storage.WarehouseConfig;
import vn.dvcw.storage.WarehouseSession;

/**
 * {@code dvcw serve}: the lakehouse over JDBC/ODBC for BI tools (DBeaver, Superset, Metabase, Power BI, Excel), read-only,
 * until SIGTERM or Ctrl-C. See {@link WarehouseEndpoint}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve the lakehouse over JDBC/ODBC (HiveServer2 protocol, Spark's Thrift server) for BI tools.",
        "Read-only, like 'dvcw sql'. Shows ref, gold, analytics, and the silver and ops tables without personal",
        "data. New Delta versions written by a refresh are seen at once. SIGTERM or Ctrl-C stops it.",
        "A bind beyond localhost needs --credentials FILE (or $DVCW_SERVE_CREDENTIALS): lines user:sha256-hex."})
public final class ServeCommand implements Callable<Integer> {
  @Option(names = "--lakehouse", paramLabel = "URI",
      description = "Lakehouse root (default: $DVCW_LAKEHOUSE, else ./lakehouse)")
  String lakehouse;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*])")
  String master = "local[*]";

  @Option(names = "--port", defaultValue = "10000", description = "Port (default: 10000)")
  int port;

  @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: 127.0.0.1, this machine only)")
  String bind;

  @Option(names = "--credentials", paramLabel = "FILE",
      description = "Users allowed in: one 'user:sha256-hex-of-password' per line (default: $DVCW_SERVE_CREDENTIALS)")
  Path credentialsFile;

  @Override
  public Integer call() throws InterruptedException {
    Credentials credentials;
    try {
      credentials = credentials();
    } catch (IllegalArgumentException e) {
      System.err.println("dvcw serve: " + e.getMessage());
      return 2;
    }
    if (credentials == null && !isLoopback(bind)) {
      System.err.println("dvcw serve: --bind " + bind + " is reachable from other machines: give the users and their "
          + "password hashes with --credentials FILE or $" + Credentials.ENV + " (see README, Serving)");
      return 2;
    }
    String uri = LakehouseLocation.resolve(lakehouse);
    SparkSession spark = WarehouseSession.open(WarehouseConfig.builder().lakehouse(uri).master(master)
        .appName("dvcw-serve").build());
    WarehouseEndpoint endpoint = WarehouseEndpoint.start(spark, uri, bind, port, credentials);
    CountDownLatch stopped = new CountDownLatch(1);
    // Before Spark's own hook (priority 50) stops the context: close the clients' sessions first.
    org.apache.spark.util.ShutdownHookManager.addShutdownHook(60, new AbstractFunction0<BoxedUnit>() {
      @Override
      public BoxedUnit apply() {
        endpoint.close();
        spark.stop();
        System.err.println("dvcw serve: stopped");
        stopped.countDown();
        return BoxedUnit.UNIT;
      }
    });
    System.out.println("dvcw serve: " + endpoint.jdbcUrl() + " (lakehouse " + uri + "; read-only; "
        + (credentials == null ? "no password: this machine only" : "password required") + "); SIGTERM or Ctrl-C stops it");
    stopped.await();
    return 0;
  }

  private Credentials credentials() {
    if (credentialsFile != null) {
      return Credentials.load(credentialsFile);
    }
    String env = System.getenv(Credentials.ENV);
    return env == null || env.isBlank() ? null : Credentials.load(Path.of(env.strip()));
  }

  static boolean isLoopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
