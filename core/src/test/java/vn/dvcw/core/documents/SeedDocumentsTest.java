package vn.dvcw.core.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.dvcw.core.documents.SeedDocuments.count;
import static vn.dvcw.core.documents.SeedDocuments.findings;
import static vn.dvcw.core.documents.SeedDocuments.value;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every table of the five seed documents, pinned to the figures printed in them. */
@Tag("fast")
class SeedDocumentsTest {

  @Nested
  class MonthlyReceiptLetter7260 {
    final ParsedDocument d = SeedDocuments.parse("000_");

    @Test
    void identityFromContent() {
      DocumentIdentity id = d.identity();
      assertEquals(DocumentKind.MONTHLY_RECEIPT_LETTER, id.kind());
      assertEquals("7260/VPCP-KSTT", id.number());
      assertEquals("VĂN PHÒNG CHÍNH PHỦ", id.issuer());
      assertEquals(LocalDate.of(2025, 8, 5), id.issueDate());
      assertEquals(LocalDate.of(2025, 7, 1), id.periodStart());
      assertEquals(LocalDate.of(2025, 7, 31), id.periodEnd());
    }

    @Test
    void thirtyFourProvinceRowsAndTheTotalRow() {
      assertEquals(35, d.rows().size());
      assertEquals(34, d.observations("appendix", "received_processed").size());
      assertEquals(1_777_005, count(d, "appendix", null, null, "received_processed"));
      assertEquals(1_352_412, count(d, "appendix", null, null, "processed_on_time"));
      assertEquals(37_731, count(d, "appendix", null, null, "received_late"));
      assertEquals(87_939, count(d, "appendix", null, null, "overdue_in_processing"));
    }

    @Test
    void sampleRowsToTheDigit() {
      assertEquals(47_345, count(d, "appendix", "UBND Thành phố Cần Thơ", null, "received_processed"));
      // The last column mixes "4,018" and "87.939": both group thousands.
      assertEquals(4_018, count(d, "appendix", "UBND Thành phố Đà Nẵng", null, "overdue_in_processing"));
      assertEquals(205_752, count(d, "appendix", "UBND Thành phố Hồ Chí Minh", null, "received_processed"));
      assertEquals(19_259, count(d, "appendix", "UBND tỉnh Thanh Hóa", null, "overdue_in_processing"));
      // "-" means none.
      assertEquals(0, count(d, "appendix", "UBND tỉnh Lạng Sơn", null, "received_late"));
      assertEquals(9_164, count(d, "appendix", "UBND tỉnh Cao Bằng", null, "received_processed"));
    }

    @Test
    void totalsAndTextReconcile() {
      List<Finding> totals = findings(d, "appendix", "total_vs_rows");
      assertEquals(4, totals.size());
      assertTrue(totals.stream().allMatch(f -> f.status().equals("match")), totals.toString());
      List<Finding> body = findings(d, "appendix", "body_total_vs_rows");
      assertEquals(3, body.size());
      assertTrue(body.stream().allMatch(f -> f.status().equals("match")), body.toString());
      assertTrue(d.problems().isEmpty(), d.problems().toString());
    }
  }

  @Nested
  class IntegrationLetter5085 {
    final ParsedDocument d = SeedDocuments.parse("004_");

    @Test
    void identityAndSnapshot() {
      assertEquals(DocumentKind.INTEGRATION_LETTER, d.identity().kind());
      assertEquals("5085/VPCP-KSTT", d.identity().number());
      assertEquals(LocalDate.of(2025, 6, 9), d.identity().issueDate());
      assertEquals(LocalDate.of(2025, 6, 9), d.identity().dataDate());
    }

    @Test
    void sixtyThreeFormerProvinces() {
      assertEquals(63, d.rows().size());
      assertEquals(117_531, sum("services_provided"));
      assertEquals(70_923, sum("services_integrated"));
      assertEquals(46_608, sum("services_remaining"));
    }

    @Test
    void sampleRows() {
      assertEquals(1_934, count(d, "appendix", "Thành phố Hồ Chí Minh", null, "services_integrated"));
      assertNull(value(d, "appendix", "Thành phố Hồ Chí Minh", null, "remaining_pct"));
      assertEquals(3_953, count(d, "appendix", "Tỉnh Lào Cai", null, "services_remaining"));
      assertEquals(new BigDecimal("83.8"), value(d, "appendix", "Tỉnh Lào Cai", null, "remaining_pct"));
      assertEquals(5_215, count(d, "appendix", "Tỉnh Bạc Liêu", null, "services_provided"));
      assertEquals(new BigDecimal("23"), value(d, "appendix", "Tỉnh Hà Tĩnh", null, "remaining_pct"));
      assertEquals(285, count(d, "appendix", "Tỉnh Bà Rịa - Vũng Tàu", null, "services_remaining"));
    }

    @Test
    void everyRowAddsUpAndEveryPercentageMatches() {
      assertEquals(63, findings(d, "appendix", "whole_vs_parts").stream().filter(f -> f.status().equals("match")).count());
      List<Finding> rates = findings(d, "appendix", "rate_vs_counts");
      assertEquals(58, rates.size());
      assertTrue(rates.stream().allMatch(f -> f.status().equals("match")), rates.toString());
      Finding completed = findings(d, "appendix", "text_claim").get(0);
      assertEquals("5", completed.published());
      assertEquals("match", completed.status());
    }

    private long sum(String measure) {
      return d.observations("appendix", measure).stream().mapToLong(o -> o.value().longValueExact()).sum();
    }
  }

  @Nested
  class SteeringDailyReport20 {
    final ParsedDocument d = SeedDocuments.parse("002_");

    @Test
    void identity() {
      assertEquals(DocumentKind.STEERING_DAILY_REPORT, d.identity().kind());
      assertEquals("20-BCHN/CQTTBCĐ", d.identity().number());
      assertEquals(LocalDate.of(2025, 8, 9), d.identity().dataDate());
      assertTrue(d.identity().issuer().startsWith("Cơ quan Thường trực Ban Chỉ đạo Trung ương"));
      Finding appendixNo = findings(d, "appendix", "appendix_document_number").get(0);
      assertEquals("18-BCHN/CQTTBCĐ", appendixNo.published());
      assertEquals("mismatch", appendixNo.status());
    }

    @Test
    void taskProgressPhuLuc1() {
      List<Observation> totals = d.observations("task_progress", "tasks_total");
      assertEquals(34, totals.size());
      assertEquals(31, totals.stream().filter(o -> o.label().contains("(XANH)")).count());
      assertEquals(16, count(d, "task_progress", "Khánh Hòa", null, "tasks_done"));
      assertEquals(19, count(d, "task_progress", "TP. Hà Nội", null, "tasks_total"));
      assertTrue(findings(d, "task_progress", "text_claim").stream().allMatch(f -> f.status().equals("match")));
    }

    @Test
    void taskListsPhuLuc2And3And7AndSectionII() {
      Map<String, List<SteeringTask>> byList = d.tasks().stream().collect(Collectors.groupingBy(SteeringTask::list));
      assertEquals(7, byList.get("overdue").size());
      assertEquals(6, byList.get("due").size());
      assertEquals(15, byList.get("recurring").size());
      assertEquals(3, byList.get("group_summary").size());
      SteeringTask seventh = byList.get("overdue").get(6);
      assertEquals("I.4", seventh.groupCode());
      assertEquals("Nhóm V - Phát triển nguồn lực (nhân lực và tài chính)", seventh.groupName());
      assertEquals(LocalDate.of(2025, 7, 30), byList.get("due").get(0).deadline());
      SteeringTask six = byList.get("recurring").get(5);
      assertTrue(six.continued());
      assertTrue(six.units().endsWith("Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh, Trung ương Hội Liên hiệp Phụ nữ Việt Nam."),
          six.units());
      assertFalse(byList.get("recurring").get(13).task().contains("<p>"));
      assertTrue(findings(d, "overdue_tasks", "group_task_count").stream().allMatch(f -> f.status().equals("match")));
    }

    @Test
    void communeCoveragePhuLuc4() {
      assertEquals(34, d.observations("commune_coverage", "communes").size());
      assertEquals(3_321, sum("commune_coverage", "communes"));
      assertEquals(2_078, sum("commune_coverage", "green"));
      assertEquals(3_319, sum("commune_coverage", "reported"));
      assertEquals(16, count(d, "commune_coverage", "Cao Bằng", null, "red"));
      assertEquals(new BigDecimal("98.46"), value(d, "commune_coverage", "Khánh Hòa", null, "reported_pct"));
      assertEquals(new BigDecimal("-0.98"), value(d, "commune_coverage", "Đồng Tháp", null, "green_change_pp"));
      Map<String, String> claims = findings(d, "commune_coverage", "text_claim").stream()
          .collect(Collectors.toMap(f -> f.measure() + " " + f.scope(), Finding::status));
      assertEquals("mismatch", claims.get("reported all provinces"));
      assertEquals("mismatch", claims.get("green all provinces"));
      assertEquals("match", claims.get("provinces_green_pct > 50%"));
      assertEquals("match", claims.get("provinces_green_pct > 70%"));
      assertEquals("match", claims.get("provinces_green_pct = 100%"));
      assertEquals("match", claims.get("provinces_green_pct < 10%"));
    }

    @Test
    void communeCriteriaPhuLuc5HasNoHeadingAndOnlyRows17To34() {
      assertEquals(18, d.observations("commune_criteria", "communes").size());
      assertEquals(104, count(d, "commune_criteria", "Hung Yên", null, "communes"));
      assertEquals(new BigDecimal("78.46"), value(d, "commune_criteria", "Khánh Hòa", null, "crit_queue_machine_pct"));
      assertEquals(new BigDecimal("19.35"), value(d, "commune_criteria", "Tuyên Quang", null, "crit_queue_machine_pct"));
      Finding gap = findings(d, "commune_criteria", "row_numbering").get(0);
      assertEquals("missing_rows", gap.status());
      assertTrue(gap.detail().startsWith("rows 1-16 absent"));
      assertEquals("note", findings(d, "commune_criteria", "table_heading").get(0).status());
    }

    @Test
    void obstaclesPhuLuc6AcrossPageBreaks() {
      List<CommuneObstacle> all = d.obstacles();
      assertEquals(97, all.size());
      assertEquals(33, all.stream().map(CommuneObstacle::provinceRaw).distinct().count());
      CommuneObstacle first = all.get(0);
      assertEquals("An Giang", first.provinceRaw());
      assertEquals("Hệ thống phần mềm một cửa bị lỗi", first.obstacle());
      assertEquals(8L, first.communesAffected());
      assertEquals(102L, first.communesTotal());
      assertEquals(3, all.stream().filter(o -> o.provinceRaw().equals("Lạng Sơn")).count());
      assertNull(all.stream().filter(o -> o.provinceRaw().equals("Sơn La")).findFirst().orElseThrow().obstacle());
      // The report truncates some percentages: 5/99 printed "5,0%".
      assertTrue(findings(d, "commune_obstacles", "rate_vs_counts").stream()
          .anyMatch(f -> f.scope().startsWith("Lào Cai") && f.status().equals("rounding")));
    }

    @Test
    void dossiersOfTheDayPhuLuc8I() {
      assertEquals(5_761, count(d, "dossiers_day_all", "UBND Thành phố Hồ Chí Minh", "all", "total"));
      assertEquals(new BigDecimal("53.90"), value(d, "dossiers_day_all", "UBND Thành phố Hồ Chí Minh", "all", "online_rate_pct"));
      assertEquals(19_302, count(d, "dossiers_day_all", null, "all", "total"));
      assertEquals(93_205, count(d, "dossiers_day_all", null, "all", "avg_daily_june"));
      Observation june = d.observations("dossiers_day_all", "avg_daily_june").get(0);
      assertEquals(LocalDate.of(2025, 6, 1), june.periodStart());
      assertEquals(LocalDate.of(2025, 6, 30), june.periodEnd());
      // The printed total row does not add up: published 19302, rows sum to 23905.
      Map<String, Finding> totals = findings(d, "dossiers_day_all", "total_vs_rows").stream()
          .collect(Collectors.toMap(Finding::measure, f -> f));
      assertEquals("23905", totals.get("total").computed());
      assertEquals("mismatch", totals.get("total").status());
      assertEquals("5975", totals.get("direct").computed());
      assertEquals("93207", totals.get("avg_daily_june").computed());
      // 21/32 = 65.625 printed 65,63%: half-up rounding, a match.
      assertTrue(findings(d, "dossiers_day_all", "rate_vs_counts").stream()
          .allMatch(f -> f.status().equals("match")));
    }

    @Test
    void dossiersAtCommuneLevelPhuLuc8II() {
      assertEquals(34, d.observations("dossiers_day_commune", "total").size());
      assertEquals(13_597, count(d, "dossiers_day_commune", null, "commune", "total"));
      assertEquals(0, count(d, "dossiers_day_commune", "UBND tỉnh An Giang", "commune", "total"));
      assertTrue(findings(d, "dossiers_day_commune", "total_vs_rows").stream().allMatch(f -> f.status().equals("match")));
    }

    @Test
    void cumulativeSinceFirstJulyPhuLuc8III() {
      assertEquals(7_930_179, count(d, "dossiers_cumulative", null, "all", "total"));
      assertEquals(5_766_983, count(d, "dossiers_cumulative", null, "all", "online"));
      assertEquals(3_290_452, count(d, "dossiers_cumulative", null, "province", "online"));
      assertEquals(903_402, count(d, "dossiers_cumulative", null, "commune", "direct"));
      assertEquals(82_654, count(d, "dossiers_cumulative", "UBND tỉnh Sơn La", "all", "total"));
      assertEquals(new BigDecimal("33.34"), value(d, "dossiers_cumulative", "UBND tỉnh Sơn La", "all", "online_rate_pct"));
      Observation any = d.observations("dossiers_cumulative", "total").get(0);
      assertEquals(LocalDate.of(2025, 7, 1), any.periodStart());
      assertEquals(LocalDate.of(2025, 8, 9), any.periodEnd());
      assertTrue(findings(d, "dossiers_cumulative", "levels_vs_all").stream().allMatch(f -> f.status().equals("match")));
      assertTrue(findings(d, "dossiers_cumulative", "total_vs_rows").stream().allMatch(f -> f.status().equals("match")));
      Finding sonLa = findings(d, "dossiers_cumulative", "text_claim").get(0);
      assertEquals("33.34", sonLa.published());
      assertEquals("match", sonLa.status());
    }

    @Test
    void nothingQuarantined() {
      assertTrue(d.problems().isEmpty(), d.problems().toString());
    }

    private long sum(String table, String measure) {
      return d.observations(table, measure).stream().mapToLong(o -> o.value().longValueExact()).sum();
    }
  }

  @Nested
  class KpiDirective {
    final ParsedDocument d = SeedDocuments.parse("003_");

    @Test
    void fourThresholdsWithTheirReferences() {
      Map<String, KpiTarget> k = d.kpiTargets().stream().collect(Collectors.toMap(KpiTarget::kpi, t -> t));
      assertEquals(4, k.size());
      assertEquals(new BigDecimal("70"), k.get("online_rate").thresholdPct());
      assertEquals(">=", k.get("online_rate").comparator());
      assertTrue(k.get("online_rate").legalReference().startsWith("Công văn số 585/BKHCN-CĐSQG ngày 01/4/2025"));
      assertEquals(new BigDecimal("30"), k.get("online_payment_rate").thresholdPct());
      assertTrue(k.get("online_payment_rate").legalReference().startsWith("Nghị quyết số 76/NQ-CP ngày 15/7/2021"));
      assertEquals(new BigDecimal("5"), k.get("overdue_rate").thresholdPct());
      assertEquals("<=", k.get("overdue_rate").comparator());
      assertEquals(new BigDecimal("90"), k.get("digitised_result_rate").thresholdPct());
      assertEquals("Quý II năm 2025", k.get("online_rate").evaluationPeriod());
      assertEquals("Quý III năm 2025", k.get("overdue_rate").evaluationPeriod());
    }

    @Test
    void noNumberOrDateInThisCopy() {
      assertNull(d.identity().number());
      assertNull(d.identity().issueDate());
      assertEquals(LocalDate.of(2025, 9, 30), d.identity().periodEnd());
      assertTrue(d.identity().note().contains("Trương Công Thái"));
    }
  }

  @Nested
  class SecondaryArticle {
    final ParsedDocument d = SeedDocuments.parse("001_");

    @Test
    void recordedAsClaimsNotFacts() {
      assertEquals(DocumentKind.SECONDARY_ARTICLE, d.identity().kind());
      assertEquals("7260/VPCP-KSTT", d.identity().restates());
      assertTrue(d.observations().isEmpty());
      Map<String, BigDecimal> claims = d.claims().stream().collect(Collectors.toMap(Claim::measure, Claim::value));
      assertEquals(new BigDecimal("1777005"), claims.get("received_processed"));
      assertEquals(new BigDecimal("37731"), claims.get("received_late"));
      assertEquals(new BigDecimal("87939"), claims.get("overdue_in_processing"));
    }
  }
}
