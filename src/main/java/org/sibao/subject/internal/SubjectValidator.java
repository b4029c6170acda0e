package org.sibao.subject.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.sibao.platform.BusinessClock;
import org.sibao.platform.Validation;
import org.sibao.region.Industry;
import org.sibao.region.Region;
import org.sibao.region.RegionLevel;
import org.sibao.region.RegionService;
import org.sibao.region.Sector;
import org.sibao.subject.Incident;
import org.sibao.subject.IncidentKind;
import org.sibao.subject.LinkRelation;
import org.sibao.subject.OperationMode;
import org.sibao.subject.SizeClass;
import org.sibao.subject.SizeClasses;
import org.sibao.subject.SubjectAttribute;
import org.sibao.subject.SubjectFlag;
import org.sibao.subject.SubjectKind;
import org.sibao.subject.SubjectLink;
import org.sibao.subject.Uscc;
import org.sibao.subject.WhitelistStatus;
import org.springframework.stereotype.Component;

/**
 * Turns {@link SubjectInput} into a {@link SubjectRecord} (id and states left empty), collecting every invalid
 * field. Also derives the size class and keeps {@code ABOVE_SCALE} consistent with revenue for industry: an
 * industrial (B, C, D) subject with revenue ≥ 2000 万元 gets the flag; claiming it with a known lower revenue is
 * invalid; without a revenue the declared flag stands.
 */
@Component
class SubjectValidator {

    static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");
    static final Pattern PROJECT_NO = Pattern.compile("[A-Za-z0-9-]{1,30}");
    /** The largest amount a {@code NUMERIC(18, 2)} column holds. */
    static final BigDecimal MONEY_MAX = new BigDecimal("9999999999999999.99");
    static final int MONEY_SCALE = 2;
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    private final RegionService regions;
    private final BusinessClock clock;

    SubjectValidator(RegionService regions, BusinessClock clock) {
        this.regions = regions;
        this.clock = clock;
    }

    /**
     * @param linkExists whether a linked subject id exists
     */
    SubjectRecord validate(SubjectInput in, Validation v, Predicate<String> linkExists) {
        String uscc = Uscc.normalise(in.uscc());
        if (v.required(uscc, "uscc")) {
            Uscc.check(uscc).ifPresent(rule -> v.reject("uscc", "subject.uscc." + rule.name().toLowerCase(Locale.ROOT)));
        }
        String projectNo = in.projectNo() == null ? "" : in.projectNo().trim();
        if (!projectNo.isEmpty()) {
            v.check(PROJECT_NO.matcher(projectNo).matches(), "projectNo", "subject.projectNo.format");
        }
        String name = trim(in.name());
        if (v.required(name, "name")) {
            v.maxLength(name, 200, "name");
        }
        SubjectKind kind = parseEnum(SubjectKind.class, in.kind(), "kind", v);
        if (kind == null && (in.kind() == null || in.kind().isBlank())) {
            kind = !projectNo.isEmpty() ? SubjectKind.PROJECT
                    : Uscc.isValid(uscc) ? new Uscc(uscc).defaultKind() : SubjectKind.ENTERPRISE;
        }
        if (!projectNo.isEmpty() && kind != null && kind != SubjectKind.PROJECT) {
            v.reject("projectNo", "subject.projectNo.onlyProjects");
        }
        String regionCode = trim(in.regionCode());
        if (v.required(regionCode, "regionCode")) {
            Optional<Region> region = regions.find(regionCode);
            if (region.isEmpty()) {
                v.reject("regionCode", "region.unknown", regionCode);
            } else {
                v.check(region.get().level() == RegionLevel.COUNTY, "regionCode", "subject.region.notCounty");
            }
        }
        Sector sector = null;
        if (v.required(in.sector(), "sector")) {
            sector = parseEnum(Sector.class, in.sector(), "sector", v);
        }
        String industryCode = trim(in.industryCode());
        Industry industry = null;
        if (industryCode != null) {
            industry = regions.industry(industryCode).filter(i -> !i.section()).orElse(null);
            v.check(industry != null && industryCode.matches("\\d{2}"), "industryCode", "subject.industry.unknown", industryCode);
        }
        String address = trim(in.address());
        v.maxLength(address, 300, "address");
        String legalRep = trim(in.legalRepresentative());
        v.maxLength(legalRep, 60, "legalRepresentative");
        String phone = trim(in.contactPhone());
        if (phone != null) {
            v.check(MOBILE.matcher(phone).matches() || LANDLINE.matcher(phone).matches(), "contactPhone", "subject.phone.format");
        }
        Integer employees = count(in.employees(), "employees", v);
        BigDecimal revenue = money(in.annualRevenue(), "annualRevenue", v);
        BigDecimal assets = money(in.totalAssets(), "totalAssets", v);
        BigDecimal output = money(in.outputValue(), "outputValue", v);
        BigDecimal totalInvestment = money(in.totalInvestment(), "totalInvestment", v);
        BigDecimal annualInvestment = money(in.annualInvestment(), "annualInvestment", v);

        Set<SubjectFlag> flags = EnumSet.noneOf(SubjectFlag.class);
        List<String> flagInput = in.flags() == null ? List.of() : in.flags();
        for (int i = 0; i < flagInput.size(); i++) {
            SubjectFlag f = parseEnum(SubjectFlag.class, flagInput.get(i), "flags[" + i + "]", v);
            if (f != null) {
                flags.add(f);
            }
        }
        String section = industry == null ? null : industry.sectionCode();
        if (SizeClasses.isIndustrial(section) && revenue != null) {
            boolean above = revenue.compareTo(SizeClasses.ABOVE_SCALE_REVENUE) >= 0;
            if (above) {
                flags.add(SubjectFlag.ABOVE_SCALE);
            } else if (flags.contains(SubjectFlag.ABOVE_SCALE)) {
                v.reject("flags", "subject.flags.aboveScaleRevenue", SizeClasses.ABOVE_SCALE_REVENUE);
            }
        }

        List<Incident> incidents = new ArrayList<>();
        List<SubjectInput.IncidentInput> incidentInput = in.incidents() == null ? List.of() : in.incidents();
        for (int i = 0; i < incidentInput.size(); i++) {
            SubjectInput.IncidentInput ii = incidentInput.get(i);
            String p = "incidents[" + i + "]";
            if (ii == null) {
                v.reject(p, "validation.required");
                continue;
            }
            IncidentKind ik = v.required(ii.kind(), p + ".kind") ? parseEnum(IncidentKind.class, ii.kind(), p + ".kind", v) : null;
            LocalDate date = v.required(ii.date(), p + ".date") ? parseDate(ii.date(), p + ".date", v) : null;
            if (ik != null && date != null) {
                incidents.add(new Incident(ik, date));
            }
        }

        List<SubjectLink> links = new ArrayList<>();
        List<SubjectInput.LinkInput> linkInput = in.links() == null ? List.of() : in.links();
        for (int i = 0; i < linkInput.size(); i++) {
            SubjectInput.LinkInput li = linkInput.get(i);
            String p = "links[" + i + "]";
            if (li == null) {
                v.reject(p, "validation.required");
                continue;
            }
            LinkRelation rel = v.required(li.relation(), p + ".relation") ? parseEnum(LinkRelation.class, li.relation(), p + ".relation", v) : null;
            String other = trim(li.enterpriseId());
            boolean exists = v.required(other, p + ".enterpriseId")
                    && v.check(linkExists.test(other), p + ".enterpriseId", "subject.link.unknown", other);
            if (exists && rel != null) {
                SubjectLink link = new SubjectLink(other, rel);
                if (!links.contains(link)) {
                    links.add(link);
                }
            }
        }

        Map<SubjectAttribute, Object> attributes = new LinkedHashMap<>();
        if (in.attributes() != null) {
            in.attributes().forEach((key, raw) -> {
                String field = "attributes." + key;
                Optional<SubjectAttribute> def = SubjectAttribute.byKey(key);
                if (def.isEmpty()) {
                    v.reject(field, "subject.attribute.unknown", key);
                    return;
                }
                if (raw == null) {
                    return;
                }
                SubjectAttribute a = def.get();
                Object typed = (a.type() == SubjectAttribute.Type.BOOLEAN && !(raw instanceof Boolean))
                        || (a.type() == SubjectAttribute.Type.NUMBER && raw instanceof Boolean) ? null : a.coerce(raw).orElse(null);
                if (typed == null) {
                    v.reject(field, "subject.attribute.type." + a.type().name().toLowerCase(Locale.ROOT));
                } else {
                    Object value = attributeValue(a, typed, field, v);
                    if (value != null) {
                        attributes.put(a, value);
                    }
                }
            });
        }

        SizeClass size = SizeClasses.classify(section, industryCode, employees, revenue, assets);
        return new SubjectRecord(null, uscc, projectNo, name, kind, regionCode, address, legalRep, phone, sector,
                industry == null ? null : industryCode, section, employees, revenue, assets, output, totalInvestment,
                annualInvestment, size, flags, List.copyOf(incidents),
                List.copyOf(links), attributes, WhitelistStatus.NONE, null, OperationMode.NORMAL, null, null, 0);
    }

    /**
     * An amount in 万元 that its {@code NUMERIC(18, 2)} column holds as given: not negative, at most
     * {@link #MONEY_MAX}, at most two decimals (never rounded on storage). Null when absent or invalid (named in v).
     */
    static BigDecimal money(BigDecimal value, String field, Validation v) {
        return decimal(value, BigDecimal.ZERO, MONEY_MAX, MONEY_SCALE, field, v);
    }

    /** A head count for an {@code INT} column: a whole number from 0 to 2147483647 (1.5 is not truncated). */
    static Integer count(BigDecimal value, String field, Validation v) {
        if (value == null) {
            return null;
        }
        if (!v.check(value.signum() >= 0, field, "validation.nonNegative")
                || !v.check(value.compareTo(INT_MAX) <= 0, field, "subject.number.max", INT_MAX.toPlainString())
                || !v.check(value.stripTrailingZeros().scale() <= 0, field, "subject.number.whole")) {
            return null;
        }
        return value.intValueExact();
    }

    /** A number attribute within its range and with at most {@link SubjectAttribute#SCALE} decimals, or null. */
    static Object attributeValue(SubjectAttribute a, Object typed, String field, Validation v) {
        return typed instanceof BigDecimal d ? decimal(d, a.min(), a.max(), SubjectAttribute.SCALE, field, v) : typed;
    }

    private static BigDecimal decimal(BigDecimal value, BigDecimal min, BigDecimal max, int scale, String field,
            Validation v) {
        if (value == null) {
            return null;
        }
        boolean ok = min.signum() == 0 ? v.check(value.signum() >= 0, field, "validation.nonNegative")
                : v.check(value.compareTo(min) >= 0, field, "subject.number.min", min.toPlainString());
        if (!ok || !v.check(value.compareTo(max) <= 0, field, "subject.number.max", max.toPlainString())
                || !v.check(value.stripTrailingZeros().scale() <= scale, field, "subject.number.scale", scale)) {
            return null;
        }
        return value;
    }

    private LocalDate parseDate(String text, String field, Validation v) {
        try {
            LocalDate d = LocalDate.parse(text.trim());
            return v.check(!d.isAfter(clock.today()), field, "subject.incident.future") ? d : null;
        } catch (DateTimeParseException e) {
            v.reject(field, "subject.date.format");
            return null;
        }
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String field, Validation v) {
        return v.oneOf(type, text, field);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
