package org.sibao.rules;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sibao.region.Sector;

/**
 * An immutable {@link Facts} built field by field, for tests and for modules that assemble facts from rows.
 * Unset fields are missing facts.
 */
public record SimpleFacts(String regionCode, Sector sector, String industrySection, String industryCode,
        String sizeClass, String kind, Integer employees, BigDecimal annualRevenue, BigDecimal totalAssets,
        BigDecimal outputValue, Set<String> flags, String whitelistStatus, String whitelistLevel,
        String operationMode, Map<String, Object> attributes, List<Incident> incidents) implements Facts {

    public SimpleFacts {
        flags = flags == null ? null : Set.copyOf(flags);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        incidents = incidents == null ? null : List.copyOf(incidents);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Object attribute(String name) {
        return attributes.get(name);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.regionCode = regionCode;
        b.sector = sector;
        b.industrySection = industrySection;
        b.industryCode = industryCode;
        b.sizeClass = sizeClass;
        b.kind = kind;
        b.employees = employees;
        b.annualRevenue = annualRevenue;
        b.totalAssets = totalAssets;
        b.outputValue = outputValue;
        b.flags = flags;
        b.whitelistStatus = whitelistStatus;
        b.whitelistLevel = whitelistLevel;
        b.operationMode = operationMode;
        b.attributes.putAll(attributes);
        b.incidents = incidents;
        return b;
    }

    public static final class Builder {
        private String regionCode;
        private Sector sector;
        private String industrySection;
        private String industryCode;
        private String sizeClass;
        private String kind;
        private Integer employees;
        private BigDecimal annualRevenue;
        private BigDecimal totalAssets;
        private BigDecimal outputValue;
        private Set<String> flags;
        private String whitelistStatus;
        private String whitelistLevel;
        private String operationMode;
        private final Map<String, Object> attributes = new HashMap<>();
        private List<Incident> incidents;

        public Builder regionCode(String v) { regionCode = v; return this; }
        public Builder sector(Sector v) { sector = v; return this; }
        public Builder industrySection(String v) { industrySection = v; return this; }
        public Builder industryCode(String v) { industryCode = v; return this; }
        public Builder sizeClass(String v) { sizeClass = v; return this; }
        public Builder kind(String v) { kind = v; return this; }
        public Builder employees(Integer v) { employees = v; return this; }
        public Builder annualRevenue(BigDecimal v) { annualRevenue = v; return this; }
        public Builder totalAssets(BigDecimal v) { totalAssets = v; return this; }
        public Builder outputValue(BigDecimal v) { outputValue = v; return this; }
        public Builder flags(Set<String> v) { flags = v; return this; }
        public Builder flags(String... v) { flags = Set.of(v); return this; }
        public Builder whitelistStatus(String v) { whitelistStatus = v; return this; }
        public Builder whitelistLevel(String v) { whitelistLevel = v; return this; }
        public Builder operationMode(String v) { operationMode = v; return this; }
        public Builder incidents(List<Incident> v) { incidents = v; return this; }

        /** Numbers other than {@link BigDecimal} are stored as BigDecimal; {@code null} removes the attribute. */
        public Builder attribute(String name, Object value) {
            if (value == null) {
                attributes.remove(name);
            } else if (value instanceof Number n && !(value instanceof BigDecimal)) {
                attributes.put(name, new BigDecimal(n.toString()));
            } else {
                attributes.put(name, value);
            }
            return this;
        }

        public SimpleFacts build() {
            return new SimpleFacts(regionCode, sector, industrySection, industryCode, sizeClass, kind, employees,
                    annualRevenue, totalAssets, outputValue, flags, whitelistStatus, whitelistLevel, operationMode,
                    attributes, incidents);
        }
    }
}
