package org.sibao.epidemic.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.sibao.identity.ActingUser;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.DataScope;
import org.sibao.identity.EnterpriseDirectory;
import org.sibao.identity.Role;
import org.sibao.identity.UserDirectory;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.SibaoProperties;
import org.sibao.platform.personal.IdNumbers;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: small rosters (5–20 employees, valid GB 11643 ID numbers born 1988–2003 in the subject's county,
 * valid mobile numbers, fixed, mobile and city-supply posts) for three subjects of each demo area (新郑, 开封, 济源,
 * 南阳, 新县): the first in USCC order, which the area's enterprise user and liaison serve, and the first two
 * ACTIVE whitelist subjects, which the sentinel sweep watches. Test results as a lab sends them and three days of
 * health reports follow, and one sweep runs at the end, so the alert board opens with something to show: a
 * positive antigen result, a report listing a fever, a subject without reports and mobile posts past their 24 h.
 *
 * <p>The first ACTIVE subject of 新县 (the last area) has two arrivals: one from a high-risk area registered for
 * today, in centralised isolation (red: no entry for 7 days, the subject's risk HIGH), and a visitor from a low-risk
 * area who arrived two days ago unregistered, back-filled since, whose 24-hour landing test is missing (the sweep's
 * TEST_OVERDUE for the arrival).
 *
 * <p>All through the services: the area's epidemic officer posts rosters and reports, the province's integration
 * account the results; a stand-in acts where the demo has no such user. Times are relative to the business clock
 * at seeding. Deterministic (fixed seed, subjects in USCC order) and idempotent (skipped when any employee is on a
 * roster). Runs after the appeal demo data (40).
 */
@Component
@Order(45)
class EpidemicDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EpidemicDemoData.class);

    static final List<String> AREAS = List.of("410184", "410200", "419001", "411300", "411523");
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱",
        "胡", "郭", "何", "高", "林", "罗"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
        "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "志强", "晓燕", "海峰", "文博", "雨萱", "子轩"};
    private static final String[] FIXED_UNITS = {"一车间甲班", "一车间乙班", "二车间", "包装班组", "质检班组", "仓库"};
    private static final String[] MOBILE_UNITS = {"物流配送组", "销售部", "采购部"};
    private static final String[] SUPPLY_UNITS = {"保供配送组", "水电保障班"};

    /** A subject to roster, and the part it plays on the alert board (NONE: all well). */
    enum Part { NONE, POSITIVE, SYMPTOM, NO_REPORTS, OVERDUE }

    record Target(String subjectId, String regionCode, boolean active, Part part) {
    }

    private final SibaoProperties properties;
    private final JdbcClient jdbc;
    private final RosterService rosters;
    private final TestResultService results;
    private final HealthReportService reports;
    private final SentinelSweep sweep;
    private final Subjects subjects;
    private final EnterpriseDirectory enterprises;
    private final UserDirectory users;
    private final BusinessClock clock;
    private final TransactionTemplate tx;
    private final AlertObservation observation;
    private final ArrivalService arrivals;

    EpidemicDemoData(SibaoProperties properties, JdbcClient jdbc, RosterService rosters, TestResultService results,
            HealthReportService reports, SentinelSweep sweep, Subjects subjects, EnterpriseDirectory enterprises,
            UserDirectory users, BusinessClock clock, TransactionTemplate tx, AlertObservation observation,
            ArrivalService arrivals) {
        this.arrivals = arrivals;
        this.properties = properties;
        this.jdbc = jdbc;
        this.rosters = rosters;
        this.results = results;
        this.reports = reports;
        this.sweep = sweep;
        this.subjects = subjects;
        this.enterprises = enterprises;
        this.users = users;
        this.clock = clock;
        this.tx = tx;
        this.observation = observation;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoData() || jdbc.sql("SELECT COUNT(*) FROM epi_employee").query(Long.class).single() > 0) {
            return;
        }
        long started = System.nanoTime();
        List<Target> targets = targets();
        CurrentUser lab = users.first(Role.INTEGRATION, "410000")
                .orElseGet(() -> ActingUser.standIn(Role.INTEGRATION, "410000", null));
        int[] employees = {0};
        tx.executeWithoutResult(s -> {
            Random random = new Random(2022);
            int seq = 0;
            OffsetDateTime now = clock.nowOffset().truncatedTo(ChronoUnit.MINUTES);
            List<TestResultService.ResultInput> lines = new ArrayList<>();
            for (Target t : targets) {
                List<RosterService.EmployeeInput> staff = staff(random, t.regionCode(), seq, 5 + random.nextInt(16));
                seq += staff.size();
                employees[0] += staff.size();
                CurrentUser officer = officer(t.regionCode());
                ActingUser.run(officer, () -> rosters.upsert(t.subjectId(), staff));
                lines.addAll(results(random, t, staff, now));
                ActingUser.run(officer, () -> report(random, t, staff, now.toLocalDate()));
            }
            ActingUser.run(lab, () -> results.ingestJson(lines));
            String lastArea = Region.prefixOf(AREAS.get(AREAS.size() - 1));
            targets.stream().filter(t -> t.active() && t.regionCode().startsWith(lastArea)).findFirst()
                    .ifPresent(t -> ActingUser.run(officer(t.regionCode()), () -> arrivals(t, clock.today())));
        });
        SentinelSweep.SweepResult swept = sweep.sweep();
        // the sentinel's positive result has gone to temporary observation from its alert (转临时留观): the alert
        // acknowledged and linked, the re-test due within 6 hours
        targets.stream().filter(t -> t.part() == Part.POSITIVE).findFirst().ifPresent(t -> jdbc.sql("""
                SELECT a.id FROM epi_alert a JOIN epi_employee e ON e.id = a.employee_id
                WHERE a.subject_id = ? AND a.type = 'POSITIVE_RESULT' AND a.status = 'OPEN' AND a.arrival_id IS NULL
                ORDER BY e.id""").param(t.subjectId())
                .query(String.class).list().stream().findFirst()
                .ifPresent(alert -> ActingUser.run(officer(t.regionCode()), () -> observation.observe(alert,
                        new AlertObservation.ObserveInput("抗原自测阳性，已单独隔离，等待核酸复检", null)))));
        log.info("Demo rosters: {} employees of {} subjects with results and reports; sweep opened {} alerts, {} ms in all",
                employees[0], targets.size(), swept.opened(), (System.nanoTime() - started) / 1_000_000);
    }

    /** A HIGH-risk arrival in isolation and a LOW-risk visitor without the landing test, at one subject. */
    private void arrivals(Target t, LocalDate today) {
        arrivals.report(t.subjectId(), new ArrivalService.ArrivalInput("顾明远", idNumber("310115", LocalDate.of(1986, 4, 12), 317),
                "上海市浦东新区", "HIGH", today.toString(), null), true);
        ArrivalService.ArrivalView visitor = arrivals.report(t.subjectId(), new ArrivalService.ArrivalInput("孙立新",
                idNumber("410105", LocalDate.of(1979, 9, 3), 52), null, null, today.minusDays(2).toString(), null), false);
        arrivals.backfill(visitor.id(), new ArrivalService.BackfillInput("郑州市金水区", "LOW"));
    }

    private static String idNumber(String county, LocalDate birth, int seq) {
        String first17 = String.format("%s%04d%02d%02d%03d", county, birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), seq);
        return first17 + IdNumbers.checkCharacter(first17);
    }

    /** Per area: the first subject (USCC order) and the first two ACTIVE ones; the first ACTIVE ones take the parts. */
    List<Target> targets() {
        List<Target> out = new ArrayList<>();
        Part[] parts = {Part.POSITIVE, Part.OVERDUE, Part.SYMPTOM, Part.NONE, Part.NO_REPORTS, Part.OVERDUE};
        int active = 0;
        for (String area : AREAS) {
            List<String> sample = enterprises.sampleUnder(Region.prefixOf(area), 40);
            Set<String> chosen = new LinkedHashSet<>();
            if (!sample.isEmpty()) {
                chosen.add(sample.get(0));
            }
            sample.stream().filter(id -> isActive(id)).limit(2).forEach(chosen::add);
            for (String id : chosen) {
                SubjectFacts s = subjects.find(id, DataScope.system()).orElseThrow();
                boolean on = s.whitelistStatus() == WhitelistStatus.ACTIVE;
                out.add(new Target(id, s.regionCode(), on, on && active < parts.length ? parts[active] : Part.NONE));
                active += on ? 1 : 0;
            }
        }
        return out;
    }

    private boolean isActive(String id) {
        return subjects.find(id, DataScope.system()).map(s -> s.whitelistStatus() == WhitelistStatus.ACTIVE).orElse(false);
    }

    private CurrentUser officer(String county) {
        String area = AREAS.stream().filter(a -> county.startsWith(Region.prefixOf(a))).findFirst().orElse(county);
        return users.first(Role.EPIDEMIC_OFFICER, area)
                .orElseGet(() -> ActingUser.standIn(Role.EPIDEMIC_OFFICER, area, Department.HEALTH.name()));
    }

    /** Employees with ID numbers of the county, born 1988–2003, the sequence code unique across the demo. */
    private static List<RosterService.EmployeeInput> staff(Random random, String county, int seq, int count) {
        List<RosterService.EmployeeInput> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate birth = LocalDate.of(1988, 1, 1).plusDays(random.nextInt(16 * 365));
            String phone = "1" + "35789".charAt(random.nextInt(5)) + String.format("%09d", random.nextInt(1_000_000_000));
            int r = random.nextInt(100);
            PostType post = r < 55 ? PostType.FIXED : r < 85 ? PostType.MOBILE : PostType.CITY_SUPPLY;
            String[] units = post == PostType.FIXED ? FIXED_UNITS : post == PostType.MOBILE ? MOBILE_UNITS : SUPPLY_UNITS;
            out.add(new RosterService.EmployeeInput(SURNAMES[random.nextInt(SURNAMES.length)]
                    + GIVEN[random.nextInt(GIVEN.length)], idNumber(county, birth, (seq + i) % 1000), phone,
                    post.name(), units[random.nextInt(units.length)]));
        }
        return out;
    }

    /**
     * A negative PCR yesterday and one within the last day for most; one in ten not tested yet (newly rostered);
     * mobile posts of an OVERDUE subject last tested 30 h ago; the first employee of the POSITIVE subject positive
     * on an antigen test an hour ago.
     */
    private static List<TestResultService.ResultInput> results(Random random, Target t,
            List<RosterService.EmployeeInput> staff, OffsetDateTime now) {
        List<TestResultService.ResultInput> out = new ArrayList<>();
        for (int i = 0; i < staff.size(); i++) {
            RosterService.EmployeeInput e = staff.get(i);
            if (random.nextInt(10) == 0 && !(t.part() == Part.POSITIVE && i == 0)) {
                continue;
            }
            boolean late = t.part() == Part.OVERDUE && PostType.MOBILE.name().equals(e.postType());
            OffsetDateTime last = late ? now.minusHours(30) : now.minusHours(2 + random.nextInt(18));
            out.add(new TestResultService.ResultInput(e.idNumber(), last.minusHours(24).toString(), "PCR", "NEGATIVE"));
            out.add(new TestResultService.ResultInput(e.idNumber(), last.toString(), "PCR", "NEGATIVE"));
            if (t.part() == Part.POSITIVE && i == 0) {
                out.add(new TestResultService.ResultInput(e.idNumber(), now.minusHours(1).toString(), "ANTIGEN", "POSITIVE"));
            }
        }
        return out;
    }

    /** Reports of the last three days, none for a NO_REPORTS subject; today's of a SYMPTOM subject lists a fever. */
    private void report(Random random, Target t, List<RosterService.EmployeeInput> staff, LocalDate today) {
        if (t.part() == Part.NO_REPORTS) {
            return;
        }
        for (int back = 2; back >= 0; back--) {
            List<HealthReportService.SymptomInput> symptoms = t.part() == Part.SYMPTOM && back == 0
                    ? List.of(new HealthReportService.SymptomInput(staff.get(staff.size() - 1).idNumber(), "发热 37.8℃，已居家观察"))
                    : List.of();
            reports.submit(t.subjectId(), new HealthReportService.ReportInput(today.minusDays(back).toString(),
                    staff.size() - random.nextInt(3), symptoms));
        }
    }
}
