package org.sibao.platform.job;

public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED
}
