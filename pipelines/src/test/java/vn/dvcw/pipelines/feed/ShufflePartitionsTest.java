package vn.dvcw.pipelines.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.dvcw.pipelines.SparkTestBase;

/** A large feed batch gets more shuffle partitions for its run; the session's own setting comes back after. */
class ShufflePartitionsTest extends SparkTestBase {

  @Test
  void aBatchGetsAPartitionPerHalfMillionMessagesNeverFewerThanTheSetting() {
    assertEquals(129, ShufflePartitions.forMessages(64_350_284, 4), "the 10-million-dossier build");
    assertEquals(13, ShufflePartitions.forMessages(6_435_275, 4), "the 1-million-dossier build");
    assertEquals(4, ShufflePartitions.forMessages(15_522, 4), "a day of the bench's feed");
    assertEquals(4, ShufflePartitions.forMessages(0, 4));
    assertEquals(200, ShufflePartitions.forMessages(64_350_284, 200), "a cluster's higher setting is kept");
    assertEquals(10_000, ShufflePartitions.forMessages(Long.MAX_VALUE, 4), "bounded");
  }

  @Test
  void theSessionsSettingIsRestoredAfterTheRun() {
    String before = spark().conf().get(ShufflePartitions.SETTING);
    try (ShufflePartitions partitions = new ShufflePartitions(spark())) {
      assertTrue(partitions.sizeFor(5_000_000L * Integer.parseInt(before)));
      assertEquals(10 * Integer.parseInt(before), partitions.current());
      assertFalse(partitions.sizeFor(1), "a small batch keeps the setting");
    }
    assertEquals(before, spark().conf().get(ShufflePartitions.SETTING));
  }
}
