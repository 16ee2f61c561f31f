package vn.dvcw.storage.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import vn.dvcw.storage.catalog.WarehouseTables;
import vn.dvcw.storage.write.TableWriter;

/**
 * The record of the operator switch ({@code dvcw sql --allow-writes}): every statement run with the read-only
 * guard lifted is appended to {@code ops.operator_write} <em>before</em> it runs, so a statement that fails half-way,
 * or kills the process, is recorded too.
 */
public final class OperatorWrites {
  private OperatorWrites() {}

  /** One row of {@code ops.operator_write}; components are its columns. */
  public record OperatorWrite(String writeId, String runBy, String host, Timestamp requestedAt, String statementKind,
      String statement, String lakehouse) {}

  /**
   * Records that {@code statement} is about to run unguarded on {@code lakehouse}.
   *
   * @param statementKind what the guard would have refused it as ({@code DELETE}, {@code DROP TABLE}, …), or
   *     {@code read} when it would have run anyway
   * @return the row written
   */
  public static OperatorWrite record(SparkSession spark, String lakehouse, String statementKind, String statement) {
    OperatorWrite row = new OperatorWrite(UUID.randomUUID().toString(), operator(), host(),
        Timestamp.from(Instant.now()), statementKind, statement, lakehouse);
    TableWriter writer = new TableWriter(spark, lakehouse);
    writer.write(WarehouseTables.OPERATOR_WRITE, List.of(row));
    return row;
  }

  /** The operator: the login behind sudo when there is one, else the process's user. */
  private static String operator() {
    String sudo = System.getenv("SUDO_USER");
    return sudo != null && !sudo.isBlank() ? sudo : System.getProperty("user.name");
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
