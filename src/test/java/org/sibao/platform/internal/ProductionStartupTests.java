package org.sibao.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sibao.SibaoApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/**
 * Production mode without its environment variables stops before any bean is created, with one message that
 * lists every missing variable (not a stack of connection-pool errors).
 */
class ProductionStartupTests {

    private static SpringApplication production() {
        SpringApplication app = new SpringApplication(SibaoApplication.class);
        app.setAdditionalProfiles("postgres");
        app.setWebApplicationType(WebApplicationType.NONE);
        return app;
    }

    @Test
    void failsWithOneClearMessageListingEveryMissingVariable() {
        assertThatThrownBy(() -> production().run())
                .isInstanceOf(MissingProductionSettingsException.class)
                .hasMessageContaining("SIBAO_DB_URL")
                .hasMessageContaining("SIBAO_DB_USER")
                .hasMessageContaining("SIBAO_DB_PASSWORD")
                .hasMessageContaining("SIBAO_TOKEN_SECRET")
                .hasMessageContaining("SIBAO_PERSONAL_DATA_KEY")
                .hasMessageContaining("SIBAO_PASS_SIGNING_KEY")
                .hasMessageStartingWith("Production mode (profile 'postgres') cannot start");
    }

    @Test
    void namesOnlyWhatIsStillMissing() {
        assertThatThrownBy(() -> production().run("--SIBAO_DB_URL=jdbc:postgresql://localhost:1/sibao",
                "--SIBAO_DB_USER=sibao", "--SIBAO_DB_PASSWORD=secret"))
                .isInstanceOfSatisfying(MissingProductionSettingsException.class,
                        e -> assertThat(e.missing()).containsExactly("SIBAO_TOKEN_SECRET", "SIBAO_PERSONAL_DATA_KEY", "SIBAO_PASS_SIGNING_KEY"));
    }

    @Test
    void failureAnalyzerTurnsItIntoAShortReport() {
        var analysis = new MissingProductionSettingsFailureAnalyzer()
                .analyze(new MissingProductionSettingsException(java.util.List.of("SIBAO_DB_URL")));
        assertThat(analysis.getDescription()).contains("SIBAO_DB_URL");
        assertThat(analysis.getAction()).contains("SIBAO_DB_URL");
    }

    @Test
    void productionProfileTurnsDrillModeAndDemoDataOff() throws Exception {
        var sources = new org.springframework.boot.env.YamlPropertySourceLoader().load("postgres",
                new org.springframework.core.io.ClassPathResource("application-postgres.yml"));
        assertThat(sources.get(0).getProperty("sibao.drill-mode")).isEqualTo(false);
        assertThat(sources.get(0).getProperty("sibao.demo-data")).isEqualTo(false);
    }

    @Test
    void demoModeIsNotChecked() {
        var check = new ProductionSettingsCheck();
        var demo = new org.springframework.mock.env.MockEnvironment();
        demo.setActiveProfiles("demo");
        check.setEnvironment(demo);
        assertThatCode(() -> check.postProcessBeanFactory(null)).doesNotThrowAnyException();

        var production = new org.springframework.mock.env.MockEnvironment();
        production.setActiveProfiles("postgres");
        check.setEnvironment(production);
        assertThatThrownBy(() -> check.postProcessBeanFactory(null)).isInstanceOf(MissingProductionSettingsException.class);
    }
}
