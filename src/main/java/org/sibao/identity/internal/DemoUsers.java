package org.sibao.identity.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sibao.identity.EnterpriseDirectory;
import org.sibao.identity.Role;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Ids;
import org.sibao.platform.SibaoProperties;
import org.sibao.region.Department;
import org.sibao.region.Region;
import org.sibao.region.Sector;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: {@code admin} / {@code Admin@2022}, and for each seed region (the province, 新郑, 开封, 济源,
 * 南阳, 新县) one user per role, all with the password {@code Demo@2022}. Runs after the subject demo data
 * (order 20) so that enterprise users and liaisons can be bound to real subjects. Listed in README.md.
 */
@Component
@Order(20)
class DemoUsers implements ApplicationRunner {

    static final String ADMIN_PASSWORD = "Admin@2022";
    static final String DEMO_PASSWORD = "Demo@2022";

    /** Region code and the short alias used in demo usernames. */
    record SeedRegion(String code, String alias, String name) {
    }

    static final List<SeedRegion> REGIONS = List.of(
            new SeedRegion("410000", "hn", "河南省"),
            new SeedRegion("410100", "zz", "郑州市"),   // 新郑's city: the second review level, escalation up from 新郑
            new SeedRegion("410184", "xz", "新郑市"),
            new SeedRegion("410200", "kf", "开封市"),
            new SeedRegion("419001", "jy", "济源示范区"),
            new SeedRegion("411300", "ny", "南阳市"),
            new SeedRegion("411523", "xx", "新县"));

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final SibaoProperties properties;
    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final EnterpriseDirectory enterprises;
    private final BusinessClock clock;
    private final TransactionTemplate tx;

    DemoUsers(SibaoProperties properties, UserRepository users, PasswordEncoder encoder,
            EnterpriseDirectory enterprises, BusinessClock clock, TransactionTemplate tx) {
        this.properties = properties;
        this.users = users;
        this.encoder = encoder;
        this.enterprises = enterprises;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoData() || users.usernameExists("admin")) {
            return;
        }
        tx.executeWithoutResult(s -> seed());
        log.info("Demo users created (admin / {} and one user per role in each seed region)", "******");
    }

    private void seed() {
        // One hash per password: BCrypt is deliberately slow, and demo users share their password anyway.
        String demoHash = encoder.encode(DEMO_PASSWORD);
        insert("admin", encoder.encode(ADMIN_PASSWORD), "平台管理员", Role.ADMIN, "410000", null, null, null);
        insert("integration", demoHash, "省平台对接账号", Role.INTEGRATION, "410000", null, null, null);
        for (SeedRegion r : REGIONS) {
            String a = r.alias();
            insert("admin_" + a, demoHash, r.name() + "平台管理员", Role.ADMIN, r.code(), null, null, null);
            insert("hq_" + a, demoHash, r.name() + "指挥部办公室", Role.HQ_OFFICER, r.code(), null, Department.NDRC.name(), null);
            for (Sector s : Sector.values()) {
                insert("sector_" + s.name().toLowerCase() + "_" + a, demoHash, r.name() + sectorOffice(s),
                        Role.SECTOR_OFFICER, r.code(), s, s.department().name(), null);
            }
            insert("dept_tax_" + a, demoHash, r.name() + "税务局", Role.DEPT_HANDLER, r.code(), null, Department.TAX.name(), null);
            insert("dept_hrss_" + a, demoHash, r.name() + "人社局", Role.DEPT_HANDLER, r.code(), null, Department.HRSS.name(), null);
            insert("dept_power_" + a, demoHash, r.name() + "供电公司", Role.DEPT_HANDLER, r.code(), null, Department.POWER.name(), null);
            insert("epi_" + a, demoHash, r.name() + "防疫保障组", Role.EPIDEMIC_OFFICER, r.code(), null, Department.HEALTH.name(), null);
            insert("sup_" + a, demoHash, r.name() + "督办督查组", Role.SUPERVISOR, r.code(), null, Department.SUPERVISION.name(), null);
            List<String> sample = enterprises.sampleUnder(Region.prefixOf(r.code()), 4);
            String liaisonId = insert("liaison_" + a, demoHash, r.name() + "包保干部", Role.LIAISON, r.code(), null, null, null);
            for (String enterpriseId : sample.subList(0, Math.min(3, sample.size()))) {
                users.assign(liaisonId, enterpriseId, clock.nowOffset());
            }
            if (!sample.isEmpty()) {
                String ent = sample.get(0);
                insert("ent_" + a, demoHash, r.name() + "企业用户", Role.ENTERPRISE,
                        enterprises.regionOf(ent).orElse(r.code()), null, null, ent);
            }
        }
    }

    private static String sectorOffice(Sector s) {
        return switch (s) {
            case INDUSTRY -> "工信局";
            case COMMERCE -> "商务局";
            case TRANSPORT -> "交通运输局";
            case CULTURE_TOURISM -> "文广旅局";
            case KEY_PROJECT -> "重点项目办";
        };
    }

    private String insert(String username, String hash, String displayName, Role role, String region, Sector sector,
            String department, String enterpriseId) {
        String id = Ids.newId();
        users.insert(new UserRow(id, username, hash, displayName, role, region, sector, department, enterpriseId, true,
                0, null, clock.nowOffset()));
        return id;
    }
}
