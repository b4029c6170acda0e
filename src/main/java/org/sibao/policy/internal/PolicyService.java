package org.sibao.policy.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Ids;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.Validation;
import org.sibao.platform.audit.AuditLog;
import org.sibao.policy.PolicyCategory;
import org.sibao.policy.PolicyMode;
import org.sibao.policy.PolicyStatus;
import org.sibao.region.Department;
import org.sibao.rules.Rule;
import org.sibao.rules.RuleEngine;
import org.sibao.rules.RuleRenderer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The policy library: authoring drafts, publishing, versions; every change audited. */
@Service
@Transactional(readOnly = true)
class PolicyService {

    static final String ENTITY = "policy";
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");

    /** Tells matching that the set of policies in force may have changed. */
    record PoliciesChanged(String policyId) {
    }

    private final PolicyRepository repository;
    private final RuleEngine engine;
    private final RuleRenderer renderer;
    private final JsonMapper json;
    private final BusinessClock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    PolicyService(PolicyRepository repository, RuleEngine engine, RuleRenderer renderer, JsonMapper json,
            BusinessClock clock, AuditLog audit, ApplicationEventPublisher events) {
        this.repository = repository;
        this.engine = engine;
        this.renderer = renderer;
        this.json = json;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public PolicyRow create(PolicyInput in) {
        CurrentUser user = CurrentUser.get();
        if (!PolicyAccess.isAuthor(user)) {
            throw ApiException.forbidden("error.forbidden");
        }
        Validation v = new Validation();
        if (v.required(in.code(), "code")) {
            v.check(CODE.matcher(in.code()).matches(), "code", "policy.error.code");
        }
        Content c = validate(in, v);
        v.throwIfInvalid();
        if (repository.codeExists(in.code())) {
            throw ApiException.conflict("policy.error.codeExists", in.code());
        }
        OffsetDateTime now = clock.nowOffset();
        PolicyRow row = c.row(Ids.newId(), in.code(), 1, user.regionCode(), PolicyStatus.DRAFT, null, false, null, now, now);
        repository.insert(row);
        audit.record("policy.create", ENTITY, row.id(), row.regionCode(), null, auditView(row));
        return row;
    }

    @Transactional
    public PolicyRow update(String id, PolicyInput in) {
        PolicyRow before = editable(id);
        if (before.status() != PolicyStatus.DRAFT) {
            throw ApiException.conflict("policy.error.notDraft", before.code());
        }
        Validation v = new Validation();
        if (in.code() != null) {
            v.check(in.code().equals(before.code()), "code", "policy.error.codeFixed");
        }
        Content c = validate(in, v);
        v.throwIfInvalid();
        PolicyRow after = c.row(id, before.code(), before.versionNo(), before.regionCode(), PolicyStatus.DRAFT,
                before.previousId(), before.seeded(), null, before.createdAt(), clock.nowOffset());
        repository.updateDraft(after);
        audit.record("policy.update", ENTITY, id, after.regionCode(), auditView(before), auditView(after));
        return after;
    }

    @Transactional
    public PolicyRow publish(String id) {
        PolicyRow p = editable(id);
        if (p.status() != PolicyStatus.DRAFT) {
            throw ApiException.conflict("policy.error.notDraft", p.code());
        }
        OffsetDateTime now = clock.nowOffset();
        if (p.previousId() != null) {
            PolicyRow old = repository.find(p.previousId()).orElseThrow();
            if (!p.effectiveFrom().isAfter(old.effectiveFrom())) {
                throw ApiException.invalid("effectiveFrom", "policy.error.versionFrom", old.effectiveFrom());
            }
            LocalDate lastDay = p.effectiveFrom().minusDays(1);
            if (old.effectiveTo() == null || old.effectiveTo().isAfter(lastDay)) {
                repository.endOn(old.id(), lastDay, now);
                audit.record("policy.supersede", ENTITY, old.id(), old.regionCode(),
                        Map.of("effectiveTo", String.valueOf(old.effectiveTo())), Map.of("effectiveTo", lastDay,
                                "replacedBy", p.id()));
            }
        }
        repository.publish(id, now);
        audit.record("policy.publish", ENTITY, id, p.regionCode(), Map.of("status", p.status()),
                Map.of("status", PolicyStatus.PUBLISHED));
        events.publishEvent(new PoliciesChanged(id));
        return repository.find(id).orElseThrow();
    }

    /** A new DRAFT version of a published (or expired) policy, copying its content; {@code from} defaults to today. */
    @Transactional
    public PolicyRow newVersion(String id, LocalDate from) {
        PolicyRow p = editable(id);
        if (p.status() == PolicyStatus.DRAFT) {
            throw ApiException.conflict("policy.error.isDraft", p.code());
        }
        if (repository.hasDraft(p.code())) {
            throw ApiException.conflict("policy.error.draftExists", p.code());
        }
        OffsetDateTime now = clock.nowOffset();
        LocalDate start = from != null ? from : clock.today();
        PolicyRow draft = new PolicyRow(Ids.newId(), p.code(), repository.nextVersion(p.code()), p.title(), p.issuer(),
                p.documentNumber(), p.issuedOn(), start, null, p.category(), p.departmentCode(), p.regionCode(),
                p.summary(), p.text(), p.eligibility(), p.benefitText(), p.benefitFormula(), p.mode(),
                PolicyStatus.DRAFT, p.sourceDocument(), p.sourceMeasure(), p.sourceSentence(), p.id(), false, null,
                now, now);
        repository.insert(draft);
        audit.record("policy.version", ENTITY, draft.id(), draft.regionCode(), Map.of("from", p.id()), auditView(draft));
        return draft;
    }

    /** A policy the caller may read: published or expired ones for everyone, drafts for authors of its region. */
    public PolicyRow get(String id) {
        PolicyRow p = repository.find(id).orElseThrow(() -> ApiException.notFound(ENTITY, id));
        if (p.status() == PolicyStatus.DRAFT) {
            CurrentUser user = CurrentUser.find().orElse(null);
            if (user == null || !PolicyAccess.canAuthor(user, p)) {
                throw ApiException.notFound(ENTITY, id);
            }
        }
        return p;
    }

    /** A policy the caller may change: 404 when unreadable, 403 when readable but not the caller's to author. */
    PolicyRow editable(String id) {
        PolicyRow p = get(id);
        if (!PolicyAccess.canAuthor(CurrentUser.get(), p)) {
            throw ApiException.forbidden("error.forbidden");
        }
        return p;
    }

    public PageResult<PolicyRow> list(PolicyStatus status, String q, PolicyCategory category, PageQuery page) {
        CurrentUser user = CurrentUser.find().orElse(null);
        String draftPrefix = user != null && PolicyAccess.isAuthor(user) ? user.regionPrefix() : null;
        return repository.search(status, q, category, draftPrefix, clock.today(), page);
    }

    PolicyView view(PolicyRow p) {
        Locale locale = LocaleContextHolder.getLocale();
        JsonNode eligibility = json.readTree(p.eligibility());
        String text;
        try {
            text = renderer.render(engine.parse(eligibility, "eligibility"), locale);
        } catch (ApiException e) {
            text = null;
        }
        return new PolicyView(p.id(), p.code(), p.versionNo(), p.title(), p.issuer(), p.documentNumber(), p.issuedOn(),
                p.effectiveFrom(), p.effectiveTo(), p.category(), p.departmentCode(), p.regionCode(), p.summary(),
                p.text(), eligibility, new PolicyView.Benefit(p.benefitText(),
                        p.benefitFormula() == null ? null : json.readTree(p.benefitFormula())),
                p.mode(), p.statusOn(clock.today()), new PolicyView.Source(p.sourceDocument(), p.sourceMeasure(),
                        p.sourceSentence()), p.previousId(), text, p.publishedAt(), p.updatedAt());
    }

    /** The rule in plain language, or the problems of an invalid one (for the builder's preview). */
    Preview preview(JsonNode eligibility) {
        Validation v = new Validation();
        Rule rule = engine.parseInto(eligibility, "eligibility", v);
        if (v.hasProblems() || rule == null) {
            return new Preview(null, v);
        }
        return new Preview(renderer.render(rule, LocaleContextHolder.getLocale()), v);
    }

    record Preview(String text, Validation problems) {
    }

    /** The validated content of a draft. */
    private record Content(PolicyInput in, PolicyCategory category, PolicyMode mode, String eligibility,
            String benefitText, String formula) {

        PolicyRow row(String id, String code, int version, String region, PolicyStatus status, String previousId,
                boolean seeded, OffsetDateTime publishedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
            PolicyInput.Source s = in.source();
            return new PolicyRow(id, code, version, in.title().trim(), in.issuer(), in.documentNumber(), in.issuedOn(),
                    in.effectiveFrom(), in.effectiveTo(), category, blankToNull(in.departmentCode()), region,
                    in.summary(), in.text(), eligibility, benefitText, formula, mode, status,
                    s == null ? null : s.document(), s == null ? null : s.measure(), s == null ? null : s.sentence(),
                    previousId, seeded, publishedAt, createdAt, updatedAt);
        }
    }

    private Content validate(PolicyInput in, Validation v) {
        if (v.required(in.title(), "title")) {
            v.maxLength(in.title(), 300, "title");
        }
        v.maxLength(in.issuer(), 200, "issuer");
        v.maxLength(in.documentNumber(), 100, "documentNumber");
        v.maxLength(in.summary(), 2000, "summary");
        PolicyCategory category = enumValue(PolicyCategory.class, in.category(), "category", v);
        PolicyMode mode = enumValue(PolicyMode.class, in.mode(), "mode", v);
        v.required(in.effectiveFrom(), "effectiveFrom");
        if (in.effectiveFrom() != null && in.effectiveTo() != null) {
            v.check(!in.effectiveTo().isBefore(in.effectiveFrom()), "effectiveTo", "policy.error.toBeforeFrom");
        }
        if (in.departmentCode() != null && !in.departmentCode().isBlank()) {
            v.check(Department.parse(in.departmentCode()).isPresent(), "departmentCode", "policy.error.department");
        }
        String eligibility = null;
        if (in.eligibility() == null || in.eligibility().isNull()) {
            v.reject("eligibility", "validation.required");
        } else if (engine.parseInto(in.eligibility(), "eligibility", v) != null) {
            eligibility = json.writeValueAsString(in.eligibility());
        }
        String benefitText = null;
        String formula = null;
        JsonNode b = in.benefit();
        if (b == null || !b.isObject()) {
            v.reject("benefit.text", "validation.required");
        } else {
            JsonNode t = b.get("text");
            if (t == null || !t.isString() || t.stringValue().isBlank()) {
                v.reject("benefit.text", "validation.required");
            } else if (v.maxLength(t.stringValue(), 2000, "benefit.text")) {
                benefitText = t.stringValue().trim();
            }
            JsonNode f = b.get("formula");
            if (f != null && !f.isNull() && engine.parseFormulaInto(f, "benefit.formula", v) != null) {
                formula = json.writeValueAsString(f);
            }
        }
        return new Content(in, category, mode, eligibility, benefitText, formula);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field, Validation v) {
        return v.required(value, field) ? v.oneOf(type, value, field) : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static Map<String, Object> auditView(PolicyRow p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", p.code());
        m.put("version", p.versionNo());
        m.put("title", p.title());
        m.put("status", p.status());
        m.put("category", p.category());
        m.put("mode", p.mode());
        m.put("effectiveFrom", String.valueOf(p.effectiveFrom()));
        m.put("effectiveTo", String.valueOf(p.effectiveTo()));
        m.put("departmentCode", p.departmentCode());
        m.put("eligibility", p.eligibility());
        m.put("benefitText", p.benefitText());
        m.put("benefitFormula", p.benefitFormula());
        return m;
    }
}
