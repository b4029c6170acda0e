package org.sibao.production.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.sibao.identity.ActingUser;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.SqlFilter;
import org.sibao.identity.UserDirectory;
import org.sibao.platform.SibaoProperties;
import org.sibao.region.Region;
import org.sibao.tasking.IsoWeek;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: the weekly production reports of the current week and the two before it for the ACTIVE subjects
 * of the demo areas, filed through {@link ProductionService} as each subject's own enterprise user (a stand-in
 * enterprise user where the demo has none). Deterministic (subjects by name, figures from their position):
 * every seventh subject misses the current week and every fifth the week before, and the first subject of 开封 falls
 * by 35 % in the current week, with a problem line filed as an appeal. Skipped when any report exists. Runs after
 * the appeal demo data (40).
 */
@Component
@Order(50)
class ProductionDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProductionDemoData.class);
    private static final List<String> AREAS = List.of("410184", "410200", "419001", "411300", "411523");
    private static final int WEEKS = 3;

    private final SibaoProperties properties;
    private final ProductionService service;
    private final ProductionRepository repository;
    private final UserDirectory users;
    private final TransactionTemplate tx;

    ProductionDemoData(SibaoProperties properties, ProductionService service, ProductionRepository repository,
            UserDirectory users, TransactionTemplate tx) {
        this.properties = properties;
        this.service = service;
        this.repository = repository;
        this.users = users;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoData() || repository.anyReport()) {
            return;
        }
        long started = System.nanoTime();
        IsoWeek latest = service.currentWeek();
        int[] filed = {0};
        tx.executeWithoutResult(s -> {
            for (String area : AREAS) {
                List<ProductionRepository.Listed> subjects = repository.activeSubjects(
                        new SqlFilter("s.region_code LIKE ?", List.of(Region.prefixOf(area) + "%")), 50);
                for (int i = 0; i < subjects.size(); i++) {
                    filed[0] += seed(area, i, subjects.get(i), latest);
                }
            }
        });
        log.info("Demo production reports: {} filed in {} ms", filed[0], (System.nanoTime() - started) / 1_000_000);
    }

    private int seed(String area, int i, ProductionRepository.Listed subject, IsoWeek latest) {
        CurrentUser filer = users.enterpriseUserIds(subject.enterpriseId()).stream().map(users::principal)
                .flatMap(java.util.Optional::stream).findFirst()
                .orElseGet(() -> ActingUser.standInEnterprise(subject.enterpriseId(), subject.regionCode()));
        boolean dropper = "410200".equals(area) && i == 0;
        BigDecimal base = BigDecimal.valueOf(120 + (i * 37L + area.hashCode() % 97 + 97) % 900);
        int n = 0;
        for (int back = WEEKS - 1; back >= 0; back--) {
            if ((back == 0 && i % 7 == 3) || (back == 1 && i % 5 == 4)) {
                continue;
            }
            IsoWeek week = latest;
            for (int k = 0; k < back; k++) {
                week = week.previous();
            }
            double factor = dropper && back == 0 ? 0.65 : 1 + ((i + back) % 5 - 2) / 50.0;
            BigDecimal output = base.multiply(BigDecimal.valueOf(factor)).setScale(2, RoundingMode.HALF_UP);
            List<ProductionInputs.Problem> problems = dropper && back == 0
                    ? List.of(new ProductionInputs.Problem("主要原材料供应商所在地实行封控，原料库存仅够3天", true,
                            "RAW_MATERIALS"))
                    : List.of();
            ProductionInputs in = new ProductionInputs(week.toString(), output,
                    BigDecimal.valueOf(dropper && back == 0 ? 52 : 70 + (i * 7 + back * 3) % 26),
                    40 + (i * 13) % 300, output.multiply(BigDecimal.valueOf(3)), dropper && back == 0 ? 3 : 10 + i % 20,
                    dropper && back == 0 ? "REDUCED" : "NORMAL", problems);
            ActingUser.call(filer, () -> service.submit(subject.enterpriseId(), in));
            n++;
        }
        return n;
    }
}
