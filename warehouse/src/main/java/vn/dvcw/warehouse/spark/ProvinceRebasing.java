package vn.dvcw.warehouse.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Re-bases facts onto today's 34 provinces: the Java twin of the SQL view {@code analytics.province_map}.
 *
 * <p>Facts must carry {@code geography} ('former' or 'current') and {@code province_key} (F01…, C01…).
 * Additive measures are summed per current province; rates must then be recomputed from the sums with
 * {@link #ratio}, never averaged.
 */
public final class ProvinceRebasing {
  private ProvinceRebasing() {}

  /**
   * Rolls additive measures up to the current province of each row.
   *
   * @param facts rows with geography and province_key
   * @param groupColumns other columns to keep apart (e.g. period_start, period_end, level)
   * @param additiveColumns counts to sum
   * @return one row per current province and group: current_code, current_name, the group columns, the
   *     summed measures, and {@code parts}, the number of fact rows summed
   * @throws IllegalArgumentException if a fact's province is not in the reference data
   */
  public static Dataset<Row> toCurrentGeography(Dataset<Row> facts, List<String> groupColumns,
      List<String> additiveColumns) {
    SparkSession spark = facts.sparkSession();
    Dataset<Row> map = spark.table("analytics.province_map")
        .select(col("geography").as("m_geography"), col("province_key").as("m_key"), col("current_code"),
            col("current_name"));
    Dataset<Row> joined = facts.join(map,
        facts.col("geography").equalTo(map.col("m_geography")).and(facts.col("province_key").equalTo(map.col("m_key"))),
        "left");
    long unmapped = joined.where(col("current_code").isNull()).count();
    if (unmapped > 0) {
      throw new IllegalArgumentException(unmapped + " fact rows have a province_key/geography not in ref.province");
    }
    List<Column> groups = new ArrayList<>(List.of(col("current_code"), col("current_name")));
    groupColumns.forEach(c -> groups.add(col(c)));
    List<Column> sums = new ArrayList<>();
    additiveColumns.forEach(c -> sums.add(sum(col(c)).as(c)));
    sums.add(count(lit(1)).as("parts"));
    return joined.groupBy(groups.toArray(Column[]::new))
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new));
  }

  /** numerator / denominator as a fraction rounded to 6 decimals; NULL when the denominator is 0 or NULL. */
  public static Column ratio(String numerator, String denominator) {
    return when(col(denominator).gt(0),
        round(col(numerator).cast(DataTypes.DoubleType).divide(col(denominator)), 6).cast("decimal(9,6)"));
  }
}
