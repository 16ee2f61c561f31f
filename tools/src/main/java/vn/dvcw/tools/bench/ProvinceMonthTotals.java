package vn.dvcw.tools.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Received and online dossiers per receipt month and province (of the era of the receipt day: gold.dossier_daily's
 * {@code province_key}, F.. before 2025-07-01, C.. from it): the figures the Spark and the DuckDB builds must agree
 * on.
 */
public final class ProvinceMonthTotals {
  /** The totals query, in SQL both engines read, over a table or view named {@code daily}. */
  static final String QUERY = "SELECT month, province_key, CAST(sum(received) AS BIGINT) AS received, "
      + "CAST(sum(online) AS BIGINT) AS online FROM daily GROUP BY month, province_key";

  /** The two figures of one month and province. */
  record Counts(long received, long online) {
    static final Counts NONE = new Counts(0, 0);
  }

  /** The counts by "month province_key". */
  private final Map<String, Counts> totals;

  ProvinceMonthTotals(Map<String, Counts> totals) {
    this.totals = Collections.unmodifiableMap(new TreeMap<>(totals));
  }

  /** The totals of gold.dossier_daily in the lakehouse the session is attached to. */
  public static ProvinceMonthTotals ofSpark(SparkSession spark) {
    spark.table("gold.dossier_daily").createOrReplaceTempView("daily");
    Map<String, Counts> t = new TreeMap<>();
    for (Row r : spark.sql(QUERY).collectAsList()) {
      t.put(key(r.getAs("month"), r.getAs("province_key")),
          new Counts(r.<Long>getAs("received"), r.<Long>getAs("online")));
    }
    return new ProvinceMonthTotals(t);
  }

  /** The totals of the daily facts {@code table} (any DuckDB table expression) on a DuckDB connection. */
  static ProvinceMonthTotals ofDuckDb(Connection duck, String table) throws SQLException {
    Map<String, Counts> t = new TreeMap<>();
    try (Statement s = duck.createStatement();
        ResultSet rs = s.executeQuery("WITH daily AS (SELECT * FROM " + table + ") " + QUERY)) {
      while (rs.next()) {
        t.put(key(rs.getString("month"), rs.getString("province_key")),
            new Counts(rs.getLong("received"), rs.getLong("online")));
      }
    }
    return new ProvinceMonthTotals(t);
  }

  private static String key(String month, String provinceKey) {
    return month + " " + provinceKey;
  }

  /** How many (month, province) rows there are. */
  public int size() {
    return totals.size();
  }

  /** The same totals with {@code delta} added to the received count of the row of {@code month} and {@code province}. */
  ProvinceMonthTotals withReceivedChanged(String month, String provinceKey, long delta) {
    Map<String, Counts> t = new TreeMap<>(totals);
    Counts v = t.getOrDefault(key(month, provinceKey), Counts.NONE);
    t.put(key(month, provinceKey), new Counts(v.received() + delta, v.online()));
    return new ProvinceMonthTotals(t);
  }

  /** The first key, "month province_key" (for tests that change a row). */
  String firstKey() {
    return totals.keySet().iterator().next();
  }

  /**
   * The rows where the two differ, each as "month province: received A / B, online A / B" with this side first, a
   * row missing on one side counting as zero dossiers; empty when they are equal.
   */
  public List<String> differences(ProvinceMonthTotals other) {
    List<String> out = new ArrayList<>();
    for (String k : new TreeSet<>(union(totals.keySet(), other.totals.keySet()))) {
      Counts a = totals.getOrDefault(k, Counts.NONE);
      Counts b = other.totals.getOrDefault(k, Counts.NONE);
      if (!Objects.equals(a, b)) {
        out.add(String.format("%s: received %d / %d, online %d / %d", k, a.received(), b.received(), a.online(),
            b.online()));
      }
    }
    return out;
  }

  private static List<String> union(java.util.Collection<String> a, java.util.Collection<String> b) {
    List<String> u = new ArrayList<>(a);
    u.addAll(b);
    return u;
  }
}
