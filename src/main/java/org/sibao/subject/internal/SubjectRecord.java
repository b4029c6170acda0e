package org.sibao.subject.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sibao.region.Sector;
import org.sibao.subject.Incident;
import org.sibao.subject.OperationMode;
import org.sibao.subject.SizeClass;
import org.sibao.subject.SubjectAttribute;
import org.sibao.subject.SubjectFacts;
import org.sibao.subject.SubjectFlag;
import org.sibao.subject.SubjectKind;
import org.sibao.subject.SubjectLink;
import org.sibao.subject.WhitelistStatus;

/** A stored subject with its compliance history, links and attributes; contact phone in clear (never logged). */
record SubjectRecord(String id, String uscc, String projectNo, String name, SubjectKind kind, String regionCode,
        String address, String legalRepresentative, String contactPhone, Sector sector, String industryCode,
        String industrySection, Integer employees, BigDecimal annualRevenue, BigDecimal totalAssets,
        BigDecimal outputValue, BigDecimal totalInvestment, BigDecimal annualInvestment, SizeClass sizeClass,
        Set<SubjectFlag> flags, List<Incident> incidents, List<SubjectLink> links,
        Map<SubjectAttribute, Object> attributes, WhitelistStatus whitelistStatus, String whitelistLevel,
        OperationMode operationMode, OffsetDateTime createdAt, OffsetDateTime updatedAt, int version) {

    SubjectRecord withIdentity(String newId, WhitelistStatus status, String level, OperationMode mode,
            OffsetDateTime created, OffsetDateTime updated, int newVersion) {
        return new SubjectRecord(newId, uscc, projectNo, name, kind, regionCode, address, legalRepresentative,
                contactPhone, sector, industryCode, industrySection, employees, annualRevenue, totalAssets, outputValue,
                totalInvestment, annualInvestment, sizeClass, flags, incidents, links, attributes, status, level, mode,
                created, updated, newVersion);
    }

    SubjectRecord withChildren(List<Incident> newIncidents, List<SubjectLink> newLinks,
            Map<SubjectAttribute, Object> newAttributes) {
        return new SubjectRecord(id, uscc, projectNo, name, kind, regionCode, address, legalRepresentative,
                contactPhone, sector, industryCode, industrySection, employees, annualRevenue, totalAssets, outputValue,
                totalInvestment, annualInvestment, sizeClass, flags, newIncidents, newLinks, newAttributes,
                whitelistStatus, whitelistLevel, operationMode, createdAt, updatedAt, version);
    }

    SubjectRecord withOfficialFacts(Set<SubjectFlag> newFlags, List<Incident> newIncidents) {
        return new SubjectRecord(id, uscc, projectNo, name, kind, regionCode, address, legalRepresentative,
                contactPhone, sector, industryCode, industrySection, employees, annualRevenue, totalAssets, outputValue,
                totalInvestment, annualInvestment, sizeClass, newFlags, newIncidents, links, attributes,
                whitelistStatus, whitelistLevel, operationMode, createdAt, updatedAt, version);
    }

    SubjectFacts facts() {
        return new SubjectFacts(id, uscc, projectNo, name, kind, regionCode, sector, industryCode, industrySection,
                employees, annualRevenue, totalAssets, outputValue, totalInvestment, annualInvestment, sizeClass, flags,
                incidents, links, attributes, whitelistStatus, whitelistLevel, operationMode);
    }
}
