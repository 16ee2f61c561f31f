package vn.dvcw.storage.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import vn.dvcw.pipelines.SparkTestBase;

/** A listing's row counts: the refresh's recorded count while the table is at its version, else counted. */
class TableCountsTest extends SparkTestBase {
  @Test
  void aTableAtTheRecordedVersionIsNotReadAndAMovedOneIsCounted() throws Exception {
    SparkSession spark = spark();
    String lakehouse = freshLakehouse().toString();
    String target = WarehouseTables.KPI_TARGET.path(lakehouse);
    spark.range(4).write().format("delta").save(target); // version 0, 4 rows
    spark.range(3).write().format("delta").save(WarehouseTables.PROVINCE.path(lakehouse)); // never recorded
    // The recorded count is deliberately not the table's: a listing that shows it did not read the table.
    spark.sql("SELECT 'ref.kpi_target' AS table_name, '' AS part, CAST(999 AS BIGINT) AS row_count, "
            + "CAST(0 AS BIGINT) AS delta_version "
            + "UNION ALL SELECT 'ref.kpi_target', 'year=2025', 1, 0")
        .write().format("delta").save(WarehouseTables.TABLE_FINGERPRINT.path(lakehouse));

    TableCounts counts = TableCounts.of(spark, lakehouse);
    assertEquals(999, counts.count("ref.kpi_target"), "at the recorded version: the recorded count");
    assertEquals(3, counts.count("ref.province"), "not recorded: counted");

    spark.range(1).write().format("delta").mode(SaveMode.Append).save(target); // version 1
    assertEquals(5, TableCounts.of(spark, lakehouse).count("ref.kpi_target"), "written since: counted");
    assertEquals(5, counts.count("ref.kpi_target"), "a listing made before the write sees it too");
  }
}
