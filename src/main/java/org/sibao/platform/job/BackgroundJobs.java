package org.sibao.platform.job;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Ids;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs long work (imports) on a small executor and keeps its progress in {@code background_job}: status,
 * total/processed/accepted/rejected counters and the rejected items. A job is visible to the user who started it.
 */
@Service
public class BackgroundJobs {

    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);
    private static final TypeReference<List<JobError>> ERRORS = new TypeReference<>() {
    };
    /** Rejected items kept per job; beyond this only the counter grows (the report says so). */
    static final int MAX_ERRORS = 10_000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final BusinessClock clock;
    private final Executor executor;

    BackgroundJobs(JdbcClient jdbc, JsonMapper json, BusinessClock clock, @Qualifier("jobExecutor") Executor executor) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.executor = executor;
    }

    /** Records a QUEUED job owned by the current user, runs it in the background and returns its id. */
    public String submit(String type, JobWork work) {
        String id = Ids.newId();
        jdbc.sql("INSERT INTO background_job (id, job_type, status, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, type, JobStatus.QUEUED.name(), currentActor(), clock.nowOffset()).update();
        SecurityContext context = SecurityContextHolder.getContext();
        Locale locale = LocaleContextHolder.getLocale();
        executor.execute(() -> {
            SecurityContext previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(context);
            LocaleContextHolder.setLocale(locale);
            try {
                run(id, work);
            } finally {
                SecurityContextHolder.setContext(previous);
                LocaleContextHolder.resetLocaleContext();
            }
        });
        return id;
    }

    /** The job if the current user started it. */
    public Optional<JobView> find(String id) {
        return jdbc.sql("""
                SELECT id, job_type, status, total, processed, accepted, rejected, errors_json, message, created_by,
                       created_at, finished_at FROM background_job WHERE id = ? AND created_by = ?""")
                .params(id, currentActor())
                .query((rs, i) -> new JobView(rs.getString(1), rs.getString(2), JobStatus.valueOf(rs.getString(3)),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), errors(rs.getString(8)), rs.getString(9),
                        rs.getString(10), rs.getObject(11, OffsetDateTime.class), rs.getObject(12, OffsetDateTime.class)))
                .optional();
    }

    private void run(String id, JobWork work) {
        jdbc.sql("UPDATE background_job SET status = ? WHERE id = ?").params(JobStatus.RUNNING.name(), id).update();
        Progress progress = new Progress(id);
        try {
            work.run(progress);
            finish(id, JobStatus.SUCCEEDED, null, progress);
        } catch (Exception e) {
            log.warn("Background job {} failed: {}", id, e.toString());
            finish(id, JobStatus.FAILED, e.getClass().getSimpleName(), progress);
        }
    }

    private void finish(String id, JobStatus status, String message, Progress p) {
        jdbc.sql("""
                UPDATE background_job SET status = ?, message = ?, total = ?, processed = ?, accepted = ?, rejected = ?,
                       errors_json = ?, finished_at = ? WHERE id = ?""")
                .params(status.name(), message, Math.max(p.total, p.processed), p.processed, p.accepted, p.rejected,
                        json.writeValueAsString(p.errors), clock.nowOffset(), id)
                .update();
    }

    private List<JobError> errors(String text) {
        return text == null ? List.of() : json.readValue(text, ERRORS);
    }

    private static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }

    private final class Progress implements JobProgress {

        private final String id;
        private int total;
        private int processed;
        private int accepted;
        private int rejected;
        private final List<JobError> errors = new ArrayList<>();

        Progress(String id) {
            this.id = id;
        }

        @Override
        public void total(int total) {
            this.total = total;
            jdbc.sql("UPDATE background_job SET total = ? WHERE id = ?").params(total, id).update();
        }

        @Override
        public void advance(int processed, int accepted, List<JobError> rejectedItems) {
            this.processed += processed;
            this.accepted += accepted;
            this.rejected += rejectedItems.size();
            for (JobError e : rejectedItems) {
                if (errors.size() < MAX_ERRORS) {
                    errors.add(e);
                }
            }
            jdbc.sql("UPDATE background_job SET processed = ?, accepted = ?, rejected = ? WHERE id = ?")
                    .params(this.processed, this.accepted, this.rejected, id).update();
        }
    }
}
