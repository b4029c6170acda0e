package org.sibao.platform.job;

import java.time.OffsetDateTime;
import java.util.List;

/** A background job's state as any node reads it from the database. */
public record JobView(String id, String type, JobStatus status, int total, int processed, int accepted, int rejected,
        List<JobError> errors, String message, String createdBy, OffsetDateTime createdAt, OffsetDateTime finishedAt) {

    /** 0–100. */
    public int percent() {
        if (status == JobStatus.SUCCEEDED || status == JobStatus.FAILED) {
            return 100;
        }
        return total <= 0 ? 0 : (int) Math.min(100, processed * 100L / total);
    }

    public boolean finished() {
        return status == JobStatus.SUCCEEDED || status == JobStatus.FAILED;
    }
}
