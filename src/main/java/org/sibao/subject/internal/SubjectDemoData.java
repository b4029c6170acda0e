package org.sibao.subject.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Ids;
import org.sibao.platform.SibaoProperties;
import org.sibao.platform.Validation;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.sibao.region.Sector;
import org.sibao.subject.OperationMode;
import org.sibao.subject.SizeClass;
import org.sibao.subject.SizeClasses;
import org.sibao.subject.SubjectAttribute;
import org.sibao.subject.Uscc;
import org.sibao.subject.WhitelistStatus;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: about 330 market subjects over the seed regions (新郑, 开封, 济源, 南阳, 新县) and all five sectors,
 * with valid USCCs, a realistic size mix, flags, a few incidents, supply-chain links and extra facts. Deterministic
 * (fixed seed), idempotent (skipped when subjects exist) and inserted in one batch. Runs before the demo users
 * (order 10) so that enterprise users and liaisons can be bound to these subjects. Every subject goes through the
 * same validator as the API, so size classes and flags are derived exactly as for real input.
 */
@Component
@Order(10)
class SubjectDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SubjectDemoData.class);

    /** A seed area: its region (city or county), the place name used in subject names and how many subjects. */
    private record Area(String code, String place, int count) {
    }

    private static final List<Area> AREAS = List.of(new Area("410184", "新郑市", 70), new Area("410200", "开封", 90),
            new Area("419001", "济源", 50), new Area("411300", "南阳", 80), new Area("411523", "新县", 40));

    private static final String[] BRANDS = {"豫丰", "华盛", "中原", "金穗", "鑫源", "恒达", "宏图", "天瑞", "瑞祥", "同力",
        "黄河", "嵩山", "汴梁", "宛都", "伏牛", "润泽", "博远", "众诚", "永安", "盛世", "佳禾", "康宁", "绿源", "明珠", "福瑞",
        "昌盛", "兴业", "东方", "正大", "信合", "宏达", "万顺", "大地", "新元", "卓越", "龙腾", "圣光", "远航", "德润", "汇通"};
    private static final String[][] INDUSTRY = {{"13", "农副产品加工"}, {"14", "食品"}, {"15", "酒业"}, {"17", "纺织"},
        {"18", "服饰"}, {"26", "化工"}, {"27", "制药"}, {"30", "建材"}, {"34", "机械制造"}, {"35", "装备制造"},
        {"36", "汽车零部件"}, {"38", "电气"}, {"39", "电子科技"}, {"44", "热电"}};
    private static final String[][] COMMERCE = {{"51", "商贸"}, {"51", "农产品批发"}, {"52", "超市"}, {"52", "百货"},
        {"62", "餐饮管理"}, {"51", "医药物流"}};
    private static final String[][] TRANSPORT = {{"54", "运输"}, {"54", "客运"}, {"58", "物流"}, {"59", "仓储"},
        {"60", "快递"}};
    private static final String[][] CULTURE = {{"61", "大酒店"}, {"87", "文化传媒"}, {"90", "旅游开发"},
        {"72", "会展服务"}, {"88", "文化艺术"}};
    private static final String[][] PROJECTS = {{"48", "高速公路建设项目"}, {"48", "产业园建设项目"}, {"47", "安置房建设项目"},
        {"48", "水利枢纽工程项目"}, {"48", "物流园区建设项目"}, {"47", "医院迁建项目"}};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡"};
    private static final String[] GIVEN = {"建国", "志强", "秀英", "海涛", "丽娟", "国庆", "红梅", "伟", "磊", "静", "军", "洋", "勇", "艳", "杰"};

    private final SibaoProperties properties;
    private final SubjectRepository repository;
    private final SubjectValidator validator;
    private final RegionService regions;
    private final BusinessClock clock;
    private final TransactionTemplate tx;

    SubjectDemoData(SibaoProperties properties, SubjectRepository repository, SubjectValidator validator,
            RegionService regions, BusinessClock clock, TransactionTemplate tx) {
        this.properties = properties;
        this.repository = repository;
        this.validator = validator;
        this.regions = regions;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoData() || repository.countAll() > 0) {
            return;
        }
        List<SubjectRecord> records = generate();
        tx.executeWithoutResult(s -> repository.insertAll(records));
        log.info("Demo data: {} market subjects created", records.size());
    }

    List<SubjectRecord> generate() {
        Random random = new Random(2022);
        Set<String> usccs = new HashSet<>();
        Set<String> ids = new HashSet<>();
        List<SubjectRecord> out = new ArrayList<>();
        var now = clock.nowOffset();
        for (Area area : AREAS) {
            List<Region> counties = regions.countiesUnder(area.code());
            List<String> industrialIds = new ArrayList<>();
            for (int i = 0; i < area.count(); i++) {
                Region county = counties.get(i % counties.size());
                Sector sector = pickSector(random);
                SubjectInput input = input(random, area, county, sector, usccs, industrialIds);
                Validation v = new Validation();
                SubjectRecord draft = validator.validate(input, v, ids::contains);
                if (v.hasProblems()) {
                    throw new IllegalStateException("demo subject invalid: " + v.problems());
                }
                String id = Ids.newId();
                ids.add(id);
                if (sector == Sector.INDUSTRY) {
                    industrialIds.add(id);
                }
                // Candidates for the demo whitelist meet the 新县 bar: a qualifying flag and a clean record
                // (the whitelist module then takes them through application, review and publication).
                boolean candidate = random.nextInt(100) < 40 && draft.sizeClass() != SizeClass.MICRO
                        && !draft.flags().isEmpty() && draft.incidents().isEmpty();
                WhitelistStatus status = candidate ? WhitelistStatus.ACTIVE : WhitelistStatus.NONE;
                out.add(draft.withIdentity(id, status, status == WhitelistStatus.ACTIVE ? levelOf(area) : null,
                        OperationMode.NORMAL, now, now, 0));
            }
        }
        // 综合保税区 enter the whitelist as one unit (SPEC §3)
        for (String[] park : new String[][] {{"411303", "南阳卧龙综合保税区"}, {"410212", "开封综合保税区"}}) {
            Map<String, Object> attributes = Map.of(SubjectAttribute.FULL_CAPACITY_Q2.key(), true);
            SubjectInput input = new SubjectInput(newUscc(random, "91", park[0], usccs), null, park[1], "PARK", park[0],
                    park[1] + "管理委员会办公楼", "王建国",
                    (park[0].startsWith("4113") ? "0377-" : "0371-") + (60_000_000 + random.nextInt(9_999_999)),
                    Sector.COMMERCE.name(), "72", BigDecimal.valueOf(260), null, BigDecimal.valueOf(350000), null, null, null,
                    List.of("LIVELIHOOD"), List.of(), List.of(), attributes);
            Validation v = new Validation();
            SubjectRecord draft = validator.validate(input, v, ids::contains);
            if (v.hasProblems()) {
                throw new IllegalStateException("demo park invalid: " + v.problems());
            }
            out.add(draft.withIdentity(Ids.newId(), WhitelistStatus.ACTIVE, "CITY", OperationMode.NORMAL, now, now, 0));
        }
        return out;
    }

    private static String levelOf(Area area) {
        return area.code().endsWith("00") ? "CITY" : "COUNTY";
    }

    private static Sector pickSector(Random random) {
        int r = random.nextInt(100);
        return r < 40 ? Sector.INDUSTRY : r < 60 ? Sector.COMMERCE : r < 75 ? Sector.TRANSPORT : r < 88 ? Sector.CULTURE_TOURISM
                : Sector.KEY_PROJECT;
    }

    private SubjectInput input(Random random, Area area, Region county, Sector sector, Set<String> usccs,
            List<String> industrialIds) {
        String brand = BRANDS[random.nextInt(BRANDS.length)];
        String place = placeName(area, county, random);
        String[] pick = switch (sector) {
            case INDUSTRY -> INDUSTRY[random.nextInt(INDUSTRY.length)];
            case COMMERCE -> COMMERCE[random.nextInt(COMMERCE.length)];
            case TRANSPORT -> TRANSPORT[random.nextInt(TRANSPORT.length)];
            case CULTURE_TOURISM -> CULTURE[random.nextInt(CULTURE.length)];
            case KEY_PROJECT -> PROJECTS[random.nextInt(PROJECTS.length)];
        };
        boolean individual = sector == Sector.COMMERCE && random.nextInt(100) < 20;
        boolean project = sector == Sector.KEY_PROJECT;
        String uscc = newUscc(random, individual ? "92" : "91", county.code(), usccs);
        String kind = project ? "PROJECT" : individual ? "INDIVIDUAL_BUSINESS" : null;
        String name = project ? place + brand + pick[1]
                : individual ? place + county.name().replaceAll("(市|县|区)$", "") + brand + (pick[0].equals("52") ? "便利店" : "副食店")
                : place + brand + pick[1] + (pick[1].endsWith("店") ? "" : "有限公司");
        String industryCode = pick[0];
        String section = regions.industry(industryCode).map(org.sibao.region.Industry::sectionCode).orElse(null);
        int tier = tier(random, individual);
        BigDecimal employees = null;
        BigDecimal revenue = null;
        BigDecimal assets = null;
        BigDecimal output = null;
        BigDecimal totalInvestment = null;
        BigDecimal annualInvestment = null;
        if (project) {
            totalInvestment = money(random, 20000, 800000);
            annualInvestment = totalInvestment.multiply(BigDecimal.valueOf(15 + random.nextInt(30)))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            output = annualInvestment;
            employees = BigDecimal.valueOf(50 + random.nextInt(800));
        } else {
            SizeClasses.Row row = SizeClasses.rowFor(section, industryCode);
            employees = BigDecimal.valueOf(value(random, row, SizeClasses.Indicator.EMPLOYEES, tier, 5 + random.nextInt(400)));
            revenue = BigDecimal.valueOf(value(random, row, SizeClasses.Indicator.REVENUE, tier, 100 + random.nextInt(30000)));
            assets = BigDecimal.valueOf(value(random, row, SizeClasses.Indicator.ASSETS, tier,
                    revenue.longValue() * (60 + random.nextInt(90)) / 100 + 10));
            // industry: output a little above sales; services (commerce, transport, tourism): their gross output is
            // their business volume, so that every sector's whitelist coverage has a denominator
            output = sector == Sector.INDUSTRY
                    ? revenue.multiply(BigDecimal.valueOf(105)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP)
                    : revenue.setScale(2, RoundingMode.HALF_UP);
        }
        List<String> flags = new ArrayList<>();
        if (sector == Sector.INDUSTRY && tier <= 2 && random.nextInt(100) < 25) {
            flags.add("SPECIALIZED");
        }
        if (random.nextInt(100) < 15) {
            flags.add("LIAISON");
        }
        if ((sector == Sector.COMMERCE || sector == Sector.TRANSPORT) && random.nextInt(100) < 40) {
            flags.add("LIVELIHOOD");
        }
        if (!SizeClasses.isIndustrial(section) && !project && !individual && tier <= 1 && random.nextInt(100) < 60) {
            flags.add("ABOVE_SCALE");
        }
        List<SubjectInput.IncidentInput> incidents = new ArrayList<>();
        if (random.nextInt(100) < 6) {
            String[] kinds = {"SAFETY", "QUALITY", "ENVIRONMENT", "DISHONESTY", "FRAUD"};
            incidents.add(new SubjectInput.IncidentInput(kinds[random.nextInt(kinds.length)],
                    LocalDate.of(2019, 1, 1).plusDays(random.nextInt(1000)).toString()));
        }
        List<SubjectInput.LinkInput> links = new ArrayList<>();
        if (sector == Sector.INDUSTRY && !industrialIds.isEmpty() && random.nextInt(100) < 35) {
            links.add(new SubjectInput.LinkInput(industrialIds.get(random.nextInt(industrialIds.size())),
                    random.nextBoolean() ? "SUPPLIER" : "CUSTOMER"));
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (random.nextInt(100) < 30) {
            attributes.put(SubjectAttribute.RENTS_STATE_OWNED_PREMISES.key(), random.nextInt(100) < 30);
        }
        if (sector == Sector.INDUSTRY && random.nextInt(100) < 50) {
            attributes.put(SubjectAttribute.FULL_CAPACITY_Q2.key(), random.nextInt(100) < 60);
            attributes.put(SubjectAttribute.REVENUE_GROWTH_PCT.key(), BigDecimal.valueOf(random.nextInt(600) - 150, 1));
        }
        if (sector == Sector.COMMERCE && random.nextInt(100) < 15) {
            attributes.put(SubjectAttribute.BOOTH_COST_YUAN.key(), BigDecimal.valueOf(8000 + random.nextInt(40000)));
        }
        String phone = random.nextInt(100) < 80 ? "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000))
                : "0" + (county.code().startsWith("4113") ? "377" : county.code().startsWith("4102") ? "371" : "391") + "-"
                        + (2000_0000 + random.nextInt(7000_0000));
        String legal = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
        String address = county.name() + BRANDS[random.nextInt(BRANDS.length)] + "路" + (1 + random.nextInt(300)) + "号";
        String projectNo = project ? "XM" + county.code() + "-" + String.format("%03d", 1 + random.nextInt(999)) : null;
        return new SubjectInput(uscc, projectNo, name, kind, county.code(), address, legal, phone, sector.name(),
                industryCode, employees, revenue, assets, output, totalInvestment, annualInvestment, flags, incidents,
                links, attributes);
    }

    private static String placeName(Area area, Region county, Random random) {
        if (area.code().endsWith("00") && !county.name().endsWith("区") && random.nextBoolean()) {
            return county.name().length() > 2 ? county.name().substring(0, county.name().length() - 1) : county.name();
        }
        return area.place();
    }

    /** 0 large, 1 medium, 2 small, 3 micro: roughly 8/20/37/35 per cent; individual businesses are micro. */
    private static int tier(Random random, boolean individual) {
        if (individual) {
            return 3;
        }
        int r = random.nextInt(100);
        return r < 8 ? 0 : r < 28 ? 1 : r < 65 ? 2 : 3;
    }

    /** A value of an indicator inside the tier's band of the industry's row, or {@code fallback} if not listed. */
    private static long value(Random random, SizeClasses.Row row, SizeClasses.Indicator indicator, int tier, long fallback) {
        for (SizeClasses.Bound b : row.bounds()) {
            if (b.indicator() == indicator) {
                long lo = switch (tier) {
                    case 0 -> b.large();
                    case 1 -> b.medium();
                    case 2 -> b.small();
                    default -> Math.max(1, b.small() / 5);
                };
                long hi = switch (tier) {
                    case 0 -> b.large() * 2;
                    case 1 -> b.large();
                    case 2 -> b.medium();
                    default -> b.small();
                };
                return lo + (long) (random.nextDouble() * (hi - lo));
            }
        }
        return fallback;
    }

    private static BigDecimal money(Random random, long lo, long hi) {
        return BigDecimal.valueOf(lo + (long) (random.nextDouble() * (hi - lo)));
    }

    private static String newUscc(Random random, String category, String division, Set<String> taken) {
        while (true) {
            StringBuilder org = new StringBuilder("MA");
            for (int i = 0; i < 7; i++) {
                org.append(Uscc.ALPHABET.charAt(random.nextInt(Uscc.ALPHABET.length())));
            }
            String code = Uscc.of(category, division, org.toString()).value();
            if (taken.add(code)) {
                return code;
            }
        }
    }
}
