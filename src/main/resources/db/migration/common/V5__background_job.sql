-- Long-running work (imports, big exports) with progress kept in the database so that any node can report it.
CREATE TABLE background_job (
    id          VARCHAR(36)  PRIMARY KEY,
    job_type    VARCHAR(60)  NOT NULL,
    status      VARCHAR(12)  NOT NULL,
    total       INT          NOT NULL DEFAULT 0,
    processed   INT          NOT NULL DEFAULT 0,
    accepted    INT          NOT NULL DEFAULT 0,
    rejected    INT          NOT NULL DEFAULT 0,
    errors_json TEXT,
    message     VARCHAR(500),
    created_by  VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX background_job_creator_idx ON background_job (created_by, created_at);
