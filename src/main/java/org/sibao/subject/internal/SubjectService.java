package org.sibao.subject.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.DataScope;
import org.sibao.identity.SqlFilter;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.FieldProblem;
import org.sibao.platform.Ids;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.Validation;
import org.sibao.platform.audit.AuditLog;
import org.sibao.subject.OperationMode;
import org.sibao.subject.SubjectAttribute;
import org.sibao.subject.SizeClasses;
import org.sibao.subject.SubjectChanged;
import org.sibao.subject.SubjectFacts;
import org.sibao.subject.SubjectFlag;
import org.sibao.subject.SubjectRef;
import org.sibao.subject.SubjectKind;
import org.sibao.subject.Subjects;
import org.sibao.subject.WhitelistStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, changing and finding subjects under the caller's data scope; every change audited (with the phone
 * masked) and announced as {@link SubjectChanged}.
 */
@Service
@Transactional(readOnly = true)
class SubjectService implements Subjects {

    static final String ENTITY = "enterprise";

    private final SubjectRepository repository;
    private final SubjectValidator validator;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final BusinessClock clock;

    SubjectService(SubjectRepository repository, SubjectValidator validator, AuditLog audit,
            ApplicationEventPublisher events, BusinessClock clock) {
        this.repository = repository;
        this.validator = validator;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    static SqlFilter scopeFilter(DataScope scope) {
        return scope.subjects("s.region_code", "s.sector", "s.id");
    }

    static SqlFilter currentScope() {
        return scopeFilter(CurrentUser.get().scope());
    }

    @Transactional
    public SubjectRecord create(SubjectInput input) {
        CurrentUser user = CurrentUser.get();
        if (!SubjectPermissions.canCreate(user)) {
            throw ApiException.forbidden("error.forbidden");
        }
        Validation v = new Validation();
        SubjectRecord draft = validator.validate(input, v, repository::exists);
        forbidIfOutside(user, draft, v);
        v.throwIfInvalid();
        checkUnique(draft, null);
        var now = clock.nowOffset();
        SubjectRecord saved = draft.withIdentity(Ids.newId(), WhitelistStatus.NONE, null, OperationMode.NORMAL, now, now, 0);
        repository.insert(saved);
        audit.record("subject.create", ENTITY, saved.id(), saved.regionCode(), null, auditView(saved));
        events.publishEvent(new SubjectChanged(saved.id()));
        return stored(saved.id());
    }

    /** Flags that officials give a subject; an enterprise cannot set or clear them itself. */
    private static final java.util.Set<org.sibao.subject.SubjectFlag> DESIGNATED =
            java.util.EnumSet.of(org.sibao.subject.SubjectFlag.SPECIALIZED, org.sibao.subject.SubjectFlag.LIAISON,
                    org.sibao.subject.SubjectFlag.LIVELIHOOD);

    @Transactional
    public SubjectRecord update(String id, SubjectInput input) {
        CurrentUser user = CurrentUser.get();
        SubjectRecord before = get(id);
        if (!SubjectPermissions.canEdit(user)) {
            throw ApiException.forbidden("error.forbidden");
        }
        Validation v = new Validation();
        SubjectRecord draft = validator.validate(editInput(before, input), v, repository::exists);
        if (SubjectPermissions.restrictedEditor(user)) {
            v.check(Objects.equals(draft.uscc(), before.uscc()), "uscc", "subject.notChangeable");
            v.check(Objects.equals(draft.projectNo(), before.projectNo()), "projectNo", "subject.notChangeable");
            v.check(Objects.equals(draft.regionCode(), before.regionCode()), "regionCode", "subject.notChangeable");
            v.check(draft.sector() == null || draft.sector() == before.sector(), "sector", "subject.notChangeable");
        } else {
            forbidIfOutside(user, draft, v);
        }
        v.check(draft.links().stream().noneMatch(l -> l.enterpriseId().equals(id)), "links", "subject.link.self");
        v.throwIfInvalid();
        checkUnique(draft, id);
        if (user.is(org.sibao.identity.Role.ENTERPRISE)) {
            // an enterprise edits its facts, but not its compliance history nor the designations officials give it
            // (专精特新, 万人助万企 liaison, livelihood): those stay as recorded, or it could clear its own exclusions
            java.util.EnumSet<org.sibao.subject.SubjectFlag> flags = java.util.EnumSet.noneOf(org.sibao.subject.SubjectFlag.class);
            draft.flags().stream().filter(f -> !DESIGNATED.contains(f)).forEach(flags::add);
            before.flags().stream().filter(DESIGNATED::contains).forEach(flags::add);
            draft = draft.withOfficialFacts(flags, before.incidents());
        }
        SubjectRecord after = draft.withIdentity(id, before.whitelistStatus(), before.whitelistLevel(),
                before.operationMode(), before.createdAt(), clock.nowOffset(), before.version() + 1);
        repository.update(after);
        audit.record("subject.update", ENTITY, id, after.regionCode(), auditView(before), auditView(after));
        events.publishEvent(new SubjectChanged(id));
        return stored(id);
    }

    /**
     * The input of an edit of {@code before} as it is meant: the contact phone, which only administrators read in
     * clear, left out or sent back as its mask keeps the stored one (see {@link PersonalData#phoneOnEdit}); and an
     * industrial enterprise's ABOVE_SCALE, which the platform derived from its revenue, sent back as read is not a
     * claim: it is derived again from the new revenue (so a read-modify-write that lowers revenue is accepted).
     */
    static SubjectInput editInput(SubjectRecord before, SubjectInput input) {
        SubjectInput out = input.withContactPhone(PersonalData.phoneOnEdit(input.contactPhone(), before.contactPhone()));
        boolean derived = before.flags().contains(SubjectFlag.ABOVE_SCALE)
                && SizeClasses.isIndustrial(before.industrySection()) && before.annualRevenue() != null
                && before.annualRevenue().compareTo(SizeClasses.ABOVE_SCALE_REVENUE) >= 0;
        if (derived && out.flags() != null && out.flags().contains(SubjectFlag.ABOVE_SCALE.name())) {
            out = out.withFlags(out.flags().stream().filter(f -> !SubjectFlag.ABOVE_SCALE.name().equals(f)).toList());
        }
        return out;
    }

    /** The subject as stored (amounts at their column's scale), whatever the caller's scope. */
    private SubjectRecord stored(String id) {
        return repository.find(id, scopeFilter(DataScope.system())).orElseThrow();
    }

    /** A subject in the caller's scope or 404. */
    public SubjectRecord get(String id) {
        return repository.find(id, currentScope()).orElseThrow(() -> ApiException.notFound(ENTITY, id));
    }

    public PageResult<SubjectRecord> list(SubjectFilter filter, PageQuery page) {
        return repository.search(filter, currentScope(), page);
    }

    public Iterable<SubjectRecord> export(SubjectFilter filter) {
        return repository.stream(filter, currentScope(), 1000);
    }

    @Override
    public Optional<SubjectFacts> find(String id) {
        return repository.find(id, currentScope()).map(SubjectRecord::facts);
    }

    @Override
    public List<SubjectFacts> whitelisted(String text, int max) {
        SubjectFilter filter = new SubjectFilter(null, null, text == null || text.isBlank() ? null : text.trim(), null,
                null, org.sibao.subject.WhitelistStatus.ACTIVE);
        return repository.search(filter, scopeFilter(DataScope.system()), PageQuery.of(0, max)).items().stream()
                .map(SubjectRecord::facts).toList();
    }

    @Override
    public Optional<String> resolve(String text, DataScope scope) {
        return repository.resolve(text, scopeFilter(scope));
    }

    @Override
    public Optional<SubjectRef> ref(String id) {
        return repository.findRef(id, currentScope());
    }

    @Override
    public Optional<SubjectFacts> find(String id, DataScope scope) {
        return repository.find(id, scopeFilter(scope)).map(SubjectRecord::facts);
    }

    @Override
    public Counts count(DataScope scope) {
        SqlFilter filter = scopeFilter(scope);
        return new Counts(repository.count(SubjectFilter.ALL, filter),
                repository.count(new SubjectFilter(null, null, null, null, null, WhitelistStatus.ACTIVE), filter));
    }

    @Override
    @Transactional
    public void setWhitelistStatus(String id, WhitelistStatus status, String level) {
        SubjectRecord before = repository.find(id, scopeFilter(DataScope.system()))
                .orElseThrow(() -> ApiException.notFound(ENTITY, id));
        repository.setWhitelist(id, Objects.requireNonNull(status), level, clock.nowOffset());
        audit.record("subject.whitelistStatus", ENTITY, id, before.regionCode(),
                Map.of("whitelistStatus", before.whitelistStatus(), "whitelistLevel", String.valueOf(before.whitelistLevel())),
                Map.of("whitelistStatus", status, "whitelistLevel", String.valueOf(level)));
        events.publishEvent(new SubjectChanged(id));
    }

    @Override
    @Transactional
    public void setOperationMode(String id, OperationMode mode) {
        SubjectRecord before = repository.find(id, scopeFilter(DataScope.system()))
                .orElseThrow(() -> ApiException.notFound(ENTITY, id));
        repository.setOperationMode(id, Objects.requireNonNull(mode), clock.nowOffset());
        audit.record("subject.operationMode", ENTITY, id, before.regionCode(),
                Map.of("operationMode", before.operationMode()), Map.of("operationMode", mode));
        events.publishEvent(new SubjectChanged(id));
    }

    @Override
    @Transactional
    public int setOperationModeUnder(String regionPrefix, WhitelistStatus whitelistStatus, OperationMode mode,
            List<String> excludedPrefixes) {
        if (regionPrefix == null || regionPrefix.length() < 2) {
            throw new IllegalArgumentException("region prefix required");
        }
        int n = repository.setOperationModeUnder(regionPrefix, whitelistStatus, Objects.requireNonNull(mode),
                excludedPrefixes == null ? List.of() : excludedPrefixes, clock.nowOffset());
        audit.record("subject.operationMode.bulk", ENTITY, regionPrefix, null,
                Map.of("whitelistStatus", String.valueOf(whitelistStatus), "excluded", String.valueOf(excludedPrefixes)),
                Map.of("operationMode", mode, "subjects", n));
        return n;
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> idsUnder(String regionPrefix, WhitelistStatus whitelistStatus) {
        return repository.idsUnder(regionPrefix, whitelistStatus);
    }

    @Override
    public void forEach(DataScope scope, int pageSize, Consumer<SubjectFacts> action) {
        for (SubjectRecord r : repository.stream(SubjectFilter.ALL, scopeFilter(scope), pageSize)) {
            action.accept(r.facts());
        }
    }

    @Override
    @Transactional
    public SubjectFacts setAttribute(String id, String key, Object value, DataScope scope) {
        SubjectRecord before = repository.find(id, scopeFilter(scope)).orElseThrow(() -> ApiException.notFound(ENTITY, id));
        String field = "attributes." + key;
        SubjectAttribute attribute = SubjectAttribute.byKey(key)
                .orElseThrow(() -> ApiException.invalid(field, "subject.attribute.unknown", key));
        Object typed = null;
        if (value != null && !(value instanceof String s && s.isBlank())) {
            typed = attribute.coerce(value).orElseThrow(() -> ApiException.invalid(field,
                    attribute.type() == SubjectAttribute.Type.BOOLEAN ? "subject.attribute.type.boolean"
                            : "subject.attribute.type.number"));
            Validation v = new Validation();
            typed = SubjectValidator.attributeValue(attribute, typed, field, v);
            v.throwIfInvalid();
        }
        repository.setAttribute(id, attribute, typed, clock.nowOffset());
        Object old = before.attributes().get(attribute);
        audit.record("subject.attribute", ENTITY, id, before.regionCode(), Collections.singletonMap(key, old),
                Collections.singletonMap(key, typed));
        events.publishEvent(new SubjectChanged(id));
        return repository.find(id, scopeFilter(DataScope.system())).map(SubjectRecord::facts).orElseThrow();
    }

    /**
     * Officials may only place a subject inside their own region (and sector): outside it, the region (or sector)
     * field is invalid (400), consistently for create and edit.
     */
    /**
     * A valid region or sector outside the caller's own is an action the caller may not do (API.md: 403), not bad
     * input; an unknown region stays a 400 naming the field.
     */
    private static void forbidIfOutside(CurrentUser user, SubjectRecord draft, Validation v) {
        DataScope scope = user.scope();
        if (draft.regionCode() != null && !v.hasProblemAt("regionCode") && !scope.coversRegion(draft.regionCode())) {
            throw ApiException.forbidden("subject.region.outsideScope");
        }
        if (draft.sector() != null && !scope.coversSector(draft.sector())) {
            throw ApiException.forbidden("subject.sector.outsideScope");
        }
    }

    /** The same check as row problems, for a bulk import (each row reported, the others kept). */
    static void checkWithinUser(CurrentUser user, SubjectRecord draft, Validation v) {
        DataScope scope = user.scope();
        if (draft.regionCode() != null && !v.hasProblemAt("regionCode")) {
            v.check(scope.coversRegion(draft.regionCode()), "regionCode", "subject.region.outsideScope");
        }
        if (draft.sector() != null) {
            v.check(scope.coversSector(draft.sector()), "sector", "subject.sector.outsideScope");
        }
    }

    private void checkUnique(SubjectRecord draft, String selfId) {
        repository.idOfKey(draft.uscc(), draft.projectNo()).filter(other -> !other.equals(selfId)).ifPresent(other -> {
            String field = draft.kind() == SubjectKind.PROJECT && !draft.projectNo().isEmpty() ? "projectNo" : "uscc";
            throw ApiException.conflict("subject.duplicate", List.of(new FieldProblem(field, "subject.duplicate.field")),
                    draft.uscc());
        });
    }

    /** What the audit log keeps: the resource with the phone masked. */
    static Map<String, Object> auditView(SubjectRecord r) {
        SubjectView view = SubjectView.of(r, false);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uscc", view.uscc());
        m.put("projectNo", view.projectNo());
        m.put("name", view.name());
        m.put("kind", view.kind());
        m.put("regionCode", view.regionCode());
        m.put("address", view.address());
        m.put("legalRepresentative", view.legalRepresentative());
        m.put("contactPhone", view.contactPhone());
        m.put("sector", view.sector());
        m.put("industryCode", view.industryCode());
        m.put("employees", view.employees());
        m.put("annualRevenue", view.annualRevenue());
        m.put("totalAssets", view.totalAssets());
        m.put("outputValue", view.outputValue());
        m.put("totalInvestment", view.totalInvestment());
        m.put("annualInvestment", view.annualInvestment());
        m.put("sizeClass", view.sizeClass());
        m.put("flags", view.flags());
        m.put("incidents", view.incidents());
        m.put("links", view.links());
        m.put("attributes", view.attributes());
        return m;
    }
}
