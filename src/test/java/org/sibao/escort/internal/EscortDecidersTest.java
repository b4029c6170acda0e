package org.sibao.escort.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.identity.SqlFilter;
import org.sibao.identity.UserDirectory;
import org.sibao.region.Industry;
import org.sibao.region.Region;
import org.sibao.region.RegionLevel;
import org.sibao.region.RegionService;
import org.sibao.region.Sector;

/**
 * Where shutdowns and inspections are decided, for each setting of the level: the level's region over the subject
 * (济源 acting as its own city), or the nearest region above with an officer of the side's role, each side on its own.
 */
class EscortDecidersTest {

    private static final Map<String, Region> REGIONS = Map.of(
            "410000", new Region("410000", "河南省", RegionLevel.PROVINCE, null, "41"),
            "411600", new Region("411600", "周口市", RegionLevel.CITY, "410000", "4116"),
            "411621", new Region("411621", "扶沟县", RegionLevel.COUNTY, "411600", "411621"),
            "419000", new Region("419000", "省直辖县级行政区划", RegionLevel.CITY, "410000", "4190"),
            "419001", new Region("419001", "济源市", RegionLevel.COUNTY, "419000", "419001"));

    /** Who is on the platform: role → regions with at least one enabled officer of it. */
    private static EscortDeciders deciders(RegionLevel shutdowns, RegionLevel inspections, Map<Role, Set<String>> staffed) {
        return new EscortDeciders(new Regions(), new Users(staffed), new EscortProperties(shutdowns, inspections));
    }

    private static CurrentUser officer(Role role, String region) {
        return new CurrentUser("u", "u", "u", role, region, null, null, null);
    }

    @Test
    void eachLevelDecidesAtItsRegionWhenStaffed() {
        Map<Role, Set<String>> everywhere = Map.of(Role.HQ_OFFICER, Set.of("410000", "411600", "411621", "419001"),
                Role.EPIDEMIC_OFFICER, Set.of("410000", "411600", "411621", "419001"));
        Deciders county = deciders(RegionLevel.COUNTY, RegionLevel.COUNTY, everywhere).shutdown("411621");
        assertThat(List.of(county.level(), county.hqRegionCode(), county.epidemicRegionCode()))
                .containsExactly("COUNTY", "411621", "411621");
        Deciders city = deciders(RegionLevel.CITY, RegionLevel.CITY, everywhere).shutdown("411621");
        assertThat(List.of(city.hqRegionCode(), city.epidemicRegionCode(), city.hqRegionName())).containsExactly("411600", "411600", "周口市");
        Deciders province = deciders(RegionLevel.PROVINCE, RegionLevel.PROVINCE, everywhere).shutdown("411621");
        assertThat(List.of(province.hqRegionCode(), province.epidemicRegionCode())).containsExactly("410000", "410000");

        assertThat(deciders(RegionLevel.CITY, RegionLevel.CITY, everywhere).shutdown("419001").hqRegionCode())
                .as("济源 acts as a city: its own HQ decides").isEqualTo("419001");
        assertThat(deciders(RegionLevel.CITY, RegionLevel.COUNTY, everywhere).inspection("411621")).isEqualTo("411621");
        assertThat(deciders(RegionLevel.CITY, RegionLevel.PROVINCE, everywhere).inspection("411621")).isEqualTo("410000");
    }

    @Test
    void aSideWithNobodyAtTheLevelIsTakenByTheNearestStaffedRegionAbove() {
        Map<Role, Set<String>> noCityEpidemic = Map.of(Role.HQ_OFFICER, Set.of("410000", "411600", "411621"),
                Role.EPIDEMIC_OFFICER, Set.of("410000", "411621"));
        Deciders city = deciders(RegionLevel.CITY, RegionLevel.CITY, noCityEpidemic).shutdown("411621");
        assertThat(city.hqRegionCode()).isEqualTo("411600");
        assertThat(city.epidemicRegionCode()).as("never downwards to the county").isEqualTo("410000");

        Deciders county = deciders(RegionLevel.COUNTY, RegionLevel.COUNTY, Map.of(Role.HQ_OFFICER, Set.of("411600"),
                Role.EPIDEMIC_OFFICER, Set.of("411621"))).shutdown("411621");
        assertThat(List.of(county.hqRegionCode(), county.epidemicRegionCode())).containsExactly("411600", "411621");

        assertThat(deciders(RegionLevel.CITY, RegionLevel.CITY, Map.of(Role.HQ_OFFICER, Set.of("410000"))).inspection("411621"))
                .as("a city without an HQ officer: the province approves").isEqualTo("410000");
        assertThat(deciders(RegionLevel.CITY, RegionLevel.CITY, Map.of()).shutdown("411621").hqRegionCode())
                .as("nobody anywhere: the level's own region").isEqualTo("411600");
    }

    @Test
    void officersAtTheDecidingRegionOrAboveDecide() {
        EscortDeciders d = deciders(RegionLevel.CITY, RegionLevel.CITY, Map.of());
        assertThat(d.atOrAbove(officer(Role.HQ_OFFICER, "411600"), "411600")).isTrue();
        assertThat(d.atOrAbove(officer(Role.HQ_OFFICER, "410000"), "411600")).isTrue();
        assertThat(d.atOrAbove(officer(Role.HQ_OFFICER, "411621"), "411600")).as("below").isFalse();
        assertThat(d.atOrAbove(officer(Role.HQ_OFFICER, "419001"), "411600")).as("elsewhere").isFalse();
    }

    private static final class Regions implements RegionService {

        @Override
        public Optional<Region> find(String code) {
            return Optional.ofNullable(REGIONS.get(code));
        }

        @Override
        public Region get(String code) {
            return find(code).orElseThrow();
        }

        @Override
        public List<Region> children(String code) {
            return REGIONS.values().stream().filter(r -> code.equals(r.parentCode())).toList();
        }

        @Override
        public List<Region> path(String code) {
            List<Region> out = new ArrayList<>();
            for (Region r = REGIONS.get(code); r != null; r = r.parentCode() == null ? null : REGIONS.get(r.parentCode())) {
                out.add(0, r);
            }
            return out;
        }

        @Override
        public boolean isWithin(String code, String ancestorCode) {
            return path(code).stream().anyMatch(r -> r.code().equals(ancestorCode));
        }

        @Override
        public RegionLevel actingLevel(String code) {
            return "419001".equals(code) ? RegionLevel.CITY : get(code).level();
        }

        @Override
        public List<Region> countiesUnder(String code) {
            return REGIONS.values().stream().filter(r -> r.level() == RegionLevel.COUNTY && isWithin(r.code(), code)).toList();
        }

        @Override
        public List<Region> all() {
            return List.copyOf(REGIONS.values());
        }

        @Override
        public Optional<Industry> industry(String code) {
            return Optional.empty();
        }

        @Override
        public List<Industry> industries() {
            return List.of();
        }
    }

    private record Users(Map<Role, Set<String>> staffed) implements UserDirectory {

        @Override
        public List<String> userIds(Role role, String regionCode, Sector sector) {
            return staffed.getOrDefault(role, Set.of()).contains(regionCode) ? List.of(role + "@" + regionCode) : List.of();
        }

        @Override
        public SqlFilter userIdsQuery(Role role, String regionCode, Sector sector) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SqlFilter userIdsUnderQuery(Role role, String regionPrefix) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SqlFilter enterpriseUserIdsQuery(String enterpriseId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> enterpriseUserIds(String enterpriseId) {
            return List.of();
        }

        @Override
        public List<String> departmentUserIds(String regionCode, String departmentCode) {
            return List.of();
        }

        @Override
        public String displayName(String userId) {
            return userId;
        }

        @Override
        public Map<String, String> displayNamesByUsername(Collection<String> usernames) {
            return Map.of();
        }

        @Override
        public Optional<CurrentUser> principal(String userId) {
            return Optional.empty();
        }
    }
}
