package org.sibao.epidemic.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Checks of employee ids named in a request (close contacts, zone members) against a subject's roster. */
final class Employees {

    private Employees() {
    }

    /** Those of {@code ids} that are employees of the subject, with one query (callers cap the list). */
    static List<String> ofSubject(JdbcClient jdbc, String subjectId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(subjectId);
        params.addAll(ids);
        return jdbc.sql("SELECT id FROM epi_employee WHERE subject_id = ? AND id IN (" + "?,".repeat(ids.size() - 1) + "?)")
                .params(params).query(String.class).list();
    }
}
