package vn.dvcw.pipelines.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvcw.pipelines.SparkTestBase;
import vn.dvcw.storage.models.ContractCheck;
import vn.dvcw.storage.models.ContractViolation;
import vn.dvcw.storage.models.ModelContract;
import vn.dvcw.storage.models.ModelContracts;

/**
 * Every model keeps the contract beside it ({@code models/<schema>/<name>.yml}) on the lakehouse refreshed from
 * the bundled documents, and each kind of test catches a violation planted on purpose.
 */
class ModelContractsTest extends SparkTestBase {
  private static final Map<String, ModelContract> CONTRACTS = ModelContracts.fromClasspath().byModel();

  @BeforeEach
  void attach() {
    useSeedLakehouse();
  }

  @Test
  void everyModelHasAContractAndEveryContractAModel() {
    Set<String> models = ModelContracts.modelsNeedingContracts();
    assertTrue(models.containsAll(List.of("analytics.online_rate", "gold.fact_online_submission",
        "gold.dossier_daily", "silver.current_document", "ref.kpi_threshold")), models.toString());
    assertEquals(models, new TreeSet<>(CONTRACTS.keySet()), "models (left) and contracts (right) differ");
  }

  @Test
  void everyModelKeepsItsContractOnTheSeedLakehouse() {
    List<ContractViolation> violations = new ContractCheck(spark()).checkAll(CONTRACTS.values());
    assertEquals(List.of(), violations.stream().map(ContractViolation::toString).toList());
  }

  @Test
  void aValueOutsideTheAcceptedOnesIsFound() {
    ModelContract contract = CONTRACTS.get("analytics.task_progress");
    ModelContract planted = contract.withColumn(contract.column("status_colour").withAcceptedValues(List.of("green")));
    ContractViolation v = single(planted);
    assertEquals(List.of("analytics.task_progress", "status_colour", "accepted_values"),
        List.of(v.model(), v.column(), v.test()));
    assertTrue(v.detail().matches("\\d+ values outside \\[green\\]"), v.detail());
    assertTrue(v.sample().stream().allMatch(row -> row.contains("\"status_colour\":\"yellow\"")), v.sample().toString());
  }

  @Test
  void aNullInANotNullColumnIsFound() {
    // 16 provinces have no Phụ lục 5 rows printed; their readiness criteria have no commune counts.
    ModelContract contract = CONTRACTS.get("analytics.commune_readiness");
    ModelContract planted = contract.withColumn(contract.column("numerator").withNotNull(true));
    ContractViolation v = single(planted);
    assertEquals(List.of("numerator", "not_null"), List.of(v.column(), v.test()));
    assertTrue(v.detail().startsWith("288 NULL"), v.detail());
    assertEquals(3, v.sample().size());
  }

  @Test
  void aWrongTypeAndAMissingOrUndeclaredColumnAreFound() {
    ModelContract contract = CONTRACTS.get("ref.kpi_threshold");
    ModelContract wrongType = contract.withColumn(contract.column("threshold").withType("decimal(9,6)"));
    ContractViolation v = single(wrongType);
    assertEquals(List.of("threshold", "type"), List.of(v.column(), v.test()));
    assertTrue(v.detail().contains("the model has decimal(9,4)"), v.detail());

    ModelContract withoutDirection = new ModelContract(contract.model(), contract.description(), contract.grain(),
        contract.keys(), contract.columns().stream().filter(c -> !c.name().equals("direction")).toList(), List.of());
    ContractViolation undeclared = single(withoutDirection);
    assertEquals(List.of("direction", "undeclared_column"), List.of(undeclared.column(), undeclared.test()));
  }

  @Test
  void aBrokenRelationshipIsFound() {
    // Former provinces are not current ones: pointing province_map's keys at the current codes must fail.
    ModelContract contract = CONTRACTS.get("analytics.province_map");
    ModelContract planted = contract.withColumn(contract.column("province_key")
        .withRelationships(List.of(new ModelContract.Relationship("analytics.province_map", "current_key"))));
    ContractViolation v = single(planted);
    assertEquals(List.of("province_key", "relationships"), List.of(v.column(), v.test()));
    assertTrue(v.sample().stream().allMatch(row -> row.contains("\"province_key\":\"F")), v.sample().toString());
  }

  @Test
  void duplicateKeysAndAFalseExpressionAreFound() {
    ModelContract contract = CONTRACTS.get("analytics.province_map");
    ContractViolation keys = single(contract.withKeys(List.of("current_key")));
    assertEquals(List.of("unique_keys"), List.of(keys.test()));
    // every current province has itself and at least one former province: all 97 rows share a current_key
    assertTrue(keys.detail().startsWith("97 rows share"), keys.detail());
    assertTrue(keys.sample().get(0).contains("\"rows\":"), keys.sample().toString());

    ModelContract falseExpression = new ModelContract(contract.model(), contract.description(), contract.grain(),
        contract.keys(), contract.columns(), List.of("geography = 'current'"));
    ContractViolation expression = single(falseExpression);
    assertEquals("expression", expression.test());
    assertTrue(expression.detail().startsWith("63 rows"), expression.detail());
  }

  @Test
  void aContractNamingSomethingElseThanAnIdentifierIsRefused() {
    String yaml = """
        model: analytics.online_rate
        description: d
        grain: g
        columns:
          - name: "geography`; DROP TABLE x"
            type: string
            description: d
        """;
    assertThrows(IllegalArgumentException.class, () -> ModelContracts.parse(yaml, "planted.yml"));
  }

  private static ContractViolation single(ModelContract contract) {
    List<ContractViolation> violations = new ContractCheck(spark()).check(contract);
    assertEquals(1, violations.size(), violations.toString());
    return violations.get(0);
  }
}
