package org.sibao.policy;

/** Policy categories of SPEC §7 (API.md "Policies"); labels are {@code enum.PolicyCategory.<name>}. */
public enum PolicyCategory {
    VAT_REFUND, TAX_RELIEF, FISCAL_SUBSIDY, FINANCE_CREDIT, SUPPLY_PRICE, SOCIAL_INSURANCE, JOB_RETENTION, EMPLOYMENT,
    LABOR_SUPPORT, UTILITIES, EPIDEMIC_SUBSIDY, OTHER
}
