package org.sibao.subject.internal;

import java.util.List;
import java.util.Optional;

import org.sibao.identity.DataScope;
import org.sibao.identity.EnterpriseDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers identity's questions about subjects without identity depending on this module. */
@Component
class SubjectDirectory implements EnterpriseDirectory {

    private final JdbcClient jdbc;
    private final SubjectRepository repository;

    SubjectDirectory(JdbcClient jdbc, SubjectRepository repository) {
        this.jdbc = jdbc;
        this.repository = repository;
    }

    @Override
    public Optional<String> regionOf(String enterpriseId) {
        return jdbc.sql("SELECT region_code FROM subject WHERE id = ?").param(enterpriseId).query(String.class).optional();
    }

    @Override
    public List<String> sampleUnder(String regionPrefix, int limit) {
        return jdbc.sql("SELECT id FROM subject WHERE region_code LIKE ? ORDER BY uscc, project_no LIMIT ?")
                .params(regionPrefix + "%", limit).query(String.class).list();
    }

    @Override
    public List<String> activeWhitelistUnder(String regionPrefix, int limit) {
        return jdbc.sql("SELECT id FROM subject WHERE region_code LIKE ? AND whitelist_status = 'ACTIVE' "
                + "ORDER BY uscc, project_no LIMIT ?").params(regionPrefix + "%", limit).query(String.class).list();
    }

    @Override
    public Optional<String> nameOf(String enterpriseId) {
        return jdbc.sql("SELECT name FROM subject WHERE id = ?").param(enterpriseId).query(String.class).optional();
    }

    @Override
    public Optional<String> resolve(String text, DataScope scope) {
        return repository.resolve(text, SubjectService.scopeFilter(scope));
    }
}
