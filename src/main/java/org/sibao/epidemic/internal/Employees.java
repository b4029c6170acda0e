package org.sibao.epidemic.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.sibao.platform.Validation;

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

    /**
     * Rejects, as {@code field[i]}, each of {@code ids} that is not an employee of the subject (null ones too); one
     * query for the whole list.
     */
    static void check(JdbcClient jdbc, Validation v, String subjectId, List<String> ids, String field) {
        Set<String> known = new HashSet<>(ofSubject(jdbc, subjectId,
                ids.stream().filter(Objects::nonNull).distinct().toList()));
        for (int i = 0; i < ids.size(); i++) {
            v.check(known.contains(ids.get(i)), field + "[" + i + "]", "epidemic.incident.employee");
        }
    }
}
