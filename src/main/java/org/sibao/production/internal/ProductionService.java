package org.sibao.production.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sibao.appeal.AppealCategory;
import org.sibao.appeal.Appeals;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Ids;
import org.sibao.platform.Validation;
import org.sibao.platform.audit.AuditLog;
import org.sibao.production.ProductionReported;
import org.sibao.subject.SubjectFacts;
import org.sibao.subject.SubjectRef;
import org.sibao.subject.Subjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.tasking.IsoWeek;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Filing and reading weekly reports. A submission checks, in this order: the subject is in the caller's scope
 * (else 404), the caller is its enterprise user or liaison (else 403), it is ACTIVE (else 409), the input (else 400
 * naming the fields); then it files the problem lines marked as appeals, stores or replaces the report, audits and
 * publishes {@link ProductionReported}, in one transaction.
 */
@Service
class ProductionService {

    static final int MAX_PROBLEMS = 20;
    static final int MAX_PROBLEM_TEXT = 1000;
    static final int HISTORY = 26;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int TITLE_CHARS = 40;

    private final ProductionRepository repository;
    private final Subjects subjects;
    private final Appeals appeals;
    private final BusinessClock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ProductionService(ProductionRepository repository, Subjects subjects, Appeals appeals, BusinessClock clock,
            AuditLog audit, ApplicationEventPublisher events) {
        this.repository = repository;
        this.subjects = subjects;
        this.appeals = appeals;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    static boolean mayFile(CurrentUser u) {
        return u.role() == Role.ENTERPRISE || u.role() == Role.LIAISON;
    }

    IsoWeek currentWeek() {
        return IsoWeek.of(clock.now());
    }

    @Transactional
    ProductionReport submit(String enterpriseId, ProductionInputs in) {
        CurrentUser user = CurrentUser.get();
        SubjectFacts subject = subjects.find(enterpriseId).orElseThrow(() -> ApiException.notFound("enterprise",
                enterpriseId));
        if (!mayFile(user)) {
            throw ApiException.forbidden("production.error.mayNotFile");
        }
        if (subject.whitelistStatus() != WhitelistStatus.ACTIVE) {
            throw ApiException.conflict("production.error.notActive");
        }
        Validation v = new Validation();
        IsoWeek week = week(in.week(), v);
        BigDecimal output = amount(in.outputValue(), "outputValue", v);
        BigDecimal utilisation = null;
        if (v.required(in.capacityUtilisation(), "capacityUtilisation")) {
            utilisation = in.capacityUtilisation().setScale(2, RoundingMode.HALF_UP);
            v.check(utilisation.signum() >= 0 && utilisation.compareTo(HUNDRED) <= 0, "capacityUtilisation",
                    "production.validation.percent");
        }
        if (v.required(in.staffOnDuty(), "staffOnDuty")) {
            v.nonNegative(in.staffOnDuty(), "staffOnDuty");
        }
        BigDecimal orders = amount(in.ordersOnHand(), "ordersOnHand", v);
        if (v.required(in.rawMaterialDays(), "rawMaterialDays")) {
            v.nonNegative(in.rawMaterialDays(), "rawMaterialDays");
        }
        OperatingState state = null;
        if (v.required(in.operatingState(), "operatingState")) {
            state = parse(OperatingState.class, in.operatingState(), "operatingState", v);
        }
        List<ProductionInputs.Problem> lines = problems(in.problems(), v);
        v.throwIfInvalid();

        ProductionRepository.Row before = repository.find(subject.id(), week.toString()).orElse(null);
        List<ProductionReport.Problem> beforeProblems = before == null ? List.of() : repository.problems(before.id());
        Map<String, String> filed = new HashMap<>();
        beforeProblems.stream().filter(p -> p.appealId() != null).forEach(p -> filed.put(p.text(), p.appealId()));
        List<ProductionReport.Problem> problems = new ArrayList<>();
        for (ProductionInputs.Problem line : lines) {
            String text = line.text().trim();
            String appealId = filed.get(text);
            if (appealId == null && Boolean.TRUE.equals(line.fileAsAppeal())) {
                AppealCategory category = line.category() == null || line.category().isBlank() ? AppealCategory.OTHER
                        : AppealCategory.valueOf(line.category().trim().toUpperCase(java.util.Locale.ROOT));
                appealId = appeals.file(subject.id(), category, title(week, text), text);
            }
            problems.add(new ProductionReport.Problem(text, appealId));
        }
        ProductionRepository.Row row = new ProductionRepository.Row(before == null ? Ids.newId() : before.id(),
                subject.id(), subject.regionCode(), subject.sector().name(), week.toString(),
                week.previous().toString(), output, utilisation, in.staffOnDuty(), orders, in.rawMaterialDays(),
                state, user.username(), clock.nowOffset(), before == null ? 1 : before.revision() + 1);
        if (before == null) {
            repository.insert(row);
        } else if (!repository.update(row)) {
            throw ApiException.conflict("production.error.concurrent");
        }
        repository.replaceProblems(row.id(), problems);
        audit.record(before == null ? "production.report.submit" : "production.report.replace", "production_report",
                row.id(), row.regionCode(), before == null ? null : snapshot(before, beforeProblems),
                snapshot(row, problems));
        events.publishEvent(new ProductionReported(row.id(), row.enterpriseId(), row.regionCode(), row.week(),
                before != null));
        BigDecimal previous = repository.find(subject.id(), row.prevWeek()).map(ProductionRepository.Row::outputValue)
                .orElse(null);
        return view(row, subject.name(), problems, previous);
    }

    /** A subject's reports in the caller's scope, newest first; 404 outside the scope. */
    @Transactional(readOnly = true)
    List<ProductionReport> history(String enterpriseId) {
        SubjectRef subject = subjects.ref(enterpriseId).orElseThrow(() -> ApiException.notFound("enterprise",
                enterpriseId));
        return repository.history(subject.id(), subject.name(), HISTORY);
    }

    static ProductionReport view(ProductionRepository.Row r, String name, List<ProductionReport.Problem> problems,
            BigDecimal previous) {
        return new ProductionReport(r.id(), r.enterpriseId(), name, r.regionCode(), r.sector(), r.week(),
                r.outputValue(), r.utilisation(), r.staffOnDuty(), r.ordersOnHand(), r.materialDays(), r.state(),
                List.copyOf(problems), previous, WeekOnWeek.changePercent(r.outputValue(), previous),
                WeekOnWeek.drop(r.outputValue(), previous), r.submittedBy(), r.submittedAt(), r.revision());
    }

    /** The week asked for (blank: the current one); a future week or bad text is a 400 on {@code week}. */
    private IsoWeek week(String text, Validation v) {
        IsoWeek current = currentWeek();
        if (text == null || text.isBlank()) {
            return current;
        }
        IsoWeek week = IsoWeek.parse(text).orElse(null);
        if (!v.check(week != null, "week", "production.validation.week")) {
            return current;
        }
        v.check(!week.monday().isAfter(current.monday()), "week", "production.validation.futureWeek");
        return week;
    }

    private static BigDecimal amount(BigDecimal value, String field, Validation v) {
        if (!v.required(value, field)) {
            return null;
        }
        BigDecimal scaled = value.setScale(2, RoundingMode.HALF_UP);
        if (v.nonNegative(scaled, field)) {
            v.check(scaled.compareTo(MAX_AMOUNT) <= 0, field, "production.validation.tooLarge");
        }
        return scaled;
    }

    private static List<ProductionInputs.Problem> problems(List<ProductionInputs.Problem> in, Validation v) {
        if (in == null) {
            return List.of();
        }
        v.check(in.size() <= MAX_PROBLEMS, "problems", "production.validation.tooManyProblems", MAX_PROBLEMS);
        List<ProductionInputs.Problem> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            ProductionInputs.Problem p = in.get(i);
            String field = "problems[" + i + "]";
            if (p == null || p.text() == null || p.text().isBlank()) {
                if (p != null && Boolean.TRUE.equals(p.fileAsAppeal())) {
                    v.reject(field + ".text", "validation.required");
                }
                continue;
            }
            v.maxLength(p.text().trim(), MAX_PROBLEM_TEXT, field + ".text");
            if (p.category() != null && !p.category().isBlank()) {
                parse(AppealCategory.class, p.category(), field + ".category", v);
            }
            out.add(p);
        }
        return out;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Validation v) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.reject(field, "production.validation.oneOf", java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private static String title(IsoWeek week, String text) {
        String first = text.lines().findFirst().orElse(text);
        String head = first.length() > TITLE_CHARS ? first.substring(0, TITLE_CHARS) + "…" : first;
        return week + " 生产周报问题：" + head;
    }

    private static Map<String, Object> snapshot(ProductionRepository.Row r, List<ProductionReport.Problem> problems) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enterpriseId", r.enterpriseId());
        m.put("week", r.week());
        m.put("outputValue", r.outputValue());
        m.put("capacityUtilisation", r.utilisation());
        m.put("staffOnDuty", r.staffOnDuty());
        m.put("ordersOnHand", r.ordersOnHand());
        m.put("rawMaterialDays", r.materialDays());
        m.put("operatingState", r.state().name());
        m.put("revision", r.revision());
        m.put("problems", problems);
        return m;
    }
}
