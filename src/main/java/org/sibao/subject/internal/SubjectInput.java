package org.sibao.subject.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A subject as the API and the import receive it: enum values, dates and codes as text so that every invalid
 * field can be named at once instead of failing on the first unreadable one. Absent fields on PUT are cleared.
 */
record SubjectInput(String uscc, String projectNo, String name, String kind, String regionCode, String address,
        String legalRepresentative, String contactPhone, String sector, String industryCode, Integer employees,
        BigDecimal annualRevenue, BigDecimal totalAssets, BigDecimal outputValue, BigDecimal totalInvestment,
        BigDecimal annualInvestment, List<String> flags, List<IncidentInput> incidents, List<LinkInput> links,
        Map<String, Object> attributes) {

    record IncidentInput(String kind, String date) {
    }

    record LinkInput(String enterpriseId, String relation) {
    }
}
