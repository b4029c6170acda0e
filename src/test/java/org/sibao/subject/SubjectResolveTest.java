package org.sibao.subject;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sibao.identity.DataScope;
import org.sibao.support.ApiClient;
import org.sibao.support.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a picker's text means: an id, a USCC, "名称 · USCC", or a name no other subject in scope has. */
@FullStackTest
class SubjectResolveTest {

    @LocalServerPort
    int port;

    @Autowired
    Subjects subjects;

    @Test
    void twoSubjectsOfOneNameAreToldApartByTheirUscc() {
        ApiClient admin = new ApiClient(port).as("admin", "Admin@2022");
        String name = "同名汽车零部件" + TestSubjects.token();
        String firstUscc = TestSubjects.uscc("410202");
        String secondUscc = TestSubjects.uscc("410203");
        String first = admin.post("/api/v1/enterprises", TestSubjects.enterprise(firstUscc, name, "410202", "INDUSTRY")).text("id");
        String second = admin.post("/api/v1/enterprises", TestSubjects.enterprise(secondUscc, name, "410203", "INDUSTRY")).text("id");
        DataScope kaifeng = DataScope.ofRegion("410200");

        assertThat(subjects.resolve(name + " · " + secondUscc, kaifeng)).as("the picker's value").contains(second);
        assertThat(subjects.resolve(name + " · " + firstUscc, kaifeng)).contains(first);
        assertThat(subjects.resolve(firstUscc, kaifeng)).contains(first);
        assertThat(subjects.resolve(first, kaifeng)).contains(first);
        assertThat(subjects.resolve(name, kaifeng)).as("a name two subjects share says nothing").isEmpty();
        assertThat(subjects.resolve(name, DataScope.ofRegion("410203"))).as("unless only one is in scope").contains(second);
        assertThat(subjects.resolve(name + " · " + firstUscc, DataScope.ofRegion("410203"))).as("out of scope").isEmpty();
    }
}
