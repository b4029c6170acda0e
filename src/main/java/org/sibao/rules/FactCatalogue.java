package org.sibao.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.sibao.region.Sector;

/**
 * The closed catalogue of facts rules may name. {@link #standard()} holds the API's facts, the extra facts of
 * SPEC §3 and the dated {@code incidents}; a module that needs another extra fact registers it in code with
 * {@link #with(Fact...)} (officials cannot invent facts in rule text).
 */
public final class FactCatalogue {

    public static final List<String> SIZE_CLASSES = List.of("LARGE", "MEDIUM", "SMALL", "MICRO");
    public static final List<String> KINDS = List.of("ENTERPRISE", "INDIVIDUAL_BUSINESS", "PROJECT", "PARK");
    public static final List<String> FLAGS = List.of("ABOVE_SCALE", "SPECIALIZED", "LIAISON", "LIVELIHOOD");
    public static final List<String> WHITELIST_STATUSES = List.of("NONE", "ACTIVE", "SUSPENDED", "REMOVED");
    public static final List<String> WHITELIST_LEVELS = List.of("COUNTY", "CITY", "PROVINCE");
    public static final List<String> OPERATION_MODES = List.of("NORMAL", "CLOSED_LOOP");
    public static final List<String> INCIDENT_KINDS = List.of("SAFETY", "QUALITY", "ENVIRONMENT", "DISHONESTY",
            "FRAUD");
    public static final List<String> INDUSTRY_SECTIONS = List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J",
            "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T");

    private static final FactCatalogue STANDARD = new FactCatalogue(standardFacts());

    private final Map<String, Fact> facts;

    private FactCatalogue(Collection<Fact> facts) {
        Map<String, Fact> byName = new LinkedHashMap<>();
        for (Fact f : facts) {
            byName.put(f.name(), f);
        }
        this.facts = Collections.unmodifiableMap(byName);
    }

    public static FactCatalogue standard() {
        return STANDARD;
    }

    /** A catalogue with these facts added (or replaced, by name). */
    public FactCatalogue with(Fact... more) {
        List<Fact> all = new ArrayList<>(facts.values());
        all.addAll(Arrays.asList(more));
        return new FactCatalogue(all);
    }

    public Optional<Fact> find(String name) {
        return Optional.ofNullable(facts.get(name));
    }

    public Collection<Fact> facts() {
        return facts.values();
    }

    private static List<Fact> standardFacts() {
        List<String> sectors = Arrays.stream(Sector.values()).map(Enum::name).toList();
        return List.of(
                new Fact("regionCode", FactType.REGION, null, Pattern.compile("\\d{6}"), null, Facts::regionCode),
                new Fact("sector", FactType.CODE, sectors, null, null,
                        f -> f.sector() == null ? null : f.sector().name()),
                new Fact("industrySection", FactType.CODE, INDUSTRY_SECTIONS, null, null, Facts::industrySection),
                new Fact("industryCode", FactType.CODE, null, Pattern.compile("\\d{2}"), null, Facts::industryCode),
                new Fact("sizeClass", FactType.CODE, SIZE_CLASSES, null, null, FactCatalogue::knownSizeClass),
                new Fact("kind", FactType.CODE, KINDS, null, null, Facts::kind),
                new Fact("employees", FactType.INTEGER, null, null, null, Facts::employees),
                new Fact("annualRevenue", FactType.DECIMAL, null, null, Fact.Unit.WAN_YUAN, Facts::annualRevenue),
                new Fact("totalAssets", FactType.DECIMAL, null, null, Fact.Unit.WAN_YUAN, Facts::totalAssets),
                new Fact("outputValue", FactType.DECIMAL, null, null, Fact.Unit.WAN_YUAN, Facts::outputValue),
                new Fact("flags", FactType.CODE_SET, FLAGS, null, null, Facts::flags),
                new Fact("whitelistStatus", FactType.CODE, WHITELIST_STATUSES, null, null, Facts::whitelistStatus),
                new Fact("whitelistLevel", FactType.CODE, WHITELIST_LEVELS, null, null, FactCatalogue::whitelistLevel),
                new Fact("operationMode", FactType.CODE, OPERATION_MODES, null, null, Facts::operationMode),
                new Fact("incidents", FactType.DATED_EVENTS, INCIDENT_KINDS, null, null, Facts::incidents),
                Fact.attribute("rentsStateOwnedPremises", FactType.BOOLEAN, null),
                Fact.attribute("fullCapacityQ2", FactType.BOOLEAN, null),
                Fact.attribute("revenueGrowthPct", FactType.DECIMAL, Fact.Unit.PERCENT),
                Fact.attribute("boothCostYuan", FactType.DECIMAL, Fact.Unit.YUAN),
                Fact.attribute("affectedByEpidemic", FactType.BOOLEAN, null));
    }

    /** The size class UNKNOWN means "cannot be derived": a missing fact, not a value rules may test. */
    private static Object knownSizeClass(Facts f) {
        String s = f.sizeClass();
        return s == null || "UNKNOWN".equals(s) ? null : s;
    }

    /** A subject never or no longer on the whitelist (NONE, REMOVED) has no whitelist level: a decided absence. */
    private static Object whitelistLevel(Facts f) {
        String status = f.whitelistStatus();
        return "NONE".equals(status) || "REMOVED".equals(status) ? Fact.ABSENT : f.whitelistLevel();
    }
}
