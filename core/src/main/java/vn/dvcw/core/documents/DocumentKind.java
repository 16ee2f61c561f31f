package vn.dvcw.core.documents;

/** The kinds of document the warehouse recognises from their content. */
public enum DocumentKind {
  /** VPCP letter on online dossiers received from DVCQG in a month, per province (e.g. 7260/VPCP-KSTT). */
  MONTHLY_RECEIPT_LETTER("monthly_receipt_letter"),
  /** VPCP letter on integrating online services on DVCQG, per former province (e.g. 5085/VPCP-KSTT). */
  INTEGRATION_LETTER("integration_letter"),
  /** Steering committee's daily report with its appendices (e.g. 20-BCHN/CQTTBCĐ). */
  STEERING_DAILY_REPORT("steering_daily_report"),
  /** A provincial directive setting KPI thresholds (e.g. the Q3-2025 letter of a provincial chairman). */
  KPI_DIRECTIVE("kpi_directive"),
  /** A secondary article restating a letter; recorded, its figures never counted as facts. */
  SECONDARY_ARTICLE("secondary_article"),
  /** An export of DVCQG's 766 service index (report_tinh_766_service): scores and ranks per unit, one snapshot. */
  SERVICE_INDEX("service_index_766"),
  /** Not recognised: recorded in bronze and reported, never silently skipped. */
  UNKNOWN("unknown");

  private final String sqlName;

  DocumentKind(String sqlName) {
    this.sqlName = sqlName;
  }

  public String sqlName() {
    return sqlName;
  }
}
