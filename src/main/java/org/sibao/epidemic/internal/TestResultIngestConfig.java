package org.sibao.epidemic.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** PostgreSQL gets the COPY path; every other database (H2) the JDBC batch fallback. */
@Configuration(proxyBeanMethods = false)
class TestResultIngestConfig {

    @Bean
    TestResultIngest testResultIngest(DataSource dataSource, JdbcClient jdbc, JdbcTemplate template) throws SQLException {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        }
        return "PostgreSQL".equalsIgnoreCase(product) ? new PostgresTestResultIngest(dataSource, jdbc)
                : new BatchTestResultIngest(jdbc, template);
    }
}
