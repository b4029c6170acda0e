package org.sibao.subject;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sibao.region.Sector;

/**
 * What other modules (whitelist criteria, policy rules, dashboards) know about a subject. Carries no personal
 * data (no phone, no legal representative).
 *
 * @param industrySection GB/T 4754 section letter of {@code industryCode}
 * @param attributes      typed values of the {@link SubjectAttribute} catalogue (Boolean or BigDecimal)
 * @param whitelistLevel  the level of the whitelist the subject is on (e.g. PROVINCE, CITY, COUNTY), if any
 */
public record SubjectFacts(String id, String uscc, String projectNo, String name, SubjectKind kind, String regionCode,
        Sector sector, String industryCode, String industrySection, Integer employees, BigDecimal annualRevenue,
        BigDecimal totalAssets, BigDecimal outputValue, BigDecimal totalInvestment, BigDecimal annualInvestment,
        SizeClass sizeClass, Set<SubjectFlag> flags, List<Incident> incidents, List<SubjectLink> links,
        Map<SubjectAttribute, Object> attributes, WhitelistStatus whitelistStatus, String whitelistLevel,
        OperationMode operationMode) {

    public boolean has(SubjectFlag flag) {
        return flags.contains(flag);
    }
}
