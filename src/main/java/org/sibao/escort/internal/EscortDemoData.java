package org.sibao.escort.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sibao.identity.ActingUser;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.DataScope;
import org.sibao.identity.EnterpriseDirectory;
import org.sibao.identity.Role;
import org.sibao.identity.UserDirectory;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.SibaoProperties;
import org.sibao.region.Department;
import org.sibao.region.Region;
import org.sibao.subject.SubjectFacts;
import org.sibao.subject.Subjects;
import org.sibao.subject.WhitelistStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: production escort (生产护航) over the demo areas, through {@link EscortService} as the demo users.
 * Eleven inspection reports (涉企检查报备) on the areas' first ACTIVE whitelist subjects (USCC order), filed by the
 * epidemic office, a department handler, the subject's sector office or the HQ office: epidemic, safety and
 * quarantine ones recorded without approval, the others pending or approved or refused by the HQ office that
 * approves them ({@link EscortDeciders}: the subject's city — 郑州 for 新郑 —, the province for 新县, whose city 信阳
 * has nobody on the platform), never by their filer.
 * Four shutdown requests (停产限产审批) on the areas' last ACTIVE subjects, decided jointly (会商) by the HQ office and
 * the epidemic office of the decision level: one in 开封 agreed by 开封's epidemic office and waiting for 开封's HQ
 * office, one in force in 南阳 with both consents (its subject suspended on the whitelist until it ends tomorrow),
 * one refused by 济源's HQ office, and one in 新郑 agreed by 郑州's two offices that ended by itself two days ago.
 * Times are relative to the business clock (each item lies
 * {@code hoursAgo} back). Deterministic and idempotent (skipped when any inspection or shutdown exists). Runs last of
 * the demo data (70), so that the suspension does not change what the others seed.
 */
@Component
@Order(70)
class EscortDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EscortDemoData.class);
    private static final Duration AWAIT = Duration.ofSeconds(5);
    private static final int DECISION_HOURS = 4;

    /** NONE; APPROVE (an inspection; a shutdown: both sides); CONSENT (a shutdown: the epidemic side only); REFUSE. */
    enum Decision { NONE, APPROVE, CONSENT, REFUSE }

    /** An inspection: the area's n-th ACTIVE subject, what and by whom, planned days ahead, the HQ's decision. */
    record Inspect(String area, int subject, InspectionKind kind, Department department, Role filer, String reason,
            int plannedInDays, Decision decision, String comment, int hoursAgo) {
    }

    /** A shutdown request on the area's n-th ACTIVE subject from the end, and the HQ's decision. */
    record Stop(String area, int fromEnd, Role filer, String reason, int days, Decision decision, String comment,
            int hoursAgo) {
    }

    private static final String XZ = "410184";
    private static final String KF = "410200";
    private static final String JY = "419001";
    private static final String NY = "411300";
    private static final String XX = "411523";
    private static final String PROVINCE = "410000";

    static final List<Inspect> INSPECTIONS = List.of(
            new Inspect(XZ, 0, InspectionKind.EPIDEMIC, Department.HEALTH, Role.EPIDEMIC_OFFICER,
                    "检查闭环生产管理、员工核酸检测和出入登记落实情况", 1, Decision.NONE, null, 5),
            new Inspect(XZ, 1, InspectionKind.ENVIRONMENT, Department.ECO_ENV, Role.HQ_OFFICER,
                    "大气污染防治督查，核查涂装工序VOCs治理设施运行情况", 3, Decision.NONE, null, 20),
            new Inspect(XZ, 2, InspectionKind.FIRE, Department.EMERGENCY, Role.HQ_OFFICER,
                    "新建仓库投用前消防安全检查", 2, Decision.APPROVE, "同意，检查时严格落实防疫要求，不影响正常生产", 30),
            new Inspect(KF, 0, InspectionKind.TAX, Department.TAX, Role.DEPT_HANDLER,
                    "增值税留抵退税后续核查", 2, Decision.APPROVE, "同意，请提前与企业对接，尽量采取非现场方式", 44),
            new Inspect(KF, 1, InspectionKind.MARKET, Department.MARKET_REG, Role.SECTOR_OFFICER,
                    "产品质量和价格行为专项检查", 1, Decision.REFUSE, "企业正处于闭环生产期间，非必要现场检查延后至解除闭环后开展", 26),
            new Inspect(KF, 2, InspectionKind.SAFETY, Department.EMERGENCY, Role.SECTOR_OFFICER,
                    "复工复产安全生产检查", 2, Decision.NONE, null, 8),
            new Inspect(JY, 0, InspectionKind.QUALITY, Department.MARKET_REG, Role.HQ_OFFICER,
                    "防疫物资产品质量监督抽查", 4, Decision.NONE, null, 3),
            new Inspect(NY, 0, InspectionKind.ENVIRONMENT, Department.ECO_ENV, Role.HQ_OFFICER,
                    "排污许可执行情况检查", 2, Decision.NONE, null, 6),
            new Inspect(NY, 1, InspectionKind.FIRE, Department.EMERGENCY, Role.SECTOR_OFFICER,
                    "消防设施和疏散通道专项检查", 1, Decision.APPROVE, "同意，检查时间避开生产高峰", 28),
            new Inspect(NY, 2, InspectionKind.QUARANTINE, Department.CUSTOMS, Role.HQ_OFFICER,
                    "进口原料冷链外包装检疫查验", 1, Decision.NONE, null, 12),
            new Inspect(XX, 0, InspectionKind.OTHER, Department.AGRICULTURE, Role.HQ_OFFICER,
                    "茶园农药使用情况检查", 3, Decision.REFUSE, "茶叶采摘加工旺季，改为线上资料核查", 50));

    /** The first one ends by itself: approved for 3 days, 5 days ago. */
    static final List<Stop> SHUTDOWNS = List.of(
            new Stop(XZ, 0, Role.EPIDEMIC_OFFICER, "密接人员所在车间需停产消杀，申请停产3天", 3, Decision.APPROVE,
                    "同意停产3天，到期自动恢复生产", 5 * 24 + 2),
            new Stop(KF, 0, Role.EPIDEMIC_OFFICER, "厂区1名员工核酸检测结果异常，申请停产3天，开展全面消杀和全员核酸检测", 3,
                    Decision.CONSENT, "同意停产3天，请经济运行调度指挥部会商确定", 2),
            new Stop(NY, 0, Role.SECTOR_OFFICER, "所在乡镇划定为高风险区，员工无法到岗，申请停产2天", 2, Decision.APPROVE,
                    "同意停产2天，期间做好厂区封闭管理和设备安全巡查", 24),
            new Stop(JY, 0, Role.SECTOR_OFFICER, "原材料供应中断，申请停产2天", 2, Decision.REFUSE,
                    "该企业为重点保供企业，改为闭环生产，不予停产", 30));

    private final SibaoProperties properties;
    private final EscortService service;
    private final EscortDeciders deciders;
    private final EscortRepository repository;
    private final Subjects subjects;
    private final EnterpriseDirectory enterprises;
    private final UserDirectory users;
    private final BusinessClock clock;
    private final TransactionTemplate tx;

    EscortDemoData(SibaoProperties properties, EscortService service, EscortDeciders deciders,
            EscortRepository repository, Subjects subjects, EnterpriseDirectory enterprises, UserDirectory users,
            BusinessClock clock, TransactionTemplate tx) {
        this.properties = properties;
        this.service = service;
        this.deciders = deciders;
        this.repository = repository;
        this.subjects = subjects;
        this.enterprises = enterprises;
        this.users = users;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoData() || repository.any()) {
            return;
        }
        long started = System.nanoTime();
        Map<String, List<SubjectFacts>> active = new HashMap<>();
        INSPECTIONS.forEach(i -> active.computeIfAbsent(i.area(), this::active));
        SHUTDOWNS.forEach(s -> active.computeIfAbsent(s.area(), this::active));
        // the shutdown that ends is approved first, in its own transaction, so that its subject's suspension (an
        // event listener's work after the commit) is done before it ends and the subject is resumed
        Stop ending = SHUTDOWNS.get(0);
        Optional<Shutdown> toEnd = stopSubject(ending, active).map(s -> tx.execute(t -> stop(ending, s)));
        int[] inspections = {0};
        tx.executeWithoutResult(t -> {
            for (Inspect i : INSPECTIONS) {
                List<SubjectFacts> under = active.get(i.area());
                if (!under.isEmpty()) {
                    inspect(i, under.get(i.subject() % under.size()));
                    inspections[0]++;
                }
            }
            SHUTDOWNS.subList(1, SHUTDOWNS.size())
                    .forEach(s -> stopSubject(s, active).ifPresent(subject -> stop(s, subject)));
        });
        toEnd.ifPresent(s -> {
            awaitSuspended(s.enterpriseId());
            tx.executeWithoutResult(t -> {
                repository.shiftShutdownBack(s.id(), Duration.ofHours(ending.hoursAgo()));
                service.expireDue();
            });
        });
        log.info("Demo escort: {} inspections and {} shutdowns filed and decided in {} ms", inspections[0],
                SHUTDOWNS.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private void inspect(Inspect script, SubjectFacts subject) {
        String area = script.area();
        EscortService.InspectionRequest in = new EscortService.InspectionRequest(subject.id(),
                script.department().name(), script.kind().name(), script.reason(),
                clock.today().plusDays(script.plannedInDays()).toString());
        Inspection i = ActingUser.call(filer(script.filer(), area, script.department(), subject),
                () -> service.fileInspection(in));
        int rest = script.hoursAgo();
        if (script.decision() != Decision.NONE) {
            // decided a few hours after the request
            repository.shiftInspectionBack(i.id(), Duration.ofHours(DECISION_HOURS));
            rest -= DECISION_HOURS;
            ActingUser.run(approver(subject, i.requestedBy()), () -> service.decideInspection(i.id(),
                    script.decision() == Decision.APPROVE, new EscortService.Decision(script.comment(), null)));
        }
        repository.shiftInspectionBack(i.id(), Duration.ofHours(rest));
    }

    /** Files and decides a shutdown request; only the one that ends is left at the present time (moved back later). */
    private Shutdown stop(Stop script, SubjectFacts subject) {
        String area = script.area();
        Shutdown s = ActingUser.call(filer(script.filer(), area, Department.HEALTH, subject),
                () -> service.fileShutdown(new EscortService.ShutdownRequest(subject.id(), script.reason(), script.days())));
        EscortService.Decision word = new EscortService.Decision(script.comment(), null);
        switch (script.decision()) {
            case APPROVE -> {
                // the epidemic command agrees first, the HQ office's consent then starts it
                ActingUser.run(decider(ShutdownSide.EPIDEMIC, subject), () -> service.decideShutdown(s.id(), true, word));
                ActingUser.run(decider(ShutdownSide.HQ, subject), () -> service.decideShutdown(s.id(), true, word));
            }
            case CONSENT -> ActingUser.run(decider(ShutdownSide.EPIDEMIC, subject),
                    () -> service.decideShutdown(s.id(), true, word));
            case REFUSE -> ActingUser.run(decider(ShutdownSide.HQ, subject), () -> service.decideShutdown(s.id(), false, word));
            default -> {
            }
        }
        if (script != SHUTDOWNS.get(0)) {
            repository.shiftShutdownBack(s.id(), Duration.ofHours(script.hoursAgo()));
        }
        return s;
    }

    /** The area's n-th ACTIVE subject from the end (the first ones are the other demo data's). */
    private static Optional<SubjectFacts> stopSubject(Stop script, Map<String, List<SubjectFacts>> active) {
        List<SubjectFacts> under = active.get(script.area());
        return under.isEmpty() ? Optional.empty()
                : Optional.of(under.get(under.size() - 1 - script.fromEnd() % under.size()));
    }

    /** The area's ACTIVE whitelist subjects in USCC order. */
    private List<SubjectFacts> active(String area) {
        String prefix = Region.prefixOf(area);
        Set<String> ids = Set.copyOf(subjects.idsUnder(prefix, WhitelistStatus.ACTIVE));
        List<SubjectFacts> out = new ArrayList<>();
        for (String id : enterprises.sampleUnder(prefix, 1000)) {
            if (ids.contains(id)) {
                subjects.find(id, DataScope.system()).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Waits (at most {@link #AWAIT}) until the whitelist module has suspended the subject of a started shutdown. */
    private void awaitSuspended(String subjectId) {
        long until = System.nanoTime() + AWAIT.toNanos();
        while (System.nanoTime() < until && subjects.find(subjectId, DataScope.system())
                .map(s -> s.whitelistStatus() != WhitelistStatus.SUSPENDED).orElse(false)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The filing office at the area: its epidemic office, the department's handler, the subject's sector office, HQ. */
    private CurrentUser filer(Role role, String area, Department department, SubjectFacts subject) {
        List<String> ids = switch (role) {
            case DEPT_HANDLER -> users.departmentUserIds(area, department.name());
            case SECTOR_OFFICER -> users.userIds(Role.SECTOR_OFFICER, area, subject.sector());
            default -> users.userIds(role, area, null);
        };
        return ids.stream().map(users::principal).flatMap(Optional::stream).findFirst().orElseGet(() -> hq(area));
    }

    private CurrentUser hq(String area) {
        return users.hqOffice(area);
    }

    /** The HQ office that approves the subject's inspections, or the province's where that office filed it. */
    private CurrentUser approver(SubjectFacts subject, String filer) {
        CurrentUser office = hq(deciders.inspection(subject.regionCode()));
        return office.id().equals(filer) ? hq(PROVINCE) : office;
    }

    /** An officer of the side at the region that decides the subject's shutdown (a stand-in where there is none). */
    private CurrentUser decider(ShutdownSide side, SubjectFacts subject) {
        String region = deciders.shutdown(subject.regionCode()).regionOf(side);
        return users.first(side.role, region).orElseGet(() -> ActingUser.standIn(side.role, region,
                side == ShutdownSide.HQ ? Department.NDRC.name() : Department.HEALTH.name()));
    }
}
