package org.sibao.platform.job;

/** The body of a background job. It runs with the submitter's security context and locale. */
@FunctionalInterface
public interface JobWork {

    void run(JobProgress progress) throws Exception;
}
