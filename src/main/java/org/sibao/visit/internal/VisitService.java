package org.sibao.visit.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.sibao.appeal.AppealCategory;
import org.sibao.appeal.Appeals;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.DataScope;
import org.sibao.identity.RequestedRegion;
import org.sibao.identity.Role;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Ids;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.Validation;
import org.sibao.platform.audit.AuditLog;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.sibao.subject.SubjectFacts;
import org.sibao.subject.SubjectRef;
import org.sibao.subject.Subjects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording and reading visits, and the duty board. A visit checks, in this order: the enterprise is in the caller's
 * scope (else 404), the caller is a LIAISON (else 403), the input (else 400 naming each field); then it files the
 * problem as an appeal, stores the visit and audits it, in one transaction.
 */
@Service
class VisitService {

    /** The weekly follow-up: a whitelist subject not visited within this many days is overdue (超期未走访). */
    static final int FOLLOW_UP_DAYS = 7;
    /** How far back a visit may be recorded. */
    static final int MAX_DAYS_BACK = 30;
    static final int MAX_FINDINGS = 2000;
    static final int MAX_PROBLEM = 1000;
    private static final int TITLE_CHARS = 30;

    private final VisitRepository repository;
    private final Subjects subjects;
    private final Appeals appeals;
    private final RegionService regions;
    private final BusinessClock clock;
    private final AuditLog audit;

    VisitService(VisitRepository repository, Subjects subjects, Appeals appeals, RegionService regions,
            BusinessClock clock, AuditLog audit) {
        this.repository = repository;
        this.subjects = subjects;
        this.appeals = appeals;
        this.regions = regions;
        this.clock = clock;
        this.audit = audit;
    }

    /** A recorded visit and whether it was stored now (false: the same visit had been sent before). */
    record Recorded(Visit visit, boolean created) {
    }

    @Transactional
    Recorded record(String enterpriseId, VisitInputs in) {
        CurrentUser user = CurrentUser.get();
        SubjectFacts subject = subjects.find(enterpriseId).orElseThrow(() -> ApiException.notFound("enterprise",
                enterpriseId));
        if (user.role() != Role.LIAISON) {
            throw ApiException.forbidden("visit.error.liaisonsOnly");
        }
        Validation v = new Validation();
        LocalDate on = date(in.visitedOn(), v);
        VisitMethod method = v.required(blankToNull(in.method()), "method")
                ? v.oneOf(VisitMethod.class, in.method().trim().toUpperCase(Locale.ROOT), "method") : null;
        String findings = in.findings() == null ? null : in.findings().trim();
        if (v.required(blankToNull(findings), "findings")) {
            v.maxLength(findings, MAX_FINDINGS, "findings");
        }
        String problem = in.problem() == null || in.problem().isBlank() ? null : in.problem().trim();
        AppealCategory category = AppealCategory.OTHER;
        if (problem != null) {
            v.maxLength(problem, MAX_PROBLEM, "problem");
            if (in.category() != null && !in.category().isBlank()) {
                AppealCategory c = v.oneOf(AppealCategory.class, in.category().trim().toUpperCase(Locale.ROOT), "category");
                category = c == null ? category : c;
            }
        }
        v.throwIfInvalid();

        VisitRepository.Row same = repository.same(subject.id(), on, method, findings, user.id()).orElse(null);
        if (same != null) {
            return new Recorded(view(same, subject.name()), false);
        }
        String appealId = problem == null ? null
                : appeals.file(subject.id(), category, title(problem), problem);
        VisitRepository.Row row = new VisitRepository.Row(Ids.newId(), subject.id(), subject.regionCode(),
                subject.sector().name(), on, method, findings, appealId, user.id(), user.displayName(),
                clock.nowOffset());
        repository.insert(row);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("enterpriseId", row.enterpriseId());
        after.put("visitedOn", row.visitedOn().toString());
        after.put("method", row.method().name());
        after.put("findings", row.findings());
        if (appealId != null) {
            after.put("appealId", appealId);
        }
        audit.record("visit.record", "liaison_visit", row.id(), row.regionCode(), null, after);
        return new Recorded(view(row, subject.name()), true);
    }

    /** An enterprise's visits, newest first; 404 outside the caller's scope. */
    @Transactional(readOnly = true)
    PageResult<Visit> visits(String enterpriseId, PageQuery page) {
        SubjectRef subject = subjects.ref(enterpriseId).orElseThrow(() -> ApiException.notFound("enterprise",
                enterpriseId));
        return repository.ofEnterprise(subject.id(), page).map(r -> view(r, subject.name()));
    }

    /**
     * The board's region: the caller's unless given. A role without a board → 403; an unknown code is recorded in
     * {@code v} (400 with the other parameters; null is answered); outside the scope → 404.
     */
    Region region(String regionCode, Validation v) {
        CurrentUser user = CurrentUser.get();
        if (!mayReadBoard(user)) {
            throw ApiException.forbidden("error.forbidden");
        }
        return user.role() == Role.LIAISON ? RequestedRegion.known(user, regions, regionCode, v)
                : RequestedRegion.inScope(user, regions, regionCode, v);
    }

    /** Whether the role reads the duty board (a LIAISON reads its own enterprises' board). */
    static boolean mayReadBoard(CurrentUser user) {
        return user.is(Role.ADMIN, Role.HQ_OFFICER, Role.SUPERVISOR, Role.SECTOR_OFFICER, Role.INTEGRATION, Role.LIAISON);
    }

    @Transactional(readOnly = true)
    PageResult<DutyRow> board(Region region, DutyStatus status, PageQuery page) {
        LocalDate today = clock.today();
        return repository.board(region.prefix(), scope(), activeOnly(), cutOff(today), today, status, page);
    }

    @Transactional(readOnly = true)
    DutySummary summary(Region region) {
        LocalDate today = clock.today();
        long[] c = repository.counts(region.prefix(), scope(), activeOnly(), cutOff(today));
        long visits = repository.visitsSince(region.prefix(),
                CurrentUser.get().scope().subjects("v.region_code", "v.sector", "v.enterprise_id"), cutOff(today));
        return new DutySummary(region.code(), c[0], c[0] - c[1], c[1], c[2], c[3], visits, FOLLOW_UP_DAYS);
    }

    /** The earliest visit date that still counts as followed up today. */
    static LocalDate cutOff(LocalDate today) {
        return today.minusDays(FOLLOW_UP_DAYS - 1L);
    }

    /** Officials follow the whitelist subjects; a liaison's own board is every enterprise assigned to it. */
    private static boolean activeOnly() {
        return CurrentUser.get().role() != Role.LIAISON;
    }

    private static org.sibao.identity.SqlFilter scope() {
        DataScope scope = CurrentUser.get().scope();
        return scope.subjects("s.region_code", "s.sector", "s.id");
    }

    private LocalDate date(String text, Validation v) {
        if (!v.required(blankToNull(text), "visitedOn")) {
            return null;
        }
        LocalDate on;
        try {
            on = LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            v.reject("visitedOn", "visit.validation.date");
            return null;
        }
        LocalDate today = clock.today();
        v.check(!on.isAfter(today), "visitedOn", "visit.validation.future");
        v.check(!on.isBefore(today.minusDays(MAX_DAYS_BACK)), "visitedOn", "visit.validation.tooOld", MAX_DAYS_BACK);
        return on;
    }

    private static String title(String problem) {
        String firstLine = problem.lines().findFirst().orElse(problem).trim();
        String text = firstLine.length() > TITLE_CHARS ? firstLine.substring(0, TITLE_CHARS) + "…" : firstLine;
        return "走访发现：" + text;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static Visit view(VisitRepository.Row r, String enterpriseName) {
        return new Visit(r.id(), r.enterpriseId(), enterpriseName, r.regionCode(), r.sector(), r.visitedOn(),
                r.method(), r.findings(), r.appealId(), r.visitorName(), r.createdAt());
    }
}
