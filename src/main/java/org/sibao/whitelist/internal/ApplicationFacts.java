package org.sibao.whitelist.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.sibao.region.Sector;
import org.sibao.rules.Facts;
import org.sibao.rules.Incident;
import org.sibao.subject.SubjectAttribute;
import org.sibao.subject.SubjectFacts;

/** A subject's facts plus the application's declarations, as the rules engine sees them. */
record ApplicationFacts(SubjectFacts subject, Map<String, Object> declarations) implements Facts {

    @Override
    public String regionCode() {
        return subject.regionCode();
    }

    @Override
    public Sector sector() {
        return subject.sector();
    }

    @Override
    public String industrySection() {
        return subject.industrySection();
    }

    @Override
    public String industryCode() {
        return subject.industryCode();
    }

    @Override
    public String sizeClass() {
        return subject.sizeClass() == null ? null : subject.sizeClass().name();
    }

    @Override
    public String kind() {
        return subject.kind() == null ? null : subject.kind().name();
    }

    @Override
    public Integer employees() {
        return subject.employees();
    }

    @Override
    public BigDecimal annualRevenue() {
        return subject.annualRevenue();
    }

    @Override
    public BigDecimal totalAssets() {
        return subject.totalAssets();
    }

    @Override
    public BigDecimal outputValue() {
        return subject.outputValue();
    }

    @Override
    public Set<String> flags() {
        return subject.flags() == null ? null : subject.flags().stream().map(Enum::name).collect(Collectors.toSet());
    }

    @Override
    public String whitelistStatus() {
        return subject.whitelistStatus() == null ? null : subject.whitelistStatus().name();
    }

    @Override
    public String whitelistLevel() {
        return subject.whitelistLevel();
    }

    @Override
    public String operationMode() {
        return subject.operationMode() == null ? null : subject.operationMode().name();
    }

    @Override
    public Object attribute(String name) {
        if (name.startsWith(Declarations.PREFIX)) {
            return Declarations.factValue(declarations, subject.employees(), name.substring(Declarations.PREFIX.length()));
        }
        return SubjectAttribute.byKey(name).map(a -> subject.attributes() == null ? null : subject.attributes().get(a))
                .orElse(null);
    }

    @Override
    public List<Incident> incidents() {
        return subject.incidents() == null ? null
                : subject.incidents().stream().map(i -> new Incident(i.kind().name(), i.date())).toList();
    }
}
