package org.sibao.subject.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A subject as the API and the import receive it: enum values, dates and codes as text so that every invalid
 * field can be named at once instead of failing on the first unreadable one; numbers as {@link BigDecimal} so that
 * a value its column cannot hold (1e20, 1.5 employees) is named rather than rounded, truncated or unreadable.
 * Absent fields on PUT are cleared, except the contact phone (see {@link PersonalData#phoneOnEdit}).
 */
record SubjectInput(String uscc, String projectNo, String name, String kind, String regionCode, String address,
        String legalRepresentative, String contactPhone, String sector, String industryCode, BigDecimal employees,
        BigDecimal annualRevenue, BigDecimal totalAssets, BigDecimal outputValue, BigDecimal totalInvestment,
        BigDecimal annualInvestment, List<String> flags, List<IncidentInput> incidents, List<LinkInput> links,
        Map<String, Object> attributes) {

    SubjectInput withContactPhone(String phone) {
        return new SubjectInput(uscc, projectNo, name, kind, regionCode, address, legalRepresentative, phone, sector,
                industryCode, employees, annualRevenue, totalAssets, outputValue, totalInvestment, annualInvestment,
                flags, incidents, links, attributes);
    }

    SubjectInput withFlags(List<String> newFlags) {
        return new SubjectInput(uscc, projectNo, name, kind, regionCode, address, legalRepresentative, contactPhone,
                sector, industryCode, employees, annualRevenue, totalAssets, outputValue, totalInvestment,
                annualInvestment, newFlags, incidents, links, attributes);
    }

    record IncidentInput(String kind, String date) {
    }

    record LinkInput(String enterpriseId, String relation) {
    }
}
