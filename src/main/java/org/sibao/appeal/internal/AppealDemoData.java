package org.sibao.appeal.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sibao.appeal.AppealCategory;
import org.sibao.appeal.Satisfaction;
import org.sibao.appeal.Urgency;
import org.sibao.identity.ActingUser;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.EnterpriseDirectory;
import org.sibao.identity.Role;
import org.sibao.identity.SqlFilter;
import org.sibao.identity.UserDirectory;
import org.sibao.platform.SibaoProperties;
import org.sibao.region.Department;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: 32 appeals of 2022's epidemic months over the demo areas (新郑, 开封, 济源, 南阳, 新县), each taken
 * to its state by the same service calls the people make, acting as them: the enterprise user or liaison files
 * (the area's HQ office for an enterprise without one), the HQ office of the appeal's region triages or escalates,
 * the department's handler accepts and resolves, the filer calls back and the supervisor closes. Demo users act
 * where they exist; elsewhere (a county of 开封 or 南阳, 郑州) a stand-in {@code demo-seed} of the right role does.
 *
 * <p>The states: submitted, assigned, in progress, escalated (up to the city and the province; 开封's and 南阳's
 * counties have no HQ officer, so their appeals start with the city's office), merged into one
 * common-issue cluster, resolved awaiting call-back, confirmed awaiting closure, reopened, rejected, withdrawn and
 * closed. Finished appeals lie days or weeks back, so the metrics have a trend and durations: after each step
 * every time of the appeal moves back by the gap to the next step, and at the end by the rest of its age. One
 * assigned appeal is two weeks old and so overdue; the others are within their deadlines when seeded.
 * Deterministic (fixed scripts over subjects in USCC order) and idempotent (skipped when any appeal exists). Runs
 * after the whitelist demo data (25) and the coverage rebuild (30).
 */
@Component
@Order(40)
class AppealDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AppealDemoData.class);

    private enum Kind { ASSIGN, ACCEPT, RESOLVE, FEEDBACK, CLOSE, ESCALATE, REJECT, WITHDRAW, MERGE }

    /** One step after filing, {@code after} the previous one; {@code text} is its result, reason or cluster title. */
    private record Step(Kind kind, Duration after, Department department, Satisfaction satisfaction, String text) {
    }

    /** An appeal: demo area, the area's n-th subject (USCC order), what it says, its age and its steps. */
    record Script(String area, int subject, AppealCategory category, Urgency urgency, String title,
            String description, int daysAgo, List<Step> steps) {
    }

    private static final List<String> AREAS = List.of("410184", "410200", "419001", "411300", "411523");

    private final SibaoProperties properties;
    private final AppealService service;
    private final AppealRepository repository;
    private final EnterpriseDirectory enterprises;
    private final UserDirectory users;
    private final RegionService regions;
    private final TransactionTemplate tx;
    private final WorkingCalendar calendar;

    AppealDemoData(SibaoProperties properties, AppealService service, AppealRepository repository,
            EnterpriseDirectory enterprises, UserDirectory users, RegionService regions, TransactionTemplate tx,
            WorkingCalendar calendar) {
        this.calendar = calendar;
        this.properties = properties;
        this.service = service;
        this.repository = repository;
        this.enterprises = enterprises;
        this.users = users;
        this.regions = regions;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoData() || repository.count(SqlFilter.NONE) > 0) {
            return;
        }
        long started = System.nanoTime();
        Map<String, List<String>> subjects = new HashMap<>();
        AREAS.forEach(a -> subjects.put(a, enterprises.sampleUnder(Region.prefixOf(a), 8)));
        if (subjects.values().stream().anyMatch(List::isEmpty)) {
            return;
        }
        Map<String, String> clusters = new HashMap<>();
        tx.executeWithoutResult(s -> SCRIPTS.forEach(script -> {
            List<String> under = subjects.get(script.area());
            play(script, under.get(script.subject() % under.size()), clusters);
        }));
        log.info("Demo appeals: {} filed and taken to their states in {} ms", SCRIPTS.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void play(Script script, String enterpriseId, Map<String, String> clusters) {
        CurrentUser filer = filer(script.area(), enterpriseId);
        AppealRow a = ActingUser.call(filer, () -> service.file(new AppealInputs.FileAppeal(enterpriseId,
                script.category().name(), script.title(), script.description(), script.urgency().name(), null)));
        Duration spent = Duration.ZERO;
        for (Step step : script.steps()) {
            repository.shiftBack(a.id(), step.after());
            spent = spent.plus(step.after());
            a = act(step, a, filer, clusters);
        }
        Duration rest = Duration.ofDays(script.daysAgo()).minus(spent);
        if (rest.compareTo(Duration.ZERO) > 0) {
            repository.shiftBack(a.id(), rest);
        }
        inWorkingTime(a.id());
    }

    /**
     * Back-dating by calendar days can put a working-day deadline on a weekend or holiday: each such one moves on to
     * the next working day. An urgent appeal's deadlines (clock hours) and a major one's month stay as they are.
     */
    private void inWorkingTime(String appealId) {
        AppealRow a = repository.find(appealId, SqlFilter.NONE).orElseThrow();
        boolean urgent = a.urgency() == Urgency.URGENT;
        repository.setDeadlines(appealId, urgent ? a.assignDueAt() : working(a.assignDueAt()),
                urgent ? a.responseDueAt() : working(a.responseDueAt()),
                a.major() && a.dueDays() == null ? a.resolutionDueAt() : working(a.resolutionDueAt()));
    }

    private OffsetDateTime working(OffsetDateTime due) {
        return due == null ? null : calendar.inWorkingTime(due);
    }

    private AppealRow act(Step step, AppealRow a, CurrentUser filer, Map<String, String> clusters) {
        String id = a.id();
        AppealInputs.Note reason = new AppealInputs.Note(null, null, step.text());
        return switch (step.kind()) {
            case ASSIGN -> ActingUser.call(hq(a), () -> service.triage(id, new AppealInputs.Triage("INDIVIDUAL",
                    step.department().name(), null, null, false, null, null, null, null)));
            case MERGE -> merge(a, step.text(), clusters);
            case ACCEPT -> ActingUser.call(handler(a), () -> service.accept(id, new AppealInputs.Note(step.text(), null, null)));
            case RESOLVE -> ActingUser.call(handler(a), () -> service.resolve(id, new AppealInputs.Note(null, step.text(), null)));
            case FEEDBACK -> ActingUser.call(filer, () -> service.feedback(id, new AppealInputs.Feedback(
                    step.satisfaction() != Satisfaction.UNSATISFIED, step.satisfaction().name(), step.text(), null)));
            case CLOSE -> ActingUser.call(supervisor(a), () -> service.close(id, new AppealInputs.Note(step.text(), null, null)));
            case ESCALATE -> ActingUser.call(hq(a), () -> service.escalate(id, reason));
            case REJECT -> ActingUser.call(hq(a), () -> service.reject(id, reason));
            case WITHDRAW -> ActingUser.call(filer, () -> service.withdraw(id, new AppealInputs.Note(step.text(), null, null)));
        };
    }

    /** The first appeal of a cluster title opens the cluster; the next ones join it. */
    private AppealRow merge(AppealRow a, String title, Map<String, String> clusters) {
        String open = clusters.get(title);
        AppealRow merged = ActingUser.call(hq(a), () -> service.triage(a.id(), new AppealInputs.Triage("COMMON", null,
                null, null, null, open, open == null ? title : null, null, null)));
        clusters.put(title, merged.clusterId());
        return merged;
    }

    // ---- who acts ----------------------------------------------------------------------------------------------

    /**
     * The enterprise's own user, else its liaison (the most local one: the province's demo liaison serves some of
     * 新郑's enterprises too), else the area's HQ office filing for it.
     */
    private CurrentUser filer(String area, String enterpriseId) {
        List<CurrentUser> own = users.enterpriseUserIds(enterpriseId).stream().map(users::principal)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingInt((CurrentUser u) -> -regions.path(u.regionCode()).size())).toList();
        return own.stream().filter(u -> u.role() == Role.ENTERPRISE).findFirst()
                .or(() -> own.stream().filter(u -> u.role() == Role.LIAISON).findFirst())
                .orElseGet(() -> person(Role.HQ_OFFICER, area, Department.NDRC));
    }

    /** The HQ office where the appeal sits now. */
    private CurrentUser hq(AppealRow a) {
        return person(Role.HQ_OFFICER, a.handlerRegionCode(), Department.NDRC);
    }

    private CurrentUser handler(AppealRow a) {
        return users.departmentUserIds(a.assignedRegionCode(), a.departmentCode()).stream().map(users::principal)
                .flatMap(Optional::stream).findFirst()
                .orElseGet(() -> ActingUser.standIn(Role.DEPT_HANDLER, a.assignedRegionCode(), a.departmentCode()));
    }

    /** The nearest supervision group at or above the appeal's county. */
    private CurrentUser supervisor(AppealRow a) {
        List<Region> path = regions.path(a.regionCode());
        for (int i = path.size() - 1; i >= 0; i--) {
            Optional<CurrentUser> found = users.first(Role.SUPERVISOR, path.get(i).code());
            if (found.isPresent()) {
                return found.get();
            }
        }
        return ActingUser.standIn(Role.SUPERVISOR, a.regionCode(), Department.SUPERVISION.name());
    }

    /** The demo user of a role at a region, or a stand-in where the demo has nobody. */
    private CurrentUser person(Role role, String region, Department department) {
        return users.first(role, region).orElseGet(() -> ActingUser.standIn(role, region, department.name()));
    }

    // ---- the scripts -------------------------------------------------------------------------------------------

    private static Step assign(Department department) {
        return new Step(Kind.ASSIGN, Duration.ofHours(3), department, null, null);
    }

    private static Step accept() {
        return new Step(Kind.ACCEPT, Duration.ofHours(20), null, null, "已签收，正在协调办理");
    }

    private static Step resolve(String result) {
        return new Step(Kind.RESOLVE, Duration.ofDays(3), null, null, result);
    }

    private static Step feedback(Satisfaction satisfaction, String comment) {
        return new Step(Kind.FEEDBACK, Duration.ofDays(1), null, satisfaction, comment);
    }

    private static Step close() {
        return new Step(Kind.CLOSE, Duration.ofDays(1), null, null, "电话核实问题已解决，销号");
    }

    private static Step escalate(String reason) {
        return new Step(Kind.ESCALATE, Duration.ofHours(5), null, null, reason);
    }

    private static Step reject(String reason) {
        return new Step(Kind.REJECT, Duration.ofHours(6), null, null, reason);
    }

    private static Step withdraw(String note) {
        return new Step(Kind.WITHDRAW, Duration.ofDays(1), null, null, note);
    }

    private static Step merge(String clusterTitle) {
        return new Step(Kind.MERGE, Duration.ofHours(4), null, null, clusterTitle);
    }

    private static Script script(String area, int subject, AppealCategory category, String title, String description,
            int daysAgo, Step... steps) {
        return new Script(area, subject, category, Urgency.NORMAL, title, description, daysAgo, List.of(steps));
    }

    private static final String XZ = "410184";
    private static final String KF = "410200";
    private static final String JY = "419001";
    private static final String NY = "411300";
    private static final String XX = "411523";
    private static final String TRUCKERS = "新郑市货车司机核酸检测结果跨市互认问题";

    static final List<Script> SCRIPTS = List.of(
            // 新郑: every state the county HQ, its departments and its supervisors see, and the common issue
            new Script(XZ, 0, AppealCategory.LOGISTICS, Urgency.URGENT, "原料运输车辆在高速收费站被劝返",
                    "我公司从山东采购的聚丙烯原料，运输车辆因司机持外省核酸检测证明在新郑南收费站被劝返，已连续两天无法进厂，"
                            + "原料库存仅够维持三天生产，请协调办理车辆通行手续。", 0, List.of()),
            script(XZ, 1, AppealCategory.ENERGY, "新增生产线急需临时增容用电800千伏安",
                    "为完成防疫物资订单新上两条生产线，现有变压器容量不足，申请临时增容800千伏安并尽快安排接电。", 0,
                    assign(Department.POWER)),
            script(XZ, 2, AppealCategory.LABOR, "外省员工返岗受阻，一线缺工约80人",
                    "春节后约80名湖北、安徽籍员工因当地管控未能返岗，订单交付受影响，请求协助对接返岗专车和本地用工。", 0,
                    assign(Department.HRSS), accept()),
            script(XZ, 0, AppealCategory.POLICY, "申请缓缴二季度增值税和企业所得税",
                    "受疫情影响3月至5月营业收入同比下降40%，现金流紧张，申请按政策缓缴二季度增值税和企业所得税。", 5,
                    assign(Department.TAX), accept(),
                    resolve("已为企业办理制造业中小微企业延缓缴纳税费，二季度税款缓缴至年底，共计约126万元。")),
            script(XZ, 1, AppealCategory.FINANCE, "增值税留抵退税办理进度慢",
                    "我公司4月提交增值税留抵退税申请，至今未到账，企业急需资金采购原材料，请协调加快审核。", 14,
                    assign(Department.TAX), accept(), resolve("已完成审核，留抵退税款218万元已退还至企业账户。"),
                    feedback(Satisfaction.SATISFIED, "退税款已到账，感谢税务局"), close()),
            script(XZ, 2, AppealCategory.LABOR, "急需招聘熟练缝纫工50名",
                    "承接的出口服装订单需在6月底前交货，现缺熟练缝纫工约50名，请人社部门帮助组织专场招聘。", 14,
                    assign(Department.HRSS)),
            script(XZ, 3, AppealCategory.LOGISTICS, "跨省运输车辆通行证互认问题",
                    "我公司冷链运输车辆持河南省重点物资运输车辆通行证进入湖北、安徽时不被认可，需在省界排队检测，请协调通行证跨省互认。",
                    0, escalate("涉及跨市通行政策，需郑州市指挥部协调"), escalate("涉及省际通行证互认，需省指挥部协调")),
            script(XZ, 4, AppealCategory.LOGISTICS, "货车司机持48小时核酸证明进入郑州市区被拦",
                    "配送司机持48小时内核酸阴性证明进入郑州市区仍被要求现场检测并等待结果，每车次延误4小时以上。", 0,
                    merge(TRUCKERS)),
            script(XZ, 5, AppealCategory.LOGISTICS, "物流车辆返程须隔离，司机不愿接单",
                    "司机从郑州市区送货返回新郑后被要求居家隔离三天，目前多数司机不愿接单，成品无法按时发出。", 0,
                    merge(TRUCKERS)),
            script(XZ, 6, AppealCategory.LOGISTICS, "成品运输车辆在高速口排队等候检测超过6小时",
                    "本地检测结果在外市不被认可，运输车辆在郑州各高速口需重新采样，排队等候超过6小时，鲜品损耗严重。", 0,
                    merge(TRUCKERS)),
            // 济源: what a city-level HQ sees, and an appeal escalated straight to the province
            script(JY, 0, AppealCategory.RAW_MATERIALS, "进口铅精矿通关延误，原料库存告急",
                    "我公司进口铅精矿在天津港因疫情防控查验延误，原料库存仅够维持10天，请协调海关和港口加快通关放行。", 0),
            script(JY, 1, AppealCategory.ENERGY, "天然气保供量不足，申请增加合同气量",
                    "上游供气企业压减合同气量30%，窑炉无法满负荷运行，请协调增加天然气保供量。", 0,
                    escalate("需省发展改革委协调上游气源，超出本级协调范围")),
            script(JY, 2, AppealCategory.ENERGY, "厂区双回路供电改造接入审批",
                    "为保障连续生产，厂区拟实施双回路供电改造，申请供电公司加快接入方案审批。", 2,
                    assign(Department.POWER), accept()),
            script(JY, 0, AppealCategory.FINANCE, "出口退税到账慢，资金周转困难",
                    "一季度出口退税约300万元尚未到账，企业资金周转困难，请协调加快出口退税审核办理。", 6,
                    assign(Department.TAX), accept(), resolve("已开通出口退税绿色通道，退税款312万元已于3个工作日内到账。"),
                    feedback(Satisfaction.BASICALLY_SATISFIED, "退税已到账，希望以后办理更快一些")),
            script(JY, 1, AppealCategory.LAND, "要求全额减免土地出让金",
                    "受疫情影响项目投资放缓，要求全额减免新购工业用地的土地出让金。", 3,
                    reject("土地出让金全额减免没有政策依据，已告知企业可按规定申请分期缴纳")),
            script(JY, 2, AppealCategory.LABOR, "申领失业保险稳岗返还",
                    "我公司2021年未裁员，符合稳岗返还条件，但网上申领一直未通过审核，请协助办理。", 21,
                    assign(Department.HRSS), accept(), resolve("已核实参保信息并补录，稳岗返还资金8.6万元已拨付。"),
                    feedback(Satisfaction.SATISFIED, "资金已到账"), close()),
            // 新县: a county HQ, a reopened appeal and a withdrawn one
            script(XX, 0, AppealCategory.MARKET, "茶叶受疫情影响滞销，请求对接线上销售渠道",
                    "今年春茶受疫情影响线下销售渠道受阻，库存积压约20吨，请求帮助对接电商平台和消费帮扶渠道。", 0),
            script(XX, 1, AppealCategory.POLICY, "小规模纳税人增值税减免政策适用咨询",
                    "我店为小规模纳税人，想了解4月1日起增值税免征政策的适用范围和申报方式。", 1,
                    assign(Department.TAX)),
            script(XX, 2, AppealCategory.ENERGY, "山区厂区电压不稳，设备频繁停机",
                    "厂区位于山区线路末端，近一个月电压波动频繁，自动化设备多次停机，请供电公司排查改造线路。", 6,
                    assign(Department.POWER), accept(), resolve("已更换配电变压器并调整线路分接头，电压恢复正常。")),
            script(XX, 0, AppealCategory.LABOR, "返乡务工人员技能培训补贴未到位",
                    "我公司3月组织返乡务工人员岗前技能培训120人次，培训补贴申请已提交两个月仍未拨付。", 5,
                    assign(Department.HRSS), accept(), resolve("已完成补贴审核，资金将于近期拨付。"),
                    feedback(Satisfaction.UNSATISFIED, "补贴至今仍未到账")),
            script(XX, 1, AppealCategory.LOGISTICS, "冷链运输车辆进入信阳市区受限",
                    "我公司冷链配送车辆进入信阳市区需办理临时通行证，办理周期长，影响生鲜配送。", 2,
                    withdraw("已办理重点物资运输车辆通行证，问题已解决")),
            script(XX, 2, AppealCategory.EPIDEMIC, "闭环生产所需抗原检测试剂短缺",
                    "实行闭环生产后每日需对全部员工进行抗原检测，抗原试剂采购困难，库存仅够三天使用。", 14,
                    assign(Department.HEALTH), accept(), resolve("已协调县疾控中心调拨抗原试剂2000人份，并推荐两家供货企业。"),
                    feedback(Satisfaction.SATISFIED, "试剂已到位"), close()),
            // 开封: counties triage, the city HQ takes what they escalate and assigns its own departments
            script(KF, 0, AppealCategory.RAW_MATERIALS, "纸箱包装供应商停产，包材断供",
                    "为我公司供货的纸箱包装厂因疫情停产，包材库存仅够一周使用，请帮助对接其他包装材料供应商。", 0),
            script(KF, 1, AppealCategory.LOGISTICS, "开封至郑州货运班线停运，成品无法发出",
                    "开封至郑州的零担货运班线停运，我公司成品无法发往郑州分拨中心，请协调恢复班线或开通保供通道。", 0,
                    escalate("涉及跨市货运班线，需省指挥部协调交通运输部门")),
            script(KF, 2, AppealCategory.ENERGY, "工业园区变电站扩容",
                    "园区新入驻企业用电负荷增加，现有变电站容量不足，请协调加快变电站扩容工程。", 1,
                    assign(Department.POWER)),
            script(KF, 0, AppealCategory.LABOR, "用工缺口大，申请组织专场招聘会",
                    "二季度订单增加，一线普工缺口约150人，请人社部门组织线上线下专场招聘。", 2,
                    escalate("用工缺口较大，需市人社局统筹组织"), assign(Department.HRSS), accept()),
            script(KF, 1, AppealCategory.FINANCE, "申请房产税、城镇土地使用税困难减免",
                    "受疫情影响酒店入住率不足三成，申请减免2022年房产税和城镇土地使用税。", 21,
                    assign(Department.TAX), accept(), resolve("已按困难减免政策为企业减免房产税和城镇土地使用税共计18.3万元。"),
                    feedback(Satisfaction.SATISFIED, "减免已办理"), close()),
            // 南阳: the same pattern with a confirmed appeal waiting for closure
            script(NY, 0, AppealCategory.FINANCE, "流动资金贷款到期，申请续贷支持",
                    "企业一笔500万元流动资金贷款6月到期，受疫情影响回款困难，请协调银行办理无还本续贷。", 0),
            script(NY, 1, AppealCategory.RAW_MATERIALS, "中药材原料收购运输受阻",
                    "我公司在西峡、内乡收购的中药材因沿途检测点多，运输时间成倍增加，部分原料霉变，请协调开通运输绿色通道。", 0,
                    escalate("涉及多个县区检测点，需市指挥部统一协调")),
            script(NY, 2, AppealCategory.POLICY, "申请增值税留抵退税",
                    "我公司符合制造业增量留抵退税条件，申请尽快办理留抵退税。", 6,
                    escalate("退税额度较大，需市税务局审核"), assign(Department.TAX), accept(),
                    resolve("已受理并完成审核，留抵退税款465万元已退库。")),
            script(NY, 0, AppealCategory.LABOR, "新招员工社保参保登记",
                    "新招员工60人需集中办理社保参保登记，线上系统批量办理出错，请协助。", 7,
                    assign(Department.HRSS), accept(), resolve("已安排专人上门集中办理，60人参保登记全部完成。"),
                    feedback(Satisfaction.SATISFIED, "问题已解决")),
            script(NY, 1, AppealCategory.ENERGY, "执行阶段性降低用电成本政策咨询",
                    "我公司想了解阶段性降低工商业用电成本政策的适用条件和执行时间。", 21,
                    assign(Department.POWER), accept(), resolve("已向企业解读政策，自5月起电费按优惠标准结算。"),
                    feedback(Satisfaction.SATISFIED, "解答清楚"), close()));
}
