package vn.dvcw.serve;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.apache.spark.sql.hive.thriftserver.HiveThriftServer2;
import scala.runtime.AbstractFunction2;
import vn.dvcw.storage.access.ReadOnlyGuard;

/**
 * Spark's Thrift JDBC/ODBC server (HiveServer2's protocol) in this JVM, on a session attached to the lakehouse.
 *
 * <ol>
 *   <li>Hide what the endpoint does not show ({@link EndpointCatalog}).</li>
 *   <li>Put the {@link ReadOnlyGuard} in front of the parser of every client session: each JDBC connection gets a
 *       new session of the warehouse's session (its own settings and current schema, the shared catalog), built
 *       with the session's extensions, to which the guard's parser is added here. The warehouse's own session, which
 *       set the catalog up, is not guarded.</li>
 *   <li>Start the server on the bind address and port, with CUSTOM password authentication when credentials are
 *       given, and wait until the port accepts connections.</li>
 * </ol>
 *
 * <p>Every query resolves its Delta tables to their latest version (Delta's default staleness limit is 0), so a
 * refresh's commits are seen by the next query without a restart, and the endpoint never takes the refresh lock.
 */
final class WarehouseEndpoint implements AutoCloseable {
  private final HiveThriftServer2 server;
  private final String bind;
  private final int port;

  private WarehouseEndpoint(HiveThriftServer2 server, String bind, int port) {
    this.server = server;
    this.bind = bind;
    this.port = port;
  }

  /**
   * Starts the endpoint.
   *
   * @param credentials users and password hashes, or null for no authentication (a loopback bind only: the command
   *     refuses another bind without them)
   * @throws IllegalStateException when the port does not accept connections within a minute
   */
  static WarehouseEndpoint start(SparkSession spark, String lakehouse, String bind, int port, Credentials credentials) {
    EndpointCatalog.hideTheRest(spark);
    ReadOnlyGuard guard = ReadOnlyGuard.forLakehouse(lakehouse).readingOnly(EndpointCatalog.readableFolders());
    SparkSessionExtensions extensions = spark.extensions();
    extensions.injectParser(new GuardInstaller(guard));

    var conf = spark.conf();
    conf.set("hive.server2.thrift.bind.host", bind);
    conf.set("hive.server2.thrift.port", Integer.toString(port));
    conf.set("hive.server2.transport.mode", "binary");
    // Queries run as the server's user: no per-user impersonation on the lakehouse's file system.
    conf.set("hive.server2.enable.doAs", "false");
    conf.set("hive.server2.logging.operation.enabled", "false");
    if (credentials != null) {
      PasswordAuthenticator.use(credentials);
      conf.set("hive.server2.authentication", "CUSTOM");
      conf.set("hive.server2.custom.authentication.class", PasswordAuthenticator.class.getName());
      // Hive's CUSTOM provider looks its class up in a new HiveConf, which reads system properties, not this conf.
      System.setProperty("hive.server2.custom.authentication.class", PasswordAuthenticator.class.getName());
    } else {
      conf.set("hive.server2.authentication", "NONE");
    }
    HiveThriftServer2 server = HiveThriftServer2.startWithContext(spark.sqlContext());
    awaitListening(bind, port, Duration.ofMinutes(1));
    return new WarehouseEndpoint(server, bind, port);
  }

  /** The JDBC URL a client connects to. */
  String jdbcUrl() {
    return "jdbc:hive2://" + bind + ":" + port + "/default";
  }

  /** Stops accepting connections and closes the client sessions; the Spark session stays open. */
  @Override
  public void close() {
    server.stop();
  }

  private static void awaitListening(String host, int port, Duration limit) {
    Instant deadline = Instant.now().plus(limit);
    while (true) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(host, port), 500);
        return;
      } catch (IOException notYet) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("the endpoint did not open " + host + ":" + port + " within " + limit);
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while starting the endpoint", e);
        }
      }
    }
  }

  /** Wraps each new session's parser (Delta's, then Spark's) in the guard. */
  private static final class GuardInstaller
      extends AbstractFunction2<SparkSession, ParserInterface, ParserInterface> implements java.io.Serializable {
    private final transient ReadOnlyGuard guard;

    GuardInstaller(ReadOnlyGuard guard) {
      this.guard = guard;
    }

    @Override
    public ParserInterface apply(SparkSession session, ParserInterface parser) {
      return new GuardedParser(parser, guard);
    }
  }
}
