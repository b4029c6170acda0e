package org.sibao.epidemicsupport.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.sibao.identity.ActingUser;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.identity.UserDirectory;
import org.sibao.platform.SibaoProperties;
import org.sibao.region.RegionService;
import org.sibao.region.TaskForce;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: the areas' epidemic officers assign staff and partner institutions through the service, so that
 * the board shows every state — 开封 all its ACTIVE whitelist subjects but two (one without anything, one without an
 * institution), 新郑 half and 济源 half of theirs, 新县 two (the demo enterprise user's among them, so that its home
 * shows them), 南阳 none yet — and experts to 开封's task forces except 督办督查 and to two of 新郑's. Subjects with an
 * enterprise user first, then in region and name order; skipped when any support exists. Runs after the whitelist
 * (25) and the escort data (70), which suspends a subject.
 */
@Component
@Order(75)
class SupportDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SupportDemoData.class);

    /** An area: its region, its phones' prefixes, its hospitals, and which of its subjects stay uncovered. */
    private record Area(String region, String mobile, String landline, List<String> hospitals, int assigned,
            Set<Integer> withoutInstitution, Set<Integer> none) {
    }

    private static final List<Area> AREAS = List.of(
            new Area("410200", "1393782", "0378-2396", List.of("开封市中心医院", "开封市第一人民医院", "开封市人民医院",
                    "开封市第二人民医院", "开封市中医院"),
                    Integer.MAX_VALUE, Set.of(6), Set.of(3)),
            new Area("410184", "1383716", "0371-6269", List.of("新郑市人民医院", "新郑市中医院"),
                    4, Set.of(3), Set.of()),
            new Area("419001", "1593910", "0391-6632", List.of("济源市人民医院", "济源市中医院"), 2, Set.of(), Set.of()),
            new Area("411523", "1393760", "0376-2962", List.of(), 2, Set.of(), Set.of()));

    private static final List<String> EXPERTS = List.of("秦立华", "蒋文涛", "沈美玲", "韦国栋", "吕春红", "丁志远",
            "潘雅琴", "杜明亮", "彭晓燕", "曹永辉");

    private static final List<String> NAMES = List.of("周立新", "韩雪梅", "王建军", "李秀英", "张志刚", "刘春燕", "陈国庆",
            "杨丽娟", "赵明辉", "黄晓东", "孙海燕", "马俊峰", "朱文静", "胡建华", "郭晓丽", "何志强", "高玉兰", "林永强",
            "罗红梅", "郑伟", "宋晓峰", "谢丽萍", "唐建国", "许文博");

    private final SibaoProperties properties;
    private final SupportService service;
    private final SupportRepository repository;
    private final UserDirectory users;
    private final RegionService regions;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    SupportDemoData(SibaoProperties properties, SupportService service, SupportRepository repository,
            UserDirectory users, RegionService regions, JdbcClient jdbc, TransactionTemplate tx) {
        this.properties = properties;
        this.service = service;
        this.repository = repository;
        this.users = users;
        this.regions = regions;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoData() || repository.anySupport()) {
            return;
        }
        long started = System.nanoTime();
        int[] n = {0, 0};
        tx.executeWithoutResult(s -> {
            int person = 0;
            for (Area area : AREAS) {
                CurrentUser officer = users.first(Role.EPIDEMIC_OFFICER, area.region())
                        .orElse(ActingUser.standIn(Role.EPIDEMIC_OFFICER, area.region(), null));
                List<String[]> subjects = jdbc.sql("""
                        SELECT s.id, s.region_code FROM subject s WHERE s.whitelist_status = 'ACTIVE' AND s.region_code LIKE ?
                        ORDER BY CASE WHEN EXISTS (SELECT 1 FROM app_user u WHERE u.enterprise_id = s.id) THEN 0 ELSE 1 END,
                            s.region_code, s.name, s.id""")
                        .param(regions.get(area.region()).prefix() + "%")
                        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
                for (int i = 0; i < subjects.size() && i < area.assigned(); i++) {
                    if (area.none().contains(i)) {
                        continue;
                    }
                    String county = regions.name(subjects.get(i)[1]);
                    List<SupportInputs.Staff> staff = new ArrayList<>();
                    staff.add(new SupportInputs.Staff(null, name(person++), county + "疾病预防控制中心",
                            area.mobile() + four(person)));
                    if (i % 2 == 0) {
                        staff.add(new SupportInputs.Staff(null, name(person++), county + "卫生健康委员会",
                                area.mobile() + four(person)));
                    }
                    SupportInputs.Institution institution = area.withoutInstitution().contains(i) ? null
                            : new SupportInputs.Institution(hospital(area, county, i), name(person++),
                                    area.landline() + four(person));
                    String id = subjects.get(i)[0];
                    ActingUser.call(officer, () -> service.replace(id, new SupportInputs(staff, institution)));
                    n[0]++;
                }
            }
            n[1] += experts("410200", Set.of(TaskForce.SUPERVISION), "开封市疾病预防控制中心", "1393782", 0);
            n[1] += experts("410184", Set.of(TaskForce.COORDINATION, TaskForce.COMMERCE, TaskForce.TRANSPORT,
                    TaskForce.CULTURE_TOURISM, TaskForce.KEY_PROJECT, TaskForce.SUPERVISION), "新郑市疾病预防控制中心",
                    "1383716", 7);
        });
        log.info("Demo epidemic support: {} subjects and {} task force experts assigned in {} ms", n[0], n[1],
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Assigns experts to a region's task forces but the ones left out; returns how many. */
    private int experts(String region, Set<TaskForce> leftOut, String organisation, String mobile, int firstPerson) {
        CurrentUser officer = users.first(Role.EPIDEMIC_OFFICER, region)
                .orElse(ActingUser.standIn(Role.EPIDEMIC_OFFICER, region, null));
        int person = firstPerson;
        int n = 0;
        for (TaskForce tf : TaskForce.values()) {
            if (leftOut.contains(tf)) {
                continue;
            }
            String name = EXPERTS.get(person++ % EXPERTS.size());
            String phone = mobile + four(500 + person);
            ActingUser.call(officer, () -> service.putExpert(region, tf.name(), new ExpertInputs(name, organisation, phone)));
            n++;
        }
        return n;
    }

    /** A county's own hospital; a city district's subjects are paired with the city's hospitals in turn. */
    private static String hospital(Area area, String county, int i) {
        return county.endsWith("县") ? county + "人民医院" : area.hospitals().get(i % area.hospitals().size());
    }

    private static String name(int i) {
        return NAMES.get(i % NAMES.size());
    }

    private static String four(int i) {
        return String.format("%04d", 1000 + i);
    }
}
