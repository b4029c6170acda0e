package org.sibao.subject.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sibao.region.Sector;
import org.sibao.subject.Incident;
import org.sibao.subject.OperationMode;
import org.sibao.subject.SizeClass;
import org.sibao.subject.SubjectFlag;
import org.sibao.subject.SubjectKind;
import org.sibao.subject.SubjectLink;
import org.sibao.subject.WhitelistStatus;

/** The API resource of a subject. {@code contactPhone} is masked unless the caller may see it in clear. */
record SubjectView(String id, String uscc, String projectNo, String name, SubjectKind kind, String regionCode,
        String address, String legalRepresentative, String contactPhone, Sector sector, String industryCode,
        Integer employees, BigDecimal annualRevenue, BigDecimal totalAssets, BigDecimal outputValue,
        BigDecimal totalInvestment, BigDecimal annualInvestment, List<SubjectFlag> flags, List<Incident> incidents,
        List<SubjectLink> links, Map<String, Object> attributes, SizeClass sizeClass, WhitelistStatus whitelistStatus,
        String whitelistLevel, OperationMode operationMode, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** @param phoneInClear whether to show the phone unmasked */
    static SubjectView of(SubjectRecord r, boolean phoneInClear) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        r.attributes().forEach((a, v) -> attributes.put(a.key(), v));
        return new SubjectView(r.id(), r.uscc(), r.projectNo().isEmpty() ? null : r.projectNo(), r.name(), r.kind(),
                r.regionCode(), r.address(), r.legalRepresentative(),
                phoneInClear ? r.contactPhone() : PersonalData.maskPhone(r.contactPhone()), r.sector(), r.industryCode(),
                r.employees(), r.annualRevenue(), r.totalAssets(), r.outputValue(), r.totalInvestment(),
                r.annualInvestment(), r.flags().stream().sorted().toList(), r.incidents(), r.links(), attributes,
                r.sizeClass(), r.whitelistStatus(), r.whitelistLevel(), r.operationMode(), r.createdAt(), r.updatedAt());
    }
}
