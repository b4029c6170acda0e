package org.sibao.platform.job;

import java.util.List;

/** What a running job reports; progress is written to the database so that every node can show it. */
public interface JobProgress {

    void total(int total);

    /** Adds to the counters and records rejected items; writes the progress through. */
    void advance(int processed, int accepted, List<JobError> rejected);
}
