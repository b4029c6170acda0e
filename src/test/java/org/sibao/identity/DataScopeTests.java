package org.sibao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sibao.region.Sector;

/** The one scope predicate per role (SPEC §2): bound parameters only, never values spliced into SQL. */
class DataScopeTests {

    private static CurrentUser user(Role role, String region, Sector sector, String department, String enterprise) {
        return new CurrentUser("u-1", "user", "User", role, region, sector, department, enterprise);
    }

    private static SqlFilter subjects(CurrentUser u) {
        return u.scope().subjects("s.region_code", "s.sector", "s.id");
    }

    @Test
    void provinceAdministratorSeesTheWholeProvince() {
        SqlFilter f = subjects(user(Role.ADMIN, "410000", null, null, null));
        assertThat(f.sql()).isEqualTo("s.region_code LIKE ?");
        assertThat(f.params()).containsExactly("41%");
    }

    @Test
    void cityHqOfficerSeesTheCityAndItsCounties() {
        DataScope scope = user(Role.HQ_OFFICER, "410200", null, "NDRC", null).scope();
        assertThat(scope.regionPrefix()).isEqualTo("4102");
        assertThat(scope.subjects("r", "s", "i").params()).containsExactly("4102%");
        assertThat(scope.coversRegion("410221")).isTrue();
        assertThat(scope.coversRegion("410200")).isTrue();
        assertThat(scope.coversRegion("410184")).isFalse();
        assertThat(scope.coversSector(Sector.TRANSPORT)).isTrue();
    }

    @Test
    void countyOfficialSeesOnlyTheCounty() {
        DataScope scope = user(Role.EPIDEMIC_OFFICER, "410184", null, "HEALTH", null).scope();
        assertThat(scope.subjects("r", "s", "i").params()).containsExactly("410184%");
        assertThat(scope.coversRegion("410100")).isFalse();
        assertThat(scope.coversRegion("410185")).isFalse();
    }

    @Test
    void sectorOfficerIsLimitedToTheRegionAndTheSector() {
        SqlFilter f = subjects(user(Role.SECTOR_OFFICER, "410200", Sector.INDUSTRY, "MIIT", null));
        assertThat(f.sql()).isEqualTo("s.region_code LIKE ? AND s.sector = ?");
        assertThat(f.params()).containsExactly("4102%", "INDUSTRY");
        DataScope scope = user(Role.SECTOR_OFFICER, "410200", Sector.INDUSTRY, "MIIT", null).scope();
        assertThat(scope.coversSector(Sector.INDUSTRY)).isTrue();
        assertThat(scope.coversSector(Sector.COMMERCE)).isFalse();
    }

    @Test
    void departmentHandlerSupervisorAndIntegrationSeeTheirRegion() {
        for (Role role : List.of(Role.DEPT_HANDLER, Role.SUPERVISOR, Role.INTEGRATION)) {
            SqlFilter f = subjects(user(role, "411300", null, "TAX", null));
            assertThat(f.sql()).as(role.name()).isEqualTo("s.region_code LIKE ?");
            assertThat(f.params()).as(role.name()).containsExactly("4113%");
        }
    }

    @Test
    void liaisonSeesOnlyAssignedEnterprises() {
        CurrentUser liaison = user(Role.LIAISON, "410200", null, null, null);
        SqlFilter f = subjects(liaison);
        assertThat(f.sql()).isEqualTo("s.id IN (SELECT la.enterprise_id FROM liaison_assignment la WHERE la.user_id = ?)");
        assertThat(f.params()).containsExactly("u-1");
        assertThat(liaison.scope().regions("t.region_code").sql()).isEqualTo("1=0");
        assertThat(liaison.scope().coversRegion("410200")).isFalse();
    }

    @Test
    void enterpriseUserSeesOnlyItsOwnEnterprise() {
        SqlFilter f = subjects(user(Role.ENTERPRISE, "410202", null, null, "ent-9"));
        assertThat(f.sql()).isEqualTo("s.id = ?");
        assertThat(f.params()).containsExactly("ent-9");
        assertThat(user(Role.ENTERPRISE, "410202", null, null, "ent-9").scope().regions("r").params()).isEmpty();
    }

    @Test
    void enterpriseUserWithoutEnterpriseSeesNothing() {
        SqlFilter f = subjects(user(Role.ENTERPRISE, "410202", null, null, null));
        assertThat(f.params()).containsExactly("-");
    }

    @Test
    void regionOnlyTablesUseTheRegionPrefix() {
        SqlFilter f = user(Role.HQ_OFFICER, "419001", null, null, null).scope().regions("m.region_code");
        assertThat(f.sql()).isEqualTo("m.region_code LIKE ?");
        assertThat(f.params()).containsExactly("419001%");
    }

    @Test
    void systemScopeCoversEverything() {
        DataScope system = DataScope.system();
        assertThat(system.coversRegion("411523")).isTrue();
        assertThat(system.subjects("r", "s", "i").params()).containsExactly("4%");
    }

    @Test
    void filtersCombineWithTheirParametersInOrder() {
        SqlFilter combined = subjects(user(Role.SECTOR_OFFICER, "410200", Sector.COMMERCE, null, null))
                .and(new SqlFilter("s.kind = ?", List.of("PROJECT")));
        assertThat(combined.sql()).isEqualTo("(s.region_code LIKE ? AND s.sector = ?) AND (s.kind = ?)");
        assertThat(combined.params()).containsExactly("4102%", "COMMERCE", "PROJECT");
    }
}
