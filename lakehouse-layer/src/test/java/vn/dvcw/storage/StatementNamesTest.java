package vn.dvcw.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatementNamesTest {
  @Test
  void queriesGiveEveryTwoPartNameTheyMention() {
    assertEquals(Optional.of(Set.of()), StatementNames.ofQuery("SELECT 1"));
    assertEquals(Optional.of(Set.of("analytics.online_rate", "ref.province", "p.name", "o.province_key")),
        StatementNames.ofQuery("-- which provinces\n SELECT p.name FROM analytics.online_rate o "
            + "JOIN `ref`.`province` p ON o.province_key = 1.5"));
    assertEquals(Optional.of(Set.of("spark_catalog.analytics", "analytics.kpi_scorecard")),
        StatementNames.ofQuery("(select * from spark_catalog . analytics.kpi_scorecard)"));
    assertEquals(Optional.of(Set.of("gold.x")), StatementNames.ofQuery("WITH t AS (SELECT * FROM gold.x) TABLE t"));
  }

  @Test
  void otherStatementsGetEverything() {
    assertTrue(StatementNames.ofQuery("SHOW TABLES IN analytics").isEmpty());
    assertTrue(StatementNames.ofQuery("describe gold.fact_online_submission").isEmpty());
    assertTrue(StatementNames.ofQuery("selected").isEmpty());
  }
}
