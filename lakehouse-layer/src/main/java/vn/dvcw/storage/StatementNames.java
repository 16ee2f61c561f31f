package vn.dvcw.storage;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two-part names ({@code schema.name}) a query's text mentions, for opening a session with only those
 * registered. Read from the text, not the plan (the names must be registered before Spark can analyse it):
 * every identifier followed by a dot and another identifier, backticks or not, three-part names
 * ({@code spark_catalog.analytics.online_rate}) giving both pairs. A name in a comment or a string counts too:
 * more, never fewer, than the query reads.
 */
final class StatementNames {
  /** What a statement that only reads starts with (after comments and opening parentheses). */
  private static final Pattern QUERY_START =
      Pattern.compile("\\A(\\s|--[^\\n]*\\n?|/\\*.*?\\*/|\\()*(select|with|from|values|table)\\b",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern TOKEN = Pattern.compile("`([^`]+)`|([A-Za-z_][A-Za-z0-9_]*)|(\\s*\\.\\s*)");

  private StatementNames() {}

  /** The names a query mentions, lower case; empty when the statement is not a query (it gets everything). */
  static Optional<Set<String>> ofQuery(String statement) {
    if (statement == null || !QUERY_START.matcher(statement).lookingAt()) {
      return Optional.empty();
    }
    Set<String> names = new TreeSet<>();
    Matcher m = TOKEN.matcher(statement);
    String previous = null;
    boolean dotAfterPrevious = false;
    int end = 0;
    while (m.find()) {
      boolean adjacent = m.start() == end;
      end = m.end();
      if (m.group(3) != null) {
        dotAfterPrevious = previous != null && adjacent;
        continue;
      }
      String ident = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase();
      if (dotAfterPrevious && adjacent) {
        names.add(previous + "." + ident);
      }
      previous = ident;
      dotAfterPrevious = false;
    }
    return Optional.of(names);
  }
}
