package org.sibao;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries: no module reaches into another's internals, and no cycles between modules. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(SibaoApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    /** The module diagrams the README refers to, written to target/spring-modulith-docs. */
    @Test
    void writesModuleDocumentation() throws Exception {
        Documenter documenter = new Documenter(modules);
        documenter.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        Path components = Path.of("target", "spring-modulith-docs", "components.puml");
        assertThat(Files.readString(components)).contains("Market subjects", "Identity and data scope", "Platform");
    }
}
