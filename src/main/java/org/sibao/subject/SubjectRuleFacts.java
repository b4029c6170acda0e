package org.sibao.subject;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sibao.region.Sector;
import org.sibao.rules.Facts;
import org.sibao.rules.Incident;

/**
 * A subject as the rules engine sees it (whitelist criteria, policy eligibility). Codes, flags and attributes are
 * converted once here, so that evaluating hundreds of rules against the subject allocates nothing more. Extend it
 * to add facts of one's own (e.g. an application's declarations) by overriding {@link #attribute(String)}.
 */
public class SubjectRuleFacts implements Facts {

    private final SubjectFacts subject;
    private final String sizeClass;
    private final String kind;
    private final Set<String> flags;
    private final String whitelistStatus;
    private final String operationMode;
    private final Map<String, Object> attributes;
    private final List<Incident> incidents;

    public SubjectRuleFacts(SubjectFacts subject) {
        this.subject = subject;
        this.sizeClass = subject.sizeClass() == null ? null : subject.sizeClass().name();
        this.kind = subject.kind() == null ? null : subject.kind().name();
        Set<String> f = new HashSet<>();
        if (subject.flags() != null) {
            for (SubjectFlag flag : subject.flags()) {
                f.add(flag.name());
            }
        }
        this.flags = subject.flags() == null ? null : f;
        this.whitelistStatus = subject.whitelistStatus() == null ? null : subject.whitelistStatus().name();
        this.operationMode = subject.operationMode() == null ? null : subject.operationMode().name();
        Map<String, Object> a = new HashMap<>();
        if (subject.attributes() != null) {
            subject.attributes().forEach((k, v) -> a.put(k.key(), v));
        }
        this.attributes = a;
        this.incidents = subject.incidents() == null ? null
                : subject.incidents().stream().map(i -> new Incident(i.kind().name(), i.date())).toList();
    }

    public SubjectFacts subject() {
        return subject;
    }

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
        return sizeClass;
    }

    @Override
    public String kind() {
        return kind;
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
        return flags;
    }

    @Override
    public String whitelistStatus() {
        return whitelistStatus;
    }

    @Override
    public String whitelistLevel() {
        return subject.whitelistLevel();
    }

    @Override
    public String operationMode() {
        return operationMode;
    }

    @Override
    public Object attribute(String name) {
        return attributes.get(name);
    }

    @Override
    public List<Incident> incidents() {
        return incidents;
    }
}
