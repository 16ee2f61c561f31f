package vn.dvcw.serve;

import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import vn.dvcw.storage.access.ReadOnlyGuard;

/**
 * The SQL parser of every client session of the endpoint: Spark's (with Delta's in front), and the
 * {@link ReadOnlyGuard} on each statement a client sends. Only {@code parsePlan} is guarded: it is what
 * {@code spark.sql} calls for a statement; view texts are read with {@code parseQuery} when a view is used, so the
 * warehouse's own views (which may read {@code delta.`path`}) keep working.
 */
final class GuardedParser implements ParserInterface {
  private final ParserInterface delegate;
  private final ReadOnlyGuard guard;

  GuardedParser(ParserInterface delegate, ReadOnlyGuard guard) {
    this.delegate = delegate;
    this.guard = guard;
  }

  @Override
  public LogicalPlan parsePlan(String sqlText) throws ParseException {
    LogicalPlan plan = delegate.parsePlan(sqlText);
    guard.check(plan).ifPresent(refusal -> {
      throw new vn.dvcw.storage.access.ReadOnlyViolation(refusal);
    });
    return plan;
  }

  @Override
  public LogicalPlan parseQuery(String sqlText) throws ParseException {
    return delegate.parseQuery(sqlText);
  }

  @Override
  public Expression parseExpression(String sqlText) throws ParseException {
    return delegate.parseExpression(sqlText);
  }

  @Override
  public TableIdentifier parseTableIdentifier(String sqlText) throws ParseException {
    return delegate.parseTableIdentifier(sqlText);
  }

  @Override
  public FunctionIdentifier parseFunctionIdentifier(String sqlText) throws ParseException {
    return delegate.parseFunctionIdentifier(sqlText);
  }

  @Override
  public scala.collection.Seq<String> parseMultipartIdentifier(String sqlText) throws ParseException {
    return delegate.parseMultipartIdentifier(sqlText);
  }

  @Override
  public StructType parseTableSchema(String sqlText) throws ParseException {
    return delegate.parseTableSchema(sqlText);
  }

  @Override
  public DataType parseDataType(String sqlText) throws ParseException {
    return delegate.parseDataType(sqlText);
  }
}
