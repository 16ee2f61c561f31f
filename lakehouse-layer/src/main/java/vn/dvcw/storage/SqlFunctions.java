package vn.dvcw.storage;

import java.sql.Date;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import vn.dvcw.core.geo.ProvinceResolver;

/**
 * The warehouse's SQL functions, registered in every session:
 * <ul>
 *   <li>{@code province_code(name, as_of_date)}: the official 2-digit code of the province that a name, as
 *       written in a document, denoted on that date (former-era code before 2025-07-01, current after);
 *       NULL when the name is unknown, ambiguous or not valid on that date.</li>
 *   <li>{@code current_province_code(code, as_of_date)}: the 34-era code of the province that a code
 *       denoted on that date; NULL when unknown.</li>
 * </ul>
 */
public final class SqlFunctions {
  private SqlFunctions() {}

  public static void register(SparkSession spark) {
    if (spark.catalog().functionExists("province_code")) {
      return;
    }
    spark.udf().register("province_code", (UDF2<String, Date, String>) SqlFunctions::provinceCode, DataTypes.StringType);
    spark.udf().register("current_province_code",
        (UDF2<String, Date, String>) SqlFunctions::currentProvinceCode, DataTypes.StringType);
  }

  static String provinceCode(String name, Date asOf) {
    if (name == null || asOf == null) {
      return null;
    }
    return ProvinceResolver.standard().provinceCode(name, asOf.toLocalDate());
  }

  static String currentProvinceCode(String code, Date asOf) {
    if (code == null || asOf == null) {
      return null;
    }
    return ProvinceResolver.standard().currentProvinceCode(code, asOf.toLocalDate());
  }
}
