package org.sibao.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.sibao.identity.DataScope;
import org.sibao.identity.Role;
import org.sibao.region.Sector;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The module's public surface as other modules use it, its event, and the demo data it seeds. */
@FullStackTest
@RecordApplicationEvents
class SubjectsFacadeTest {

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Test
    void exposesFactsInScopeAndKeepsWhitelistAndModeStates() {
        String id = new ApiClient(port).as("admin", "Admin@2022")
                .post("/api/v1/enterprises", TestSubjects.enterprise(TestSubjects.uscc("411523"), "新县测试茶业有限公司", "411523", "INDUSTRY"))
                .text("id");
        SubjectFacts facts = subjects.find(id, DataScope.system()).orElseThrow();
        assertThat(facts.regionCode()).isEqualTo("411523");
        assertThat(facts.sector()).isEqualTo(Sector.INDUSTRY);
        assertThat(facts.industrySection()).isEqualTo("C");
        assertThat(facts.sizeClass()).isEqualTo(SizeClass.MEDIUM);
        assertThat(facts.has(SubjectFlag.ABOVE_SCALE)).isTrue();
        assertThat(facts.incidents()).extracting(Incident::kind).containsExactly(IncidentKind.SAFETY);
        assertThat(facts.attributes()).containsEntry(SubjectAttribute.RENTS_STATE_OWNED_PREMISES, true);
        DataScope otherCounty = new DataScope(Role.HQ_OFFICER, "410184", null, null, null);
        assertThat(subjects.find(id, otherCounty)).isEmpty();
        DataScope commerce = new DataScope(Role.SECTOR_OFFICER, "4115", Sector.COMMERCE, null, null);
        assertThat(subjects.find(id, commerce)).isEmpty();

        long before = subjects.count(new DataScope(Role.HQ_OFFICER, "411523", null, null, null)).whitelisted();
        subjects.setWhitelistStatus(id, WhitelistStatus.ACTIVE, "COUNTY");
        subjects.setOperationMode(id, OperationMode.CLOSED_LOOP);
        SubjectFacts after = subjects.find(id, DataScope.system()).orElseThrow();
        assertThat(after.whitelistStatus()).isEqualTo(WhitelistStatus.ACTIVE);
        assertThat(after.whitelistLevel()).isEqualTo("COUNTY");
        assertThat(after.operationMode()).isEqualTo(OperationMode.CLOSED_LOOP);
        assertThat(subjects.count(new DataScope(Role.HQ_OFFICER, "411523", null, null, null)).whitelisted()).isEqualTo(before + 1);
        assertThat(events.stream(SubjectChanged.class).map(SubjectChanged::id).filter(id::equals).count()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE entity_id = ? AND action IN ('subject.whitelistStatus', 'subject.operationMode')")
                .param(id).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void demoDataCoversTheSeedRegionsAndSectorsWithValidCodesAndASizeMix() {
        List<Map<String, Object>> rows = jdbc.sql("SELECT uscc, region_code, sector, size_class, kind FROM subject WHERE uscc LIKE '9_______MA%'")
                .query().listOfRows();
        assertThat(rows.size()).isGreaterThanOrEqualTo(300);
        for (Map<String, Object> r : rows) {
            String uscc = (String) r.get("uscc");
            assertThat(Uscc.isValid(uscc)).as(uscc).isTrue();
            assertThat(uscc.substring(2, 8)).isEqualTo(r.get("region_code"));
        }
        Set<String> regions = rows.stream().map(r -> (String) r.get("region_code")).collect(Collectors.toSet());
        assertThat(regions).contains("410184", "419001", "411523", "410202", "411371");
        assertThat(rows.stream().map(r -> (String) r.get("sector")).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("INDUSTRY", "COMMERCE", "TRANSPORT", "CULTURE_TOURISM", "KEY_PROJECT");
        assertThat(rows.stream().map(r -> (String) r.get("size_class")).collect(Collectors.toSet()))
                .contains("LARGE", "MEDIUM", "SMALL", "MICRO");
        assertThat(rows.stream().map(r -> (String) r.get("kind")).collect(Collectors.toSet()))
                .contains("ENTERPRISE", "INDIVIDUAL_BUSINESS", "PROJECT", "PARK");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subject_incident").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subject_link").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subject_attribute").query(Long.class).single()).isPositive();
    }
}
