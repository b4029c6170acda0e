package org.sibao.tasking.internal;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.sibao.identity.ActingUser;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.identity.UserDirectory;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.SibaoProperties;
import org.sibao.tasking.internal.TaskTypes.AssigneeInput;
import org.sibao.tasking.internal.TaskTypes.AssigneeKind;
import org.sibao.tasking.internal.TaskTypes.Assignment;
import org.sibao.tasking.internal.TaskTypes.DecisionInput;
import org.sibao.tasking.internal.TaskTypes.NewTask;
import org.sibao.tasking.internal.TaskTypes.ProgressInput;
import org.sibao.tasking.internal.TaskTypes.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: eight HQ tasks (工作交办) of the province and the demo areas' HQ offices to task forces,
 * departments and lower regions' HQs, created and moved through {@link TaskService} by the demo users (the
 * assignment's department handler or HQ office reports progress and completes, the assigning HQ accepts or returns;
 * a stand-in where the demo has nobody), to every state: assigned, in progress, done awaiting acceptance, accepted,
 * returned, and one overdue (新郑's power supply task, a week old and two days past its deadline). Each step lies
 * its gap before the next one and the task's history ends {@code daysAgo} days back, on the business clock.
 * Deterministic and idempotent (skipped when any task exists). Runs after the appeal and production demo data.
 */
@Component
@Order(55)
class TaskDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TaskDemoData.class);

    enum Kind { PROGRESS, COMPLETE, ACCEPT, RETURN }

    /** One step on the assignment to {@code region} ({@code null}: the task's only one), {@code after} the previous. */
    record Step(Kind kind, String region, Duration after, int percent, String note) {
    }

    /** A task: the assigning HQ's region, what it says, its deadline after creation, its assignees, steps and age. */
    record Script(String region, String title, String description, String priority, int deadlineDays,
            List<AssigneeInput> assignees, List<Step> steps, int daysAgo) {
    }

    private static final String HN = "410000";
    private static final String XZ = "410184";
    private static final String KF = "410200";
    private static final String JY = "419001";
    private static final String NY = "411300";
    private static final String XX = "411523";

    static final List<Script> SCRIPTS = List.of(
            new Script(HN, "全面排查白名单企业复工复产情况",
                    "请各地对白名单企业逐一开展复工复产情况排查，重点掌握开工率、员工到岗率、原材料库存和物流运输情况，"
                            + "梳理企业存在的困难和问题，形成清单报省指挥部办公室。", "HIGH", 10,
                    List.of(region(KF), region(NY), region(JY)),
                    List.of(progress(KF, 1, 60, "已完成开封市区及尉氏县、杞县排查，正在排查兰考县、通许县"),
                            complete(JY, 1, "已完成全部白名单企业排查，开工率98%，问题清单已报送")), 1),
            new Script(HN, "报送重点物资运输车辆通行保障情况",
                    "请交通物流专班汇总全省重点物资运输车辆通行证办理、高速公路服务区和收费站通行保障情况，每日17时前报送。",
                    "NORMAL", 5, List.of(new AssigneeInput("TASK_FORCE", "TRANSPORT", HN)), List.of(), 0),
            new Script(KF, "落实增值税留抵退税政策，确保应退尽退",
                    "请市税务局对全市白名单企业逐户梳理留抵退税条件，主动辅导符合条件的企业申报，确保退税资金及时足额到位。",
                    "HIGH", 14, List.of(department("TAX", KF)),
                    List.of(progress(null, 2, 50, "已梳理符合条件企业46户，已辅导申报31户"),
                            complete(null, 3, "46户企业留抵退税全部办结，共退税1.26亿元"),
                            new Step(Kind.ACCEPT, null, Duration.ofDays(1), 0, "办理情况属实，同意销号")), 4),
            new Script(KF, "组织白名单企业用工专场招聘会",
                    "针对白名单企业一线普工和技术工人缺口，组织线上线下专场招聘会，帮助企业尽快补齐用工缺口。", "NORMAL", 10,
                    List.of(department("HRSS", KF)),
                    List.of(complete(null, 4, "已于本周举办专场招聘会1场，参会企业38家，提供岗位1200余个"),
                            new Step(Kind.RETURN, null, Duration.ofDays(1), 0, "请补充各企业签约人数和仍存在的岗位缺口")), 1),
            new Script(XZ, "保障白名单企业生产用电",
                    "请供电公司对新郑市白名单企业逐户排查用电需求，对新增产能企业优先安排增容接电，确保有序用电期间不限电。",
                    "URGENT", 5, List.of(department("POWER", XZ)), List.of(), 7),
            new Script(NY, "开展白名单企业复工复产督导检查",
                    "督导检查组对各县区白名单企业防疫措施落实和复工复产情况开展督导检查，发现问题及时交办。", "NORMAL", 7,
                    List.of(new AssigneeInput("TASK_FORCE", "SUPERVISION", NY)),
                    List.of(progress(null, 1, 30, "已完成宛城区、卧龙区督导检查，发现问题3个，已现场交办")), 1),
            new Script(XX, "组织返乡务工人员岗前技能培训",
                    "结合白名单企业用工需求，组织返乡务工人员开展岗前技能培训，培训合格后优先推荐到白名单企业就业。", "NORMAL",
                    10, List.of(department("HRSS", XX)),
                    List.of(progress(null, 2, 40, "已开班2期，培训120人次，推荐就业45人")), 2),
            new Script(JY, "核查白名单企业防疫物资储备情况",
                    "请防疫保障专班核查白名单企业口罩、消杀用品、抗原检测试剂等防疫物资储备，储备不足7天的督促补足。",
                    "HIGH", 3, List.of(new AssigneeInput("TASK_FORCE", "EPIDEMIC", JY)),
                    List.of(complete(null, 1, "已核查白名单企业9家，均储备7天以上防疫物资")), 1));

    private final SibaoProperties properties;
    private final TaskService service;
    private final TaskRepository repository;
    private final UserDirectory users;
    private final BusinessClock clock;
    private final TransactionTemplate tx;

    TaskDemoData(SibaoProperties properties, TaskService service, TaskRepository repository, UserDirectory users,
            BusinessClock clock, TransactionTemplate tx) {
        this.properties = properties;
        this.service = service;
        this.repository = repository;
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
        tx.executeWithoutResult(s -> SCRIPTS.forEach(this::play));
        log.info("Demo tasks: {} assigned and taken to their states in {} ms", SCRIPTS.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void play(Script script) {
        CurrentUser hq = hq(script.region());
        String deadline = clock.nowOffset().truncatedTo(ChronoUnit.MINUTES).plusDays(script.deadlineDays()).toString();
        Task task = ActingUser.call(hq, () -> service.create(new NewTask(script.title(), script.description(), deadline,
                script.priority(), script.assignees())));
        for (Step step : script.steps()) {
            repository.shiftBack(task.id(), step.after());
            Assignment a = task.assignments().stream()
                    .filter(x -> step.region() == null || x.regionCode().equals(step.region())).findFirst().orElseThrow();
            switch (step.kind()) {
                case PROGRESS -> ActingUser.run(handler(a), () -> service.progress(task.id(),
                        new ProgressInput(a.id(), step.percent(), step.note())));
                case COMPLETE -> ActingUser.run(handler(a), () -> service.complete(task.id(),
                        new ProgressInput(a.id(), 100, step.note())));
                case ACCEPT, RETURN -> ActingUser.run(hq, () -> service.decide(task.id(), step.kind() == Kind.ACCEPT,
                        new DecisionInput(a.id(), step.note())));
            }
        }
        if (script.daysAgo() > 0) {
            repository.shiftBack(task.id(), Duration.ofDays(script.daysAgo()));
        }
    }

    /** A department's handler at its region, or the HQ office that handles a task force or a lower region. */
    private CurrentUser handler(Assignment a) {
        if (a.kind() == AssigneeKind.DEPARTMENT) {
            return users.departmentUserIds(a.regionCode(), a.code()).stream().map(users::principal)
                    .flatMap(java.util.Optional::stream).findFirst()
                    .orElseGet(() -> ActingUser.standIn(Role.DEPT_HANDLER, a.regionCode(), a.code()));
        }
        return hq(a.regionCode());
    }

    private CurrentUser hq(String region) {
        return users.hqOffice(region);
    }

    private static AssigneeInput region(String code) {
        return new AssigneeInput("REGION", null, code);
    }

    private static AssigneeInput department(String code, String region) {
        return new AssigneeInput("DEPARTMENT", code, region);
    }

    private static Step progress(String region, int daysAfter, int percent, String note) {
        return new Step(Kind.PROGRESS, region, Duration.ofDays(daysAfter), percent, note);
    }

    private static Step complete(String region, int daysAfter, String note) {
        return new Step(Kind.COMPLETE, region, Duration.ofDays(daysAfter), 100, note);
    }
}
