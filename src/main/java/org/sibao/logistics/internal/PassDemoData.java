package org.sibao.logistics.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.sibao.region.Region;
import org.sibao.region.Sector;
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
 * Demo mode only: 13 vehicle passes (通行证) over the demo areas (新郑, 开封, 济源, 南阳, 新县) for the areas' carriers
 * (TRANSPORT subjects, in USCC order) serving the areas' ACTIVE whitelist subjects, filed through
 * {@link PassService} as the carrier's own enterprise user (a stand-in where the demo has none) and decided by the
 * area's TRANSPORT sector officer: pending, approved with their signed codes (a new-energy van and a new-energy
 * truck among them), rejected, revoked, and one expired. Drivers have valid GB 11643 ID numbers of the carrier's
 * county and valid mobile numbers. Times are relative to the business clock: a pass's validity starts
 * {@code daysAgo} days back, its request a day before that, its decision on that day; the expired one's validity
 * ends at seeding. Deterministic (fixed scripts, fixed random seed) and idempotent (skipped when any pass exists).
 * Runs after the pairings and the production reports (50).
 */
@Component
@Order(55)
class PassDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PassDemoData.class);
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "孙", "马", "朱", "郭"};
    private static final String[] GIVEN = {"建国", "国强", "志刚", "海军", "红军", "保平", "卫东", "永生", "长春", "新民", "铁柱",
        "振华", "宏伟", "俊峰"};

    enum Step { PENDING, APPROVE, REJECT, REVOKE, EXPIRE }

    /**
     * One pass: demo area, the area's n-th carrier and n-th ACTIVE subject it serves, plate, drivers, route, how
     * many days ago its validity began, and where it ends.
     */
    record Script(String area, int carrier, int served, String plate, int drivers, String origin, String destination,
            int daysAgo, Step step, String reason) {
    }

    static final List<Script> SCRIPTS = List.of(
            new Script("410184", 0, 0, "豫A3K852", 2, "新郑市龙湖镇", "郑州航空港经济综合实验区", 6, Step.APPROVE, null),
            new Script("410184", 0, 1, "豫AD35781", 1, "新郑市薛店镇", "郑州市中牟县", 2, Step.APPROVE, null),
            new Script("410184", 1, 2, "豫A7M206", 2, "新郑市新村镇", "许昌市长葛市", 0, Step.PENDING, null),
            new Script("410200", 0, 0, "豫B5L390", 2, "开封市祥符区", "郑州市经开区国际物流园", 9, Step.APPROVE, null),
            new Script("410200", 0, 1, "豫B21867", 1, "开封市龙亭区", "商丘市睢阳区", 15, Step.REVOKE,
                    "车辆已转为他用，承运企业申请注销通行证"),
            new Script("410200", 1, 2, "豫B6P731", 2, "开封市尉氏县", "周口市川汇区", 0, Step.PENDING, null),
            new Script("419001", 0, 0, "豫U02468D", 2, "济源市虎岭产业集聚区", "焦作市解放区", 4, Step.APPROVE, null),
            new Script("419001", 0, 1, "豫U3N519", 1, "济源市玉泉街道", "洛阳市孟津区", 31, Step.EXPIRE, null),
            new Script("411300", 0, 0, "豫R8C275", 2, "南阳市宛城区", "襄阳市樊城区", 5, Step.APPROVE, null),
            new Script("411300", 1, 1, "豫R39152", 1, "南阳市卧龙区", "平顶山市新华区", 0, Step.PENDING, null),
            new Script("411300", 1, 2, "豫R6H804", 2, "南阳市镇平县", "驻马店市驿城区", 1, Step.REJECT,
                    "驾驶员核酸检测证明已过期，请补充48小时内核酸阴性证明后重新申请"),
            new Script("411523", 0, 0, "豫S2F667", 2, "新县工业园区", "信阳市浉河区", 3, Step.APPROVE, null),
            new Script("411523", 0, 1, "豫S71935", 1, "新县新集镇", "武汉市黄陂区", 0, Step.PENDING, null));

    private final SibaoProperties properties;
    private final PassService service;
    private final Subjects subjects;
    private final EnterpriseDirectory enterprises;
    private final UserDirectory users;
    private final BusinessClock clock;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    PassDemoData(SibaoProperties properties, PassService service, Subjects subjects, EnterpriseDirectory enterprises,
            UserDirectory users, BusinessClock clock, JdbcClient jdbc, TransactionTemplate tx) {
        this.properties = properties;
        this.service = service;
        this.subjects = subjects;
        this.enterprises = enterprises;
        this.users = users;
        this.clock = clock;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoData() || jdbc.sql("SELECT COUNT(*) FROM vehicle_pass").query(Long.class).single() > 0) {
            return;
        }
        long started = System.nanoTime();
        Map<String, List<SubjectFacts>> carriers = new HashMap<>();
        Map<String, List<SubjectFacts>> served = new HashMap<>();
        for (String area : SCRIPTS.stream().map(Script::area).distinct().toList()) {
            String prefix = Region.prefixOf(area);
            Set<String> active = Set.copyOf(subjects.idsUnder(prefix, WhitelistStatus.ACTIVE));
            List<SubjectFacts> c = new ArrayList<>();
            List<SubjectFacts> s = new ArrayList<>();
            for (String id : enterprises.sampleUnder(prefix, 1000)) {
                Optional<SubjectFacts> ref = subjects.find(id, DataScope.system());
                ref.filter(r -> r.sector() == Sector.TRANSPORT).ifPresent(c::add);
                ref.filter(r -> active.contains(r.id()) && r.sector() != Sector.TRANSPORT).ifPresent(s::add);
            }
            carriers.put(area, c);
            served.put(area, s);
        }
        int[] made = {0};
        tx.executeWithoutResult(status -> {
            Random random = new Random(2022);
            for (Script script : SCRIPTS) {
                List<SubjectFacts> c = carriers.get(script.area());
                List<SubjectFacts> s = served.get(script.area());
                if (c.isEmpty() || s.isEmpty()) {
                    continue;
                }
                play(script, c.get(script.carrier() % c.size()), s.get(script.served() % s.size()), random);
                made[0]++;
            }
        });
        log.info("Demo passes: {} filed and decided in {} ms", made[0], (System.nanoTime() - started) / 1_000_000);
    }

    private void play(Script script, SubjectFacts carrier, SubjectFacts served, Random random) {
        LocalDate today = clock.today();
        LocalDate from = today.minusDays(script.daysAgo());
        String to = script.step() == Step.EXPIRE
                ? clock.nowOffset().plusSeconds(2).toString()
                : from.plusDays(30).toString();
        List<PassService.DriverRequest> drivers = new ArrayList<>();
        for (int i = 0; i < script.drivers(); i++) {
            drivers.add(driver(random, carrier.regionCode()));
        }
        PassService.PassRequest in = new PassService.PassRequest(carrier.id(), script.plate(), drivers,
                script.origin(), script.destination(), from.toString(), to, List.of(served.id()));
        VehiclePass p = ActingUser.call(filer(carrier), () -> service.file(in));
        CurrentUser officer = officer(script.area());
        ActingUser.run(officer, () -> {
            switch (script.step()) {
                case APPROVE, EXPIRE -> service.approve(p.id(), new PassService.Decision(null, "材料齐全，同意办理"));
                case REJECT -> service.reject(p.id(), new PassService.Decision(script.reason(), null));
                case REVOKE -> {
                    service.approve(p.id(), new PassService.Decision(null, "材料齐全，同意办理"));
                    service.revoke(p.id(), new PassService.Decision(script.reason(), null));
                }
                default -> { }
            }
        });
        backdate(p.id(), script);
    }

    /** The request a day before the validity starts (an hour ago for a pending one), the decision that day. */
    private void backdate(String id, Script script) {
        OffsetDateTime now = clock.nowOffset().truncatedTo(ChronoUnit.SECONDS);
        Duration decided = Duration.ofDays(script.daysAgo()).minusHours(2);
        if (decided.isNegative()) {
            decided = Duration.ZERO;
        }
        OffsetDateTime requested = script.step() == Step.PENDING ? now.minusHours(1)
                : now.minus(decided).minusHours(20);
        jdbc.sql("UPDATE vehicle_pass SET requested_at = ? WHERE id = ?").params(requested, id).update();
        jdbc.sql("UPDATE vehicle_pass SET decided_at = ? WHERE id = ? AND decided_at IS NOT NULL")
                .params(now.minus(decided), id).update();
        jdbc.sql("UPDATE vehicle_pass SET revoked_at = ? WHERE id = ? AND revoked_at IS NOT NULL")
                .params(now.minusDays(3), id).update();
    }

    /** The carrier's own enterprise user, or a stand-in enterprise user of the carrier. */
    private CurrentUser filer(SubjectFacts carrier) {
        return users.enterpriseUserIds(carrier.id()).stream().map(users::principal).flatMap(Optional::stream)
                .filter(u -> u.role() == Role.ENTERPRISE).findFirst()
                .orElseGet(() -> ActingUser.standInEnterprise(carrier.id(), carrier.regionCode()));
    }

    /** The area's TRANSPORT sector officer (交通运输局), or a stand-in. */
    private CurrentUser officer(String area) {
        return users.userIds(Role.SECTOR_OFFICER, area, Sector.TRANSPORT).stream().map(users::principal)
                .flatMap(Optional::stream).findFirst()
                .orElseGet(() -> new CurrentUser("demo-seed", "demo-seed", "演示数据", Role.SECTOR_OFFICER, area,
                        Sector.TRANSPORT, Sector.TRANSPORT.department().name(), null));
    }

    /** A driver born 1968–1995 in the carrier's county, with a valid ID number and mobile number. */
    private static PassService.DriverRequest driver(Random random, String county) {
        LocalDate birth = LocalDate.of(1968, 1, 1).plusDays(random.nextInt(28 * 365));
        String first17 = String.format("%s%04d%02d%02d%03d", county, birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), random.nextInt(1000));
        String phone = "1" + "35789".charAt(random.nextInt(5)) + String.format("%09d", random.nextInt(1_000_000_000));
        return new PassService.DriverRequest(SURNAMES[random.nextInt(SURNAMES.length)]
                + GIVEN[random.nextInt(GIVEN.length)], first17 + IdNumbers.checkCharacter(first17), phone);
    }
}
